/**
 * Keeps each proposal the same object while its data stays the same, across loads: a card given
 * the same object does not render again, and the host's actions made for it are kept, so a
 * keystroke in the search box repaints only the cards that changed and a focused button keeps focus.
 */
import { html, nothing } from 'lit';
import { sameJson } from '../../domain/json.js';
import type { Proposal } from '../../domain/types.js';

export class ProposalIdentity {
  private readonly known = new Map<string, Proposal>();
  private rendered = new WeakMap<Proposal, unknown>();

  /** The items, each replaced by the object already shown for it when its data is unchanged. */
  keep(items: readonly Proposal[]): Proposal[] {
    return items.map((item) => {
      const known = this.known.get(item.id);
      if (known && sameJson(known, item)) return known;
      this.known.set(item.id, item);
      return item;
    });
  }

  /** The host's actions for a proposal, in the card's `actions` slot; made once per proposal. */
  actions(proposal: Proposal, render: (proposal: Proposal) => unknown): unknown {
    if (!this.rendered.has(proposal)) this.rendered.set(proposal, render(proposal));
    const content = this.rendered.get(proposal);
    if (content === null || content === undefined || content === nothing) return nothing;
    return html`<div slot="actions" class="card-actions">${content}</div>`;
  }

  /** Makes every proposal's actions again: the host gave a new `renderActions`. */
  forgetActions(): void {
    this.rendered = new WeakMap();
  }
}
