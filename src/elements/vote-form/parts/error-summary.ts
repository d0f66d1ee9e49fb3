/**
 * GOV.UK's error summary, rebuilt for shadow DOM: focused when it appears, each problem a link to
 * its control. A fragment link cannot cross a shadow root, so each link moves focus itself.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';

/** One problem: what to say, and the id of the control it links to. */
export interface SummaryItem {
  text: string;
  target: string;
}

export function errorSummary(items: readonly SummaryItem[], focus: (id: string) => void, level: number) {
  if (!items.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="error-summary-title">
    <div class="error-summary__title" role="heading" aria-level=${level} id="error-summary-title">${msg('There is a problem')}</div>
    <ul class="error-summary__list">
      ${items.map(
        (item) => html`<li>
          <a href="#${item.target}" dir="auto" @click=${(event: Event) => {
            event.preventDefault();
            focus(item.target);
          }}>${item.text}</a>
        </li>`,
      )}
    </ul>
  </div>`;
}
