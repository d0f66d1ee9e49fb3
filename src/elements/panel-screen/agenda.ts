/** The agenda: the welcome before the first proposal, then one proposal at a time, large. */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatMoney } from '../../domain/format.js';
import type { Proposal, Round } from '../../domain/types.js';
import { positionText } from './words.js';
import { localText } from '../../core/local-text.js';

export interface AgendaView {
  round: Round;
  proposals: readonly Proposal[];
  proposalId: string | null;
  locale: string;
  level: number;
}

export function renderAgenda({ round, proposals, proposalId, locale, level }: AgendaView) {
  const index = proposalId === null ? -1 : proposals.findIndex((proposal) => proposal.id === proposalId);
  const proposal = proposals[index];
  if (!proposal) {
    return html`<section class="agenda" part="agenda" aria-labelledby="shown">
      <p class="eyebrow">${msg('Welcome')}</p>
      <div class="title" role="heading" aria-level=${level} id="shown" dir="auto">${localText(round.title, locale)}</div>
      ${round.description ? html`<p class="lead" dir="auto">${localText(round.description, locale)}</p>` : nothing}
    </section>`;
  }
  return html`<section class="agenda" part="agenda" aria-labelledby="shown">
    <p class="eyebrow">${positionText(index + 1, proposals.length, locale)}</p>
    <div class="title" role="heading" aria-level=${level} id="shown" dir="auto">${localText(proposal.title, locale)}</div>
    <p class="lead" dir="auto">${localText(proposal.summary, locale)}</p>
    <dl class="facts">
      <div><dt>${msg('Cost')}</dt><dd class="figure">${formatMoney(proposal.cost, round.currency, locale)}</dd></div>
      ${proposal.area ? html`<div><dt>${msg('Area')}</dt><dd dir="auto">${proposal.area}</dd></div>` : nothing}
    </dl>
  </section>`;
}
