import { quoteCell, trimPadding } from './csv.js';
import { type PabulibVoteType, readCurrencyDigits, readVoteType } from './meta.js';
import { formatMinorUnits, parseMinorUnits } from '../money.js';
import type { PabulibElection, PabulibProject, PabulibVote } from './types.js';
import { PabulibError } from './types.js';
import { readVoteCells } from './vote-cells.js';

/**
 * Writes an election as a `.pb` file: LF line endings, a final newline, quotes only where a cell
 * holds `;`, `"` or a line break. Cells are written as they are in `fields` and `meta`, so a parsed
 * file keeps its exact text (`4000.0`, a vote listing a project twice); where `id`, `cost`,
 * `budget`, `vote` or `points` disagree with their text, the typed value wins.
 * @throws {PabulibError} (line 0) when the election cannot be written so that it reads back the same.
 */
export function writePabulib(election: PabulibElection): string {
  const digits = election.currencyDigits;
  const declared = readCurrencyDigits(election.meta);
  if (declared.digits !== digits) {
    throw new PabulibError(0, `currencyDigits is ${digits} but META currency "${election.meta.currency ?? ''}" means ${declared.digits}`);
  }
  const voteType = readVoteType(election.meta);
  const lines = ['META', 'key;value', ...metaLines(election), 'PROJECTS'];
  checkColumns('project', election.projectColumns, ['project_id', 'cost']);
  lines.push(election.projectColumns.map(quoteCell).join(';'));
  const projectIds = new Set<string>();
  for (const project of election.projects) lines.push(projectLine(project, election.projectColumns, digits, projectIds));
  lines.push('VOTES');
  checkColumns('vote', election.voteColumns, voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']);
  lines.push(election.voteColumns.map(quoteCell).join(';'));
  const voterIds = new Set<string>();
  for (const vote of election.votes) lines.push(voteLine(vote, election.voteColumns, voteType, projectIds, voterIds));
  return `${lines.join('\n')}\n`;
}

function metaLines(election: PabulibElection): string[] {
  const lines: string[] = [];
  const budgetText = (written: string | undefined) =>
    written !== undefined && parseMinorUnits(written, election.currencyDigits) === election.budget
      ? written
      : formatMinorUnits(election.budget, election.currencyDigits);
  for (const [key, value] of Object.entries(election.meta)) {
    checkName('META key', key);
    lines.push(`${quoteCell(key)};${quoteCell(key === 'budget' ? budgetText(value) : value)}`);
  }
  if (!Object.hasOwn(election.meta, 'budget')) lines.push(`budget;${budgetText(undefined)}`);
  return lines;
}

function checkName(what: string, name: string): void {
  if (name === '' || trimPadding(name) !== name) {
    throw new PabulibError(0, `${what} "${name}" cannot be written: names may not be empty or start or end with spaces`);
  }
}

function checkColumns(what: string, columns: string[], required: string[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    checkName(`${what} column`, column);
    if (seen.has(column)) throw new PabulibError(0, `${what} column "${column}" is listed twice`);
    seen.add(column);
  }
  for (const name of required) {
    if (!seen.has(name)) throw new PabulibError(0, `${what}Columns has no "${name}"`);
  }
}

function checkFieldsFit(fields: Record<string, string>, columns: string[], owner: string, columnsName: string): void {
  for (const key of Object.keys(fields)) {
    if (!columns.includes(key)) throw new PabulibError(0, `${owner} has a field "${key}" that is not in ${columnsName}, so it would be lost`);
  }
}

function checkId(id: string, what: string, seen: Set<string>): void {
  if (id === '' || trimPadding(id) !== id) throw new PabulibError(0, `${what} "${id}" cannot be written: ids may not be empty or start or end with spaces`);
  if (seen.has(id)) throw new PabulibError(0, `${what} "${id}" appears twice`);
  seen.add(id);
}

function projectLine(project: PabulibProject, columns: string[], digits: number, ids: Set<string>): string {
  checkId(project.id, 'project_id', ids);
  checkFieldsFit(project.fields, columns, `project ${project.id}`, 'projectColumns');
  return columns
    .map((column) => {
      const written = project.fields[column];
      if (column === 'project_id') return written !== undefined && trimPadding(written) === project.id ? written : project.id;
      if (column === 'cost') {
        return written !== undefined && parseMinorUnits(written, digits) === project.cost ? written : formatMinorUnits(project.cost, digits);
      }
      return written ?? '';
    })
    .map(quoteCell)
    .join(';');
}

function voteLine(vote: PabulibVote, columns: string[], voteType: PabulibVoteType, projectIds: Set<string>, ids: Set<string>): string {
  const owner = `voter ${vote.voterId}`;
  checkId(vote.voterId, 'voter_id', ids);
  checkFieldsFit(vote.fields, columns, owner, 'voteColumns');
  checkVote(vote, voteType, projectIds, owner);
  const written = readVoteCells(vote.fields.vote ?? '', vote.fields.points, voteType);
  const keepWritten =
    typeof written !== 'string' &&
    sameList(written.vote, vote.vote) &&
    (voteType !== 'cumulative' || sameList(written.points ?? [], vote.points ?? []));
  return columns
    .map((column) => {
      if (column === 'voter_id') {
        const text = vote.fields.voter_id;
        return text !== undefined && trimPadding(text) === vote.voterId ? text : vote.voterId;
      }
      if (column === 'vote' && !keepWritten) return vote.vote.join(',');
      if (column === 'points' && voteType === 'cumulative' && !keepWritten) return (vote.points ?? []).join(',');
      return vote.fields[column] ?? '';
    })
    .map(quoteCell)
    .join(';');
}

function checkVote(vote: PabulibVote, voteType: PabulibVoteType, projectIds: Set<string>, owner: string): void {
  const seen = new Set<string>();
  for (const id of vote.vote) {
    if (!projectIds.has(id)) throw new PabulibError(0, `${owner} votes for project "${id}", which is not in projects`);
    if (seen.has(id)) throw new PabulibError(0, `${owner} lists project "${id}" twice`);
    if (id.includes(',')) throw new PabulibError(0, `${owner} votes for project "${id}", whose comma a vote list cannot hold`);
    seen.add(id);
  }
  if (voteType === 'choose-1' && vote.vote.length > 1) throw new PabulibError(0, `${owner} names ${vote.vote.length} projects on a choose-1 ballot`);
  if (voteType !== 'cumulative') {
    if (vote.points !== undefined) throw new PabulibError(0, `${owner} has points but vote_type is ${voteType}, so they would be lost`);
    return;
  }
  const points = vote.points ?? [];
  if (points.length !== vote.vote.length) {
    throw new PabulibError(0, `${owner} has ${vote.vote.length} project(s) but ${points.length} points value(s)`);
  }
  for (const value of points) {
    if (!Number.isSafeInteger(value) || value < 0) throw new PabulibError(0, `${owner} has points ${value}; points are whole numbers from 0`);
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
