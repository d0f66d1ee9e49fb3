/**
 * The list's pages, as the GOV.UK pagination pattern shows them: previous, numbers with gaps, next.
 * The arrows (in the styles) are mirrored characters, so they point the right way right to left.
 */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatNumber } from '../../domain/format.js';

/**
 * The page numbers to offer: the first, the last, the current one and its neighbours, with a gap
 * (`null`) where pages are left out: 1 … 4 [5] 6 … 12.
 */
export function pageItems(current: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((page) => page >= 1 && page <= pages).sort((a, b) => a - b);
  const items: Array<number | null> = [];
  for (const page of shown) {
    const previous = items[items.length - 1];
    // A gap of one page shows that page instead: "1 2 3" rather than "1 … 3".
    if (typeof previous === 'number' && page - previous === 2) items.push(previous + 1);
    else if (typeof previous === 'number' && page - previous > 2) items.push(null);
    items.push(page);
  }
  return items;
}

/** The pagination navigation; `go` moves to a page. Nothing when everything fits on one page. */
export function renderPagination(current: number, pages: number, locale: string, go: (page: number) => void) {
  if (pages <= 1) return nothing;
  return html`<nav class="pagination" part="pagination" aria-label=${msg('Pages of proposals')}>
    ${current > 1
      ? html`<button type="button" class="link-button pagination__previous" part="page-button" @click=${() => go(current - 1)}>
          ${msg('Previous page')}
        </button>`
      : nothing}
    <ul class="pagination__list">
      ${pageItems(current, pages).map((page) =>
        page === null
          ? html`<li class="pagination__gap" aria-hidden="true">…</li>`
          : html`<li>
              <button
                type="button"
                class="pagination__page ${page === current ? 'pagination__page--current' : ''}"
                part="page-button"
                aria-current=${page === current ? 'page' : nothing}
                aria-label=${msg(str`Page ${formatNumber(page, locale)}`)}
                @click=${() => page !== current && go(page)}
              >${formatNumber(page, locale)}</button>
            </li>`,
      )}
    </ul>
    ${current < pages
      ? html`<button type="button" class="link-button pagination__next" part="page-button" @click=${() => go(current + 1)}>
          ${msg('Next page')}
        </button>`
      : nothing}
  </nav>`;
}
