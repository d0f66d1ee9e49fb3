/**
 * The figures a resident watches while choosing: money chosen and left against the budget, how
 * many are chosen, points left, questions answered. Shown in a sticky bar; the shell announces the
 * same sentences politely a moment after a change (`figures`), never on every keystroke.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { chosenIds, minimumSpendMet, moneyLeft, pointsLeft, spent } from '../../../domain/rules/index.js';
import { chosenCount, moneyFigure } from '../texts.js';
import type { BallotView } from '../view.js';

/** The figures as sentences, for the bar and for the announcement. */
export function figures(view: BallotView): string[] {
  const { rules, selections, proposals } = view;
  const chosen = chosenIds(selections).length;
  const n = view.number;
  switch (rules.kind) {
    case 'approval':
    case 'ordinal': {
      const lines = [rules.maxLength !== undefined ? msg(str`${n(chosen)} of ${n(rules.maxLength)} chosen`) : chosenCount(chosen, view.locale)];
      const left = moneyLeft(rules, selections, proposals);
      if (left !== null && rules.kind === 'approval') lines.unshift(moneyFigure(spent(selections, proposals), rules.maxSumCost!, left, view));
      if (rules.kind === 'approval' && rules.minSumCost !== undefined && !minimumSpendMet(rules, selections, proposals)) {
        const short = rules.minSumCost - spent(selections, proposals);
        lines.push(msg(str`${view.money(short)} more to reach the least you must choose, ${view.money(rules.minSumCost)}`));
      }
      return lines;
    }
    case 'cumulative': {
      const left = pointsLeft(rules, selections) ?? 0;
      return [
        left >= 0 ? msg(str`${n(left)} of ${n(rules.maxSumPoints)} points left`) : msg(str`${n(-left)} points more than the ${n(rules.maxSumPoints)} you have`),
        ...(rules.maxLength !== undefined ? [msg(str`${n(chosen)} of ${n(rules.maxLength)} chosen`)] : []),
      ];
    }
    case 'yes-no':
      const asked = proposals.filter((proposal) => proposal.status !== 'withdrawn').length;
      return asked > 1 ? [msg(str`${n(Object.keys(selections).length)} of ${n(asked)} answered`)] : [];
    case 'choose-1':
      return [];
  }
}

export function meter(view: BallotView) {
  const lines = figures(view);
  if (!lines.length) return nothing;
  const { rules, selections, proposals } = view;
  const limit = rules.kind === 'approval' ? rules.maxSumCost : rules.kind === 'cumulative' ? rules.maxSumPoints : undefined;
  const used = rules.kind === 'approval' ? spent(selections, proposals) : limit! - (pointsLeft(rules, selections) ?? 0);
  // The bar is for the eye; the sentences beside it say the same to everyone.
  return html`<div class="meter" part="meter">
    ${limit ? html`<progress class="meter__bar" max=${limit} .value=${Math.min(used, limit)} aria-hidden="true"></progress>` : nothing}
    ${lines.map((line) => html`<p class="meter__line">${line}</p>`)}
  </div>`;
}
