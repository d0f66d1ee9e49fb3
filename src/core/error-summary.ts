import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/** One problem in an error summary: what is wrong, and how to get to the field at fault. */
export interface ErrorSummaryItem {
  text: string;
  /** The id of the field in the element's shadow root. */
  target?: string;
  /** Moves focus to the field itself, when reaching it needs more (opening a folded group). */
  focus?: () => void;
}

export interface ErrorSummaryOptions {
  /** Where the targets are: the element's shadow root. */
  root?: ParentNode;
  /** The heading level, to fit the page's outline. Default 2. */
  headingLevel?: number;
  title?: string;
}

/**
 * GOV.UK's error summary, rebuilt for shadow DOM, the one every form shares: GOV.UK Frontend finds
 * fields with `document.getElementById`, which cannot see into a shadow root, and a plain `#id` link
 * would change the host page's URL. Here each link moves focus to its field inside the element and
 * brings its label or legend into view. Call `focusErrorSummary` once it renders, so keyboard and
 * screen reader users start from it. Each line takes its own direction (`dir="auto"`), since a
 * message may quote a question in another script. A problem with no field is plain text.
 */
export function renderErrorSummary(items: readonly ErrorSummaryItem[], options: ErrorSummaryOptions): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  const level = Math.min(6, Math.max(2, Math.trunc(options.headingLevel ?? 2)));
  return html`<div class="error-summary" part="error-summary" id="error-summary" tabindex="-1">
    <div role="alert">
      <div class="error-summary__title" role="heading" aria-level=${level}>${options.title ?? msg('There is a problem')}</div>
      <ul class="error-summary__list">
        ${items.map((item) =>
          item.focus || item.target
            ? html`<li dir="auto"><a href="#${item.target ?? ''}" @click=${(event: Event) => follow(event, item, options.root)}>${item.text}</a></li>`
            : html`<li dir="auto">${item.text}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** Moves focus to the error summary in `root`, once it is rendered; true when there was one. */
export function focusErrorSummary(root: ParentNode | null): boolean {
  const summary = root?.querySelector<HTMLElement>('[part~="error-summary"]');
  summary?.focus();
  return summary != null;
}

function follow(event: Event, item: ErrorSummaryItem, root: ParentNode | undefined): void {
  event.preventDefault();
  if (item.focus) return item.focus();
  const field = root?.querySelector<HTMLElement>(`#${CSS.escape(item.target!)}`);
  if (!field) return;
  // The question is what the resident needs to see, not only the box: bring its legend or label into view.
  const heading = field.closest('fieldset')?.querySelector('legend') ?? root!.querySelector(`label[for="${CSS.escape(item.target!)}"]`);
  heading?.scrollIntoView();
  field.focus({ preventScroll: !!heading });
}
