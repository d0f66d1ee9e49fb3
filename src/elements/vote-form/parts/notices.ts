/** The states in which there is nothing to choose: not open yet, closed, already voted, signed out, saved to send later. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../../domain/format.js';

function notice(level: number, title: string, body: unknown, kind = ''): TemplateResult {
  return html`<div class="notice ${kind}" part="notice">
    <div class="step-title" role="heading" aria-level=${level} id="step" tabindex="-1">${title}</div>
    ${body}
  </div>`;
}

/** When the round opens, in the resident's own time zone. */
export function upcoming(level: number, opensAt: string | null, locale: string) {
  const when = opensAt && formatDate(opensAt, locale, { dateStyle: 'full', timeStyle: 'short' });
  return notice(level, msg('Voting has not opened yet'), when ? html`<p>${msg(str`Voting opens on ${when}.`)}</p>` : nothing);
}

export function closed(level: number, resultsUrl?: string) {
  return notice(
    level,
    msg('Voting has closed'),
    html`<p>${msg('Voting in this round has closed.')}</p>
      ${resultsUrl ? html`<p><a href=${resultsUrl} part="results-link">${msg('See the results')}</a></p>` : nothing}`,
  );
}

/** Already voted is a state, not an error: nothing went wrong. */
export function voted(level: number, possibly: boolean) {
  return notice(
    level,
    msg('You have already voted'),
    html`<p>${possibly
      ? msg('Your vote was probably received earlier, when the connection dropped before we heard back. There is nothing more to do.')
      : msg('You have already voted in this round. Thank you! You can only vote once.')}</p>`,
    'notice--success',
  );
}

export function signInNeeded(level: number) {
  return notice(level, msg('Sign in to vote'), html`<p>${msg('To vote in this round, sign in on this website first, then come back to this page.')}</p>`);
}

export function queued(level: number) {
  return notice(
    level,
    msg('Your vote is saved on this device'),
    html`<p>${msg('We could not reach the server, so your vote is saved on this device. It will be sent as soon as you are back online, and you will see your receipt here.')}</p>
      <p>${msg('If you close this page, it will be sent the next time you open it.')}</p>`,
  );
}
