import { type CsvRecord, setEntry, trimPadding } from './csv.js';
import { type PabulibVoteType, checkMeta, readCount, readCurrencyDigits, readMoney, readVoteType } from './meta.js';
import { parseMinorUnits } from '../money.js';
import { type RawSection, preview, readSections } from './sections.js';
import type { PabulibElection, PabulibProject, PabulibVote, PabulibWarning } from './types.js';
import { PabulibError } from './types.js';
import { readVoteCells } from './vote-cells.js';

/**
 * Reads a `.pb` file (https://pabulib.org/format). Accepts LF, CRLF and mixed line endings, a
 * missing final newline, CSV quoting, float-formatted amounts and spaces around cells. Text values
 * are kept exactly as written. Odd but usable data (a project listed twice in one vote, counts
 * that differ from META) is kept and reported in `warnings`.
 * @throws {PabulibError} naming the line and the problem; never returns a partial result.
 */
export function parsePabulib(text: string): PabulibElection {
  const [metaSection, projectSection, voteSection] = readSections(text);
  const warnings: PabulibWarning[] = [];

  const { meta, lineOf } = readMeta(metaSection);
  const currency = readCurrencyDigits(meta);
  if (currency.problem !== undefined) warnings.push({ line: lineOf('currency'), message: currency.problem });
  warnings.push(...checkMeta(meta, currency.digits, lineOf));
  const voteType = readVoteType(meta, lineOf);
  const budget = readMoney(meta, 'budget', currency.digits, lineOf) ?? 0;

  const projectColumns = readHeader(projectSection, ['project_id', 'cost']);
  const projects = readProjects(projectSection, projectColumns, currency.digits);
  const voteColumns = readHeader(voteSection, voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']);
  const projectIds = new Set(projects.map((project) => project.id));
  const votes = readVotes(voteSection, voteColumns, voteType, projectIds, warnings);

  for (const [key, count, what] of [['num_projects', projects.length, 'projects'], ['num_votes', votes.length, 'votes']] as const) {
    const declared = readCount(meta, key, lineOf);
    if (declared !== undefined && declared !== count) {
      warnings.push({ line: lineOf(key), message: `META ${key} says ${declared} but the file has ${count} ${what}` });
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  return { meta, projectColumns, projects, voteColumns, votes, currencyDigits: currency.digits, budget, warnings };
}

function readMeta(section: RawSection): { meta: Record<string, string>; lineOf: (key: string) => number } {
  const header = section.header.cells.map((cell) => cell.toLowerCase());
  if (header.length !== 2 || header[0] !== 'key' || header[1] !== 'value') {
    throw new PabulibError(section.header.line, `the META header must be "key;value", found "${preview(section.header)}"`);
  }
  const meta: Record<string, string> = {};
  const lines = new Map<string, number>();
  for (const row of section.rows) {
    if (row.cells.length === 1) {
      throw new PabulibError(row.line, `META line "${preview(row)}" has no ";" between its key and value`);
    }
    if (row.cells.length > 2) {
      throw new PabulibError(
        row.line,
        `META line has ${row.cells.length} cells, expected key;value (a value containing ";" must be in double quotes)`,
      );
    }
    const key = trimPadding(row.cells[0] ?? '');
    if (key === '') throw new PabulibError(row.line, 'META line has an empty key');
    const earlier = lines.get(key);
    if (earlier !== undefined) throw new PabulibError(row.line, `META key "${key}" appears again (first on line ${earlier})`);
    setEntry(meta, key, row.cells[1] ?? '');
    lines.set(key, row.line);
  }
  return { meta, lineOf: (key) => lines.get(key) ?? section.titleLine };
}

function readHeader(section: RawSection, required: string[]): string[] {
  const columns = section.header.cells;
  const line = section.header.line;
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === '') throw new PabulibError(line, `${section.title} header: column ${index + 1} has no name`);
    if (seen.has(column)) throw new PabulibError(line, `${section.title} header names column "${column}" twice`);
    seen.add(column);
  });
  for (const name of required) {
    if (!seen.has(name)) {
      throw new PabulibError(line, `${section.title} header has no "${name}" column (found: ${columns.join(';')})`);
    }
  }
  return columns;
}

function rowFields(row: CsvRecord, columns: string[], section: RawSection): Record<string, string> {
  if (row.cells.length !== columns.length) {
    const hint = row.cells.length > columns.length ? ' (a value containing ";" must be in double quotes)' : '';
    throw new PabulibError(
      row.line,
      `${section.title} row has ${row.cells.length} cells but the header on line ${section.header.line} has ${columns.length} columns${hint}`,
    );
  }
  const fields: Record<string, string> = {};
  for (let index = 0; index < columns.length; index += 1) setEntry(fields, columns[index] as string, row.cells[index] as string);
  return fields;
}

function readId(row: CsvRecord, fields: Record<string, string>, column: string, firstSeen: Map<string, number>): string {
  const id = trimPadding(fields[column] ?? '');
  if (id === '') throw new PabulibError(row.line, `${column} is empty`);
  const earlier = firstSeen.get(id);
  if (earlier !== undefined) throw new PabulibError(row.line, `${column} "${id}" appears again (first on line ${earlier})`);
  firstSeen.set(id, row.line);
  return id;
}

function readProjects(section: RawSection, columns: string[], digits: number): PabulibProject[] {
  const firstSeen = new Map<string, number>();
  return section.rows.map((row) => {
    const fields = rowFields(row, columns, section);
    const id = readId(row, fields, 'project_id', firstSeen);
    const cost = parseMinorUnits(fields.cost ?? '', digits);
    if (typeof cost === 'string') throw new PabulibError(row.line, `project ${id}: cost ${cost}`);
    return { id, cost, fields };
  });
}

function readVotes(
  section: RawSection,
  columns: string[],
  voteType: PabulibVoteType,
  projectIds: Set<string>,
  warnings: PabulibWarning[],
): PabulibVote[] {
  const firstSeen = new Map<string, number>();
  return section.rows.map((row) => {
    const fields = rowFields(row, columns, section);
    const voterId = readId(row, fields, 'voter_id', firstSeen);
    const reading = readVoteCells(fields.vote ?? '', fields.points, voteType);
    if (typeof reading === 'string') throw new PabulibError(row.line, `voter ${voterId}: ${reading}`);
    for (const id of reading.vote) {
      if (!projectIds.has(id)) throw new PabulibError(row.line, `voter ${voterId} votes for project "${id}", which is not in PROJECTS`);
    }
    if (reading.duplicates.length > 0) {
      const outcome = voteType === 'cumulative' ? 'their points were added together' : 'only the first is kept';
      warnings.push({ line: row.line, message: `voter ${voterId} lists project ${reading.duplicates.join(', ')} more than once; ${outcome}` });
    }
    const vote: PabulibVote = { voterId, vote: reading.vote, fields };
    if (reading.points !== undefined) vote.points = reading.points;
    return vote;
  });
}
