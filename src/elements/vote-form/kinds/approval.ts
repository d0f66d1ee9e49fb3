/** Approval and knapsack ballots: a checkbox per proposal; one that no longer fits stays focusable and says why. */
import { html, nothing } from 'lit';
import type { Proposal } from '../../../domain/types.js';
import { describedBy, keptRow, label, row } from '../parts/row.js';
import type { BallotView } from '../view.js';

/**
 * The checkbox of one proposal in a list of chosen ids. It holds no handler of its own: the list's
 * `toggleChecked` reads the selections when it is clicked, so a row that has not changed need not be
 * rendered again (`keptRow`).
 */
function checkbox(view: BallotView<string[]>, proposal: Proposal, chosen: boolean) {
  // aria-disabled, never disabled: a disabled box drops out of the tab order and its reason is never heard.
  const blocked = !chosen && view.blocks.has(proposal.id);
  return html`<input
      type="checkbox"
      class="check"
      id=${view.idOf(proposal.id)}
      value=${proposal.id}
      .checked=${chosen}
      aria-disabled=${blocked ? 'true' : nothing}
      aria-invalid=${view.errors.has(view.idOf(proposal.id)) ? 'true' : nothing}
      aria-describedby=${describedBy(view, proposal)}
    />${label(view, proposal)}`;
}

/** The click handler of a list of checkboxes: adds or removes the clicked box's proposal; a blocked one stays unticked. */
function toggleChecked(view: BallotView<string[]>) {
  return (event: Event) => {
    const box = event.target as HTMLInputElement;
    if (!box.matches('input.check')) return;
    const id = box.value;
    const chosen = view.selections.includes(id);
    if (!chosen && view.blocks.has(id)) return event.preventDefault();
    view.change(chosen ? view.selections.filter((chosenId) => chosenId !== id) : [...view.selections, id]);
  };
}

/** A checkbox row per shown proposal; the ranked ballot chooses the same way before ordering. */
export function approval(view: BallotView<string[]>) {
  return html`<ul class="rows" role="list" @click=${toggleChecked(view)}>
    ${view.shown.map((proposal) => {
      const chosen = view.selections.includes(proposal.id);
      return keptRow(view, proposal, chosen, () => row(view, proposal, checkbox(view, proposal, chosen)));
    })}
  </ul>`;
}
