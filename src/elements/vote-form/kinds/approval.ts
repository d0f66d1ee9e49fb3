/** Approval and knapsack ballots: a checkbox per proposal; one that no longer fits stays focusable and says why. */
import { html, nothing } from 'lit';
import type { Proposal } from '../../../domain/types.js';
import { describedBy, label, row } from '../parts/row.js';
import type { BallotView } from '../view.js';

/** The checkbox of one proposal in a list of chosen ids; shared with the ranked ballot, which chooses the same way. */
export function checkbox(view: BallotView<string[]>, proposal: Proposal) {
  const chosen = view.selections.includes(proposal.id);
  // aria-disabled, never disabled: a disabled box drops out of the tab order and its reason is never heard.
  const blocked = !chosen && view.blocks.has(proposal.id);
  const toggle = (event: Event) => {
    if (blocked) return event.preventDefault();
    view.change(chosen ? view.selections.filter((id) => id !== proposal.id) : [...view.selections, proposal.id]);
  };
  return html`<input
      type="checkbox"
      class="check"
      id=${view.idOf(proposal.id)}
      .checked=${chosen}
      aria-disabled=${blocked ? 'true' : nothing}
      aria-invalid=${view.errors.has(view.idOf(proposal.id)) ? 'true' : nothing}
      aria-describedby=${describedBy(view, proposal)}
      @click=${toggle}
    />${label(view, proposal)}`;
}

export function approval(view: BallotView<string[]>) {
  return html`<ul class="rows" role="list">
    ${view.shown.map((proposal) => row(view, proposal, checkbox(view, proposal)))}
  </ul>`;
}
