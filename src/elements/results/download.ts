/** The results table as a CSV file, made in the browser. */
import { msg, str } from '@lit/localize';
import { currencyMinorDigits, DEFAULT_CURRENCY_DIGITS, formatMinorUnits } from '../../domain/money.js';
import type { Round, TallyRule } from '../../domain/types.js';
import { csvText, fileName } from './csv.js';
import { whySentence } from './words.js';
import type { ResultRow } from './results-model.js';

/**
 * The table of projects as the resident sees it, with every "Why?" written out. Costs are plain
 * decimals of the currency (`48000`, `12345.67`) so a spreadsheet can add them up.
 */
export function csvFile(round: Round, rows: readonly ResultRow[], locale: string): Blob {
  const digits = currencyMinorDigits(round.currency) ?? DEFAULT_CURRENCY_DIGITS;
  const currency = round.currency;
  const header = [msg('Project'), msg('Result'), msg('Votes'), msg(str`Cost (${currency})`), msg('Area'), msg('Why')];
  const lines = rows.map((row) => [
    row.title,
    row.selected ? msg('Funded') : msg('Not funded'),
    row.votes,
    row.cost === undefined ? '' : Number(formatMinorUnits(row.cost, digits)),
    row.area ?? '',
    whySentence(row, currency, locale) ?? '',
  ]);
  return new Blob([csvText([header, ...lines])], { type: 'text/csv;charset=utf-8' });
}

export function csvFileName(round: Round, rule: TallyRule): string {
  return fileName([round.id, msg('results'), rule], 'csv');
}
