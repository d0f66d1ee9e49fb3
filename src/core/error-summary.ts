import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/** One line of an error summary: the message, and the id of the field it is about (none for a problem with no field). */
export interface SummaryItem {
  text: string;
  target?: string;
}

/**
 * GOV.UK's error summary, rebuilt for shadow DOM: GOV.UK Frontend finds fields with
 * `document.getElementById`, which cannot see into a shadow root, and a plain `#id` link would
 * change the host page's URL. Here each link focuses its field inside `root` and scrolls its
 * label or legend into view. Give the summary focus after it renders (`tabindex="-1"`), so
 * keyboard and screen reader users start from it. Each line takes its own direction (`dir="auto"`),
 * since a message may quote a question in another script.
 */
export function renderErrorSummary(items: readonly SummaryItem[], root: ParentNode): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="error-summary__title">${msg('There is a problem')}</h2>
      <ul class="error-summary__list">
        ${items.map((item) =>
          item.target
            ? html`<li dir="auto"><a href="#${item.target}" @click=${(event: Event) => focusField(event, root, item.target!)}>${item.text}</a></li>`
            : html`<li dir="auto">${item.text}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

function focusField(event: Event, root: ParentNode, id: string): void {
  const field = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!field) return;
  event.preventDefault();
  // The question is what the resident needs to see, not only the box: bring its legend or label into view.
  const heading = field.closest('fieldset')?.querySelector('legend') ?? root.querySelector(`label[for="${CSS.escape(id)}"]`);
  heading?.scrollIntoView();
  field.focus({ preventScroll: !!heading });
}
