/** The accessible tables of civic-results: each carries the numbers its chart draws, and more. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney, formatNumber, formatPercent } from '../../domain/format.js';
import type { Results } from '../../domain/types.js';
import { whySentence } from './words.js';
import { percentOf, type AreaRow, type ResultRow } from './results-model.js';

interface Formatting {
  currency: string;
  locale: string;
}

export interface ProjectsTable extends Formatting {
  caption: string;
  rows: readonly ResultRow[];
  /** The proposals whose "Why?" is open. */
  open: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/**
 * Every proposal with its outcome, votes, cost and area; the outcome comes straight after the title,
 * so a phone shows it without scrolling the table. "Why?" is a disclosure (a button with
 * `aria-expanded` controlling the sentence below it), so it works with a keyboard and a screen
 * reader alike and never hides behind a hover. Its name ends with the proposal's title, which a
 * screen reader's list of buttons otherwise could not tell apart.
 */
export function renderProjectsTable({ caption, rows, open, onToggle, currency, locale }: ProjectsTable): TemplateResult {
  return scrolling(
    caption,
    html`<table class="table" part="table">
      <caption class="table__caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Project')}</th>
          <th scope="col">${msg('Result')}</th>
          <th scope="col" class="numeric">${msg('Votes')}</th>
          <th scope="col" class="numeric">${msg('Cost')}</th>
          <th scope="col">${msg('Area')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row, i) => {
          const expanded = open.has(row.id);
          const sentence = row.explanation ? (expanded ? whySentence(row, currency, locale) : '') : undefined;
          return html`<tr class=${row.selected ? 'funded' : nothing}>
            <th scope="row" dir="auto" lang=${row.titleLang ?? nothing}>${row.title}</th>
            <td class="result">
              <span class="tag ${row.selected ? 'tag--funded' : ''}">${row.selected ? msg('Funded') : msg('Not funded')}</span>
              ${sentence === undefined
                ? nothing
                : html`<button type="button" class="why" part="why-button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="why-${i}" @click=${() => onToggle(row.id)}>
                      ${msg('Why?')}<span class="visually-hidden" dir="auto" lang=${row.titleLang ?? nothing}> ${row.title}</span>
                    </button>
                    <p class="why__text" part="why" id="why-${i}" ?hidden=${!expanded}>${sentence}</p>`}
            </td>
            <td class="numeric">${formatNumber(row.votes, locale)}</td>
            <td class="numeric">${row.cost === undefined ? '' : formatMoney(row.cost, currency, locale)}</td>
            <td dir="auto">${row.area ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`,
    true,
  );
}

/** Each area's funded proposals and the money they took. */
export function renderAreaTable(caption: string, rows: readonly AreaRow[], spent: number, { currency, locale }: Formatting): TemplateResult {
  return scrolling(
    caption,
    html`<table class="table" part="area-table">
      <caption class="table__caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Area')}</th>
          <th scope="col" class="numeric">${msg('Projects funded')}</th>
          <th scope="col" class="numeric">${msg('Money')}</th>
          <th scope="col" class="numeric">${msg('Share of the money spent')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row" dir=${row.area === null ? nothing : 'auto'}>${row.area ?? msg('No area')}</th>
            <td class="numeric">${formatNumber(row.funded, locale)}</td>
            <td class="numeric">${formatMoney(row.spent, currency, locale)}</td>
            <td class="numeric">${formatPercent(percentOf(row.spent, spent), locale, { decimals: 1 })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** How many voters had how many of their choices funded. */
export function renderFundedChoicesTable(caption: string, rows: NonNullable<Results['fundedChoices']>, locale: string): TemplateResult {
  const voters = rows.reduce((sum, row) => sum + row.voters, 0);
  return scrolling(
    caption,
    html`<table class="table" part="choices-table">
      <caption class="table__caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="numeric">${msg('Projects they chose that were funded')}</th>
          <th scope="col" class="numeric">${msg('Voters')}</th>
          <th scope="col" class="numeric">${msg('Share of voters')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row" class="numeric">${formatNumber(row.funded, locale)}</th>
            <td class="numeric">${formatNumber(row.voters, locale)}</td>
            <td class="numeric">${formatPercent(percentOf(row.voters, voters), locale, { decimals: 1 })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/**
 * A table wider than a phone scrolls inside its own region instead of the page; the region can take
 * focus, so a keyboard can scroll it too.
 */
function scrolling(label: string, table: TemplateResult, long = false): TemplateResult {
  return html`<div class="table-scroll ${long ? 'table-scroll--long' : ''}" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}
