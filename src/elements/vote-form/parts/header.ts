/** The round's title and description, and when voting closes while it is open. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatDate } from '../../../domain/format.js';
import type { Round } from '../../../domain/types.js';
import { localText } from '../../../core/local-text.js';

export function roundHeader(round: Round, level: number, locale: string, open: boolean) {
  const closes = open && round.closesAt ? formatDate(round.closesAt, locale, { dateStyle: 'long', timeStyle: 'short' }) : '';
  return html`<div class="heading" part="heading" role="heading" aria-level=${level} id="title" tabindex="-1" dir="auto">${localText(round.title, locale)}</div>
    ${round.description ? html`<p class="description" dir="auto">${localText(round.description, locale)}</p>` : nothing}
    ${closes ? html`<p class="closes">${msg(str`Voting closes on ${closes}.`)}</p>` : nothing}`;
}
