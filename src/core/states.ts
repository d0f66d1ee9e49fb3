import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { CivicError } from '../client/client.js';
import { errorMessage } from '../i18n/error-messages.js';

/** A polite live region, so screen readers hear that something is loading without losing their place. */
export function renderLoading(label: string): TemplateResult {
  return html`<div class="message" part="loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span>${label}
  </div>`;
}

/** An alert with a way out: the resident can try again without reloading the page. */
export function renderError(error: CivicError | undefined, retry?: () => void): TemplateResult {
  return html`<div class="message message--error" part="error" role="alert">
    <p class="message__title">${msg('Sorry, there is a problem')}</p>
    <p>${errorMessage(error)}</p>
    ${retry
      ? html`<p><button type="button" class="button button--secondary" part="retry-button" @click=${retry}>
          ${msg('Try again')}
        </button></p>`
      : null}
  </div>`;
}

/** Shown instead of a blank box when the page has not told an element enough to work. */
export function renderMissing(detail: string): TemplateResult {
  return html`<div class="message" part="missing" role="note">
    <p class="message__title">${msg('This widget is not set up yet')}</p>
    <p>${detail}</p>
  </div>`;
}

/**
 * What an element with no backend shows: inside a `<civic-provider>` whose code has not arrived yet
 * it is loading (the provider hands its client over once defined); anywhere else it is not set up.
 */
export function renderNoClient(element: Element, loadingLabel: string): TemplateResult {
  return element.closest('civic-provider:not(:defined)') ? renderLoading(loadingLabel) : renderMissing(missingClientDetail());
}

function missingClientDetail(): string {
  return msg(
    'It needs a server to talk to: give it an api attribute (for example api="https://example.org/api") or place it inside a civic-provider element.',
  );
}
