import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** One problem in an error summary: what is wrong, and what to focus to fix it. */
export interface ErrorSummaryItem {
  text: string;
  /** Focuses the field at fault (it may need a collapsed section opened first); a problem with no field is plain text. */
  focus?: () => void;
}

/**
 * GOV.UK's error summary, rebuilt for shadow DOM: a heading and a list of the problems, each a link
 * that moves focus to its field. Links inside a shadow root cannot reach their target by `#id`, so
 * each one focuses it itself. Focus the summary (`part="error-summary"`, tabindex -1) when it appears,
 * so screen reader and keyboard users start there.
 */
export function renderErrorSummary(items: readonly ErrorSummaryItem[], title: string = msg('There is a problem')): TemplateResult {
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 class="error-summary__title" id="error-summary-title">${title}</h2>
    <ul class="error-summary__list">
      ${items.map((item) =>
        item.focus
          ? html`<li dir="auto"><a href="#" @click=${(event: Event) => (event.preventDefault(), item.focus!())}>${item.text}</a></li>`
          : html`<li dir="auto">${item.text}</li>`,
      )}
    </ul>
  </div>`;
}

/** Moves focus to the error summary in `root` once it is rendered; true when there was one. */
export function focusErrorSummary(root: ShadowRoot | null): boolean {
  const summary = root?.querySelector<HTMLElement>('[part~="error-summary"]');
  summary?.focus();
  return summary != null;
}
