import { CsvReader, type CsvRecord, trimPadding } from './csv.js';
import { PabulibError } from './types.js';

/** The three sections of a `.pb` file, in the only order the format allows. */
export const SECTION_ORDER = ['META', 'PROJECTS', 'VOTES'] as const;

/** A section title line: `META`, `PROJECTS` or `VOTES`. */
export type SectionTitle = (typeof SECTION_ORDER)[number];

/** One section as read: its title line, header record and data records. */
export interface RawSection {
  title: SectionTitle;
  titleLine: number;
  header: CsvRecord;
  rows: CsvRecord[];
}

/**
 * Splits the file into its META, PROJECTS and VOTES sections, checking they are all there, once
 * each, in order. Blank lines are skipped: they hold no data.
 */
export function readSections(text: string): [RawSection, RawSection, RawSection] {
  rejectWhatIsNotPabulib(text);
  const reader = new CsvReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  let lastLine = 1;
  while (!reader.done) {
    // Header lines are always trimmed; a padded header (`key; value`) means the section's rows are padded too.
    const record = reader.next(current === undefined || current.header.padded);
    lastLine = record.line;
    if (isBlank(record)) continue;
    const title = sectionTitle(record);
    if (title === undefined) {
      if (current === undefined) throw new PabulibError(record.line, `expected the META section title, found "${preview(record)}"`);
      current.rows.push(record);
      continue;
    }
    checkOrder(title, record.line, sections);
    const header = nextNonBlank(reader);
    if (header === undefined || sectionTitle(header) !== undefined) {
      throw new PabulibError(header?.line ?? record.line, `the ${title} section has no header line (its column names)`);
    }
    lastLine = header.line;
    current = { title, titleLine: record.line, header, rows: [] };
    sections.push(current);
  }
  if (sections.length < SECTION_ORDER.length) {
    throw new PabulibError(lastLine, `the file ends here without a ${SECTION_ORDER[sections.length]} section`);
  }
  return sections as [RawSection, RawSection, RawSection];
}

function rejectWhatIsNotPabulib(text: string): void {
  if (/^[\s\ufeff]*$/.test(text)) throw new PabulibError(1, 'the file is empty; a .pb file starts with META');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new PabulibError(lineAt(text, nul), 'this is a binary file (it contains NUL bytes), not a .pb text file');
  }
  const start = /^[\s\ufeff]*</.exec(text);
  if (start !== null) {
    const firstLine = text.slice(start[0].length - 1).split(/\r?\n|\r/, 1)[0]?.slice(0, 40);
    throw new PabulibError(
      lineAt(text, start[0].length - 1),
      `this looks like an HTML or XML page ("${firstLine}"), not a .pb file; was an error page downloaded instead?`,
    );
  }
}

function checkOrder(title: SectionTitle, line: number, sections: RawSection[]): void {
  const earlier = sections.find((section) => section.title === title);
  if (earlier !== undefined) {
    throw new PabulibError(line, `a second ${title} section (the first is on line ${earlier.titleLine})`);
  }
  const expected = SECTION_ORDER[sections.length];
  if (title !== expected) {
    throw new PabulibError(
      line,
      `found ${title} where the ${expected} section should start; sections must come in the order ${SECTION_ORDER.join(', ')}`,
    );
  }
}

function nextNonBlank(reader: CsvReader): CsvRecord | undefined {
  while (!reader.done) {
    const record = reader.next(true);
    if (!isBlank(record)) return record;
  }
  return undefined;
}

function isBlank(record: CsvRecord): boolean {
  return record.cells.length === 1 && trimPadding(record.cells[0] ?? '') === '';
}

function sectionTitle(record: CsvRecord): SectionTitle | undefined {
  if (record.cells.length !== 1) return undefined;
  const word = trimPadding(record.cells[0] ?? '').toUpperCase();
  return (SECTION_ORDER as readonly string[]).includes(word) ? (word as SectionTitle) : undefined;
}

/** The start of a record, for error messages. */
export function preview(record: CsvRecord): string {
  const text = record.cells.join(';');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let position = 0; position < index; position += 1) {
    const code = text.charCodeAt(position);
    if (code === 10 || (code === 13 && text.charCodeAt(position + 1) !== 10)) line += 1;
  }
  return line;
}
