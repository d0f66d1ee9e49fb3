/** Check your vote: every choice with its cost, points, place or answer, the total, and a way to change each. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { chosenIds, spent } from '../../../domain/rules/index.js';
import type { YesNoAnswer } from '../../../domain/types.js';
import { answerText, pointsCount } from '../texts.js';
import type { BallotView } from '../view.js';

/** One line of the summary: the proposal, and what the resident gave it. */
export interface ChoiceLine {
  id: string;
  title: string;
  value: string;
}

/** What the resident chose, in ballot order, with the total last (no id). */
export function choiceLines(view: BallotView): ChoiceLine[] {
  const { rules, selections, proposals } = view;
  const line = (id: string, value: string) => ({ id, title: view.titleOf(id), value });
  const cost = (id: string) => view.money(proposals.find((proposal) => proposal.id === id)?.cost ?? 0);
  switch (rules.kind) {
    case 'ordinal':
      return (selections as string[]).map((id, index) => line(id, msg(str`Choice ${view.number(index + 1)}`)));
    case 'cumulative': {
      const points = selections as Record<string, number>;
      const lines = chosenIds(points).map((id) => line(id, pointsCount(points[id]!, view.locale)));
      const total = lines.reduce((sum, { id }) => sum + points[id]!, 0);
      return [...lines, { id: '', title: msg('Points given'), value: String(total) }];
    }
    case 'yes-no':
      return Object.entries(selections as Record<string, YesNoAnswer>).map(([id, answer]) => line(id, answerText(answer)));
    default:
      return [...chosenIds(selections).map((id) => line(id, cost(id))), { id: '', title: msg('Total'), value: view.money(spent(selections, proposals)) }];
  }
}

export function summaryList(lines: readonly ChoiceLine[], change?: (id: string) => void) {
  return html`<dl class="summary" part="summary">
    ${lines.map(
      ({ id, title, value }) => html`<div class="summary__row ${id ? '' : 'summary__row--total'}">
        <dt dir="auto">${title}</dt>
        <dd>${value}</dd>
        ${change && id
          ? html`<dd class="summary__action">
              <a href="#${id}" @click=${(event: Event) => {
                event.preventDefault();
                change(id);
              }}>${msg('Change')}<span class="visually-hidden"> ${title}</span></a>
            </dd>`
          : nothing}
      </div>`,
    )}
  </dl>`;
}

export interface ReviewActions {
  change: (controlId: string) => void;
  submit: () => void;
  back: () => void;
  sending: boolean;
  /** Why the last submit did not go through, when it can be tried again. */
  notice?: string;
}

export function review(view: BallotView, actions: ReviewActions) {
  const lines = choiceLines(view).map((line) => ({ ...line, id: line.id && view.idOf(line.id) }));
  return html`<section class="review" part="review" aria-labelledby="step">
    <div class="step-title" role="heading" aria-level=${view.level} id="step" tabindex="-1">${msg('Check your vote')}</div>
    ${summaryList(lines, actions.change)}
    ${actions.notice ? html`<div class="message message--error" role="alert"><p>${actions.notice}</p></div>` : nothing}
    <div class="actions">
      <button type="button" class="button" part="submit-button" aria-disabled=${actions.sending ? 'true' : 'false'}
        @click=${() => actions.sending || actions.submit()}>${actions.sending ? msg('Sending your vote…') : msg('Submit my vote')}</button>
      <button type="button" class="button button--secondary" @click=${actions.back}>${msg('Change my choices')}</button>
    </div>
  </section>`;
}
