/** CSV files made in the browser, safe to open in a spreadsheet. */

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), so a
 * proposal titled `=HYPERLINK(…)` would become a link; OWASP's advice is a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * RFC 4180 text of `rows`: every field quoted, lines ending CRLF, after a UTF-8 byte order mark so
 * that Excel reads accents and non-Latin titles as UTF-8. Numbers are never prefixed, so a
 * spreadsheet still reads them as numbers.
 */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A file name from parts a backend chose: letters, digits and hyphens only. */
export function fileName(parts: readonly string[], extension: string): string {
  const base = parts.map((part) => part.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-');
  return `${base || 'results'}.${extension}`;
}
