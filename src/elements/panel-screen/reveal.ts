/**
 * The results, revealed by the facilitator: the money spent, then every proposal in the order the
 * rule funded them with its votes and the "Why?" sentence of civic-results, written out (a room
 * cannot open a disclosure). Built from civic-results' own model, words and chart.
 */
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { formatMoney } from '../../domain/format.js';
import type { Proposal, Results, Round } from '../../domain/types.js';
import { renderBarChart } from '../results/bar-chart.js';
import { resultRows } from '../results/results-model.js';
import { ruleName, spentSentence, votesText, whySentence } from '../results/words.js';

export interface RevealView {
  round: Round;
  results: Results;
  proposals: readonly Proposal[];
  locale: string;
  level: number;
}

export function renderReveal({ round, results, proposals, locale, level }: RevealView) {
  const money = (amount: number) => formatMoney(amount, round.currency, locale);
  const rows = resultRows(results, proposals, locale);
  const funded = rows.filter((row) => row.selected);
  return html`<section class="reveal" part="results" aria-labelledby="results-title">
    <div class="title" role="heading" aria-level=${level} id="results-title">${msg('Results')}</div>
    <p class="lead">${spentSentence(money(results.spent), money(results.budget), funded.length, locale)} <span class="hint">${ruleName(results.rule)}</span></p>
    ${renderBarChart(rows.map((row) => ({ label: row.title, fromBackend: true, value: row.votes, text: votesText(row.votes, locale), funded: row.selected })))}
    <ol class="outcomes">
      ${rows.map(
        (row) => html`<li class="outcome ${row.selected ? 'outcome--funded' : ''}">
          <span class="outcome__title" dir="auto">${row.title}</span>
          <span class="tag ${row.selected ? 'tag--funded' : ''}">${row.selected ? msg('Funded') : msg('Not funded')}</span>
          <span class="outcome__votes">${votesText(row.votes, locale)}${row.cost === undefined ? nothing : html` · ${money(row.cost)}`}</span>
          ${row.explanation ? html`<p class="outcome__why" part="why">${whySentence(row, round.currency, locale)}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}
