import { html, nothing, type TemplateResult } from 'lit';

export interface Bar {
  label: string;
  /** The label's language, when the backend sent text in several. */
  lang?: string;
  /** The label is text from the backend (a title, an area): its own direction. */
  fromBackend?: boolean;
  value: number;
  /** The value as a resident reads it, e.g. `412 votes`. */
  text: string | TemplateResult;
  /** Funded bars are filled in the success colour; others in the neutral one. */
  funded?: boolean;
}

/**
 * A horizontal bar chart, hidden from screen readers: the table beside it carries the same numbers.
 * Labels are HTML, so long titles wrap; each bar is an SVG as wide as its share of `max`, placed by
 * layout at the inline start, so the chart mirrors itself on a right-to-left page. SVG rather than a
 * coloured box because Windows high contrast drops backgrounds but keeps a fill told to stay.
 */
export function renderBarChart(bars: readonly Bar[], max = Math.max(0, ...bars.map((bar) => bar.value))): TemplateResult {
  return html`<div class="chart" part="chart" aria-hidden="true">
    ${bars.map(
      (bar) => html`<div class="chart__row">
        <span class="chart__label" dir=${bar.fromBackend ? 'auto' : nothing} lang=${bar.lang ?? nothing}>${bar.label}</span>
        <span class="chart__track">${renderBar(bar.value, max, bar.funded)}</span>
        <span class="chart__value">${bar.text}</span>
      </div>`,
    )}
  </div>`;
}

/** One bar, `value` of `max` wide; a value above zero never disappears. */
export function renderBar(value: number, max: number, funded = false): TemplateResult | typeof nothing {
  if (value <= 0 || max <= 0) return nothing;
  const percent = Math.max(0.5, Math.min(100, (100 * value) / max));
  return html`<svg class="bar ${funded ? 'bar--funded' : ''}" width="${percent.toFixed(2)}%" height="100%" aria-hidden="true"><rect width="100%" height="100%"></rect></svg>`;
}
