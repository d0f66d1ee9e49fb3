/** Cumulative ballots: points per proposal, with a number field and steppers, within the round's limits. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { pointsLeft, pointsPerProposal } from '../../../domain/rules/index.js';
import type { CumulativeRules, Proposal } from '../../../domain/types.js';
import { describedBy, label, row } from '../parts/row.js';
import type { BallotView } from '../view.js';
import { textIn } from '../../../domain/localized-text.js';

type Points = Record<string, number>;

export function cumulative(view: BallotView<Points>) {
  const rules = view.rules as CumulativeRules;
  const { min, max } = pointsPerProposal(rules);
  const left = pointsLeft(rules, view.selections) ?? 0;
  const set = (id: string, points: number | undefined) => {
    const next = { ...view.selections };
    // Taking every point back un-chooses the proposal; the rules count a zero as not chosen.
    if (points === undefined || points === 0) delete next[id];
    else next[id] = points;
    view.change(next);
  };
  const control = (proposal: Proposal) => {
    const id = view.idOf(proposal.id);
    const points = view.selections[proposal.id] ?? 0;
    const title = textIn(proposal.title, view.locale);
    // The first point of a proposal jumps to the least it may have, the last one back to none.
    const up = points === 0 ? min : points + 1;
    const down = points <= min ? 0 : points - 1;
    const cannotAdd = (points === 0 && view.blocks.has(proposal.id)) || up > max || up - points > left;
    const step = (to: number, blocked: boolean) => () => blocked || set(proposal.id, to);
    return html`${label(view, proposal)}
      <span class="points">
        <button type="button" class="button button--secondary stepper" aria-label=${msg(str`Fewer points for ${title}`)}
          aria-disabled=${points === 0 ? 'true' : 'false'} @click=${step(down, points === 0)}>−</button>
        <input
          class="input input--points"
          id=${id}
          type="number"
          inputmode="numeric"
          min="0"
          max=${max}
          step="1"
          .value=${String(points)}
          aria-invalid=${view.errors.has(id) ? 'true' : nothing}
          aria-describedby=${describedBy(view, proposal)}
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value.trim();
            set(proposal.id, text === '' ? undefined : Number(text));
          }}
        />
        <button type="button" class="button button--secondary stepper" aria-label=${msg(str`More points for ${title}`)}
          aria-disabled=${cannotAdd ? 'true' : 'false'} @click=${step(up, cannotAdd)}>+</button>
        <span class="points__unit" aria-hidden="true">${msg('points')}</span>
      </span>`;
  };
  return html`<ul class="rows" role="list">${view.shown.map((proposal) => row(view, proposal, control(proposal)))}</ul>`;
}
