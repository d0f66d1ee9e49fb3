/** Choose-one ballots: a radio group, so choosing another proposal replaces the choice. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { describedBy, label, row } from '../parts/row.js';
import type { BallotView } from '../view.js';

export function chooseOne(view: BallotView<string[]>) {
  return html`<fieldset class="fieldset">
    <legend class="visually-hidden">${msg('Choose one proposal')}</legend>
    <ul class="rows" role="list">
      ${view.shown.map((proposal) =>
        row(
          view,
          proposal,
          html`<input
              type="radio"
              class="check"
              name="choice"
              id=${view.idOf(proposal.id)}
              .checked=${view.selections[0] === proposal.id}
              aria-invalid=${view.errors.has(view.idOf(proposal.id)) ? 'true' : nothing}
              aria-describedby=${describedBy(view, proposal)}
              @change=${() => view.change([proposal.id])}
            />${label(view, proposal)}`,
        ),
      )}
    </ul>
  </fieldset>`;
}
