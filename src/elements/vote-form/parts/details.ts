/** A proposal's full card, one disclosure away; the card is made (and its code loaded) only when opened. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Proposal } from '../../../domain/types.js';
import { localText } from '../../../core/local-text.js';

export function details(proposal: Proposal, open: boolean, toggle: (open: boolean) => void, currency: string, level: number, locale: string) {
  return html`<details class="details" part="details" ?open=${open} @toggle=${(event: Event) => toggle((event.target as HTMLDetailsElement).open)}>
    <summary>${msg('More about this proposal')}<span class="visually-hidden">: ${localText(proposal.title, locale)}</span></summary>
    ${open ? html`<civic-proposal-card .proposal=${proposal} currency=${currency} heading-level=${level}></civic-proposal-card>` : nothing}
  </details>`;
}

/** Loads the card's code the first time a resident opens a proposal's details. */
export const loadCard = () => import('../../proposal-card/proposal-card.js');
