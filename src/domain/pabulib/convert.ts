import type { Ballot, Proposal, ProposalStatus, Round } from '../types.js';
import { trimPadding } from './csv.js';
import { isoDate, metaValue, readRules, readVoteType } from './meta.js';
import { resultsFromMeta } from './results-rule.js';
import { currencyMinorDigits } from '../money.js';
import type { PabulibElection, PabulibProject } from './types.js';
import { PabulibError } from './types.js';
import { splitList } from './vote-cells.js';

/** The ISO 4217 code for "no currency", used when a file names none. */
const NO_CURRENCY = 'XXX';

/** Project columns that say which area a project belongs to, most specific first. */
const AREA_COLUMNS = ['neighborhood', 'district', 'subunit', 'area'];

/**
 * The election as a closed `Round`: rules from META (nothing dropped), budget, currency, dates as
 * ISO 8601 (`16.09.2023` → `2023-09-16`), title from META `description`, description from
 * `comment`, the areas and categories its projects use, and how its results are counted from
 * META `rule` (see `resultsFromMeta`).
 * @param id defaults to the name pabulib gives the file, e.g. `Poland_Swiecie_2023`.
 * @throws {PabulibError} for META it cannot read, such as a `greedy-threshold` rule without a
 *   readable `min_project_score_threshold`.
 */
export function toRound(election: PabulibElection, id?: string): Round {
  const { meta } = election;
  const code = metaValue(meta, 'currency')?.toUpperCase();
  const round: Round = {
    id: id ?? defaultRoundId(meta),
    title: nonBlank(meta.description) ?? defaultRoundId(meta).replaceAll('_', ' '),
    description: meta.comment ?? '',
    budget: election.budget,
    currency: code !== undefined && currencyMinorDigits(code) !== undefined ? code : NO_CURRENCY,
    opensAt: isoDate(meta.date_begin ?? ''),
    closesAt: isoDate(meta.date_end ?? ''),
    status: 'closed',
    rules: readRules(meta, election.currencyDigits),
  };
  const areas = distinct(election.projects.map(projectArea).filter((area): area is string => area !== null));
  const categories = distinct(election.projects.flatMap(projectCategories));
  if (areas.length > 0) round.areas = areas;
  if (categories.length > 0) round.categories = categories;
  const results = resultsFromMeta(meta, round.rules.kind);
  if (results !== undefined) round.results = results;
  return round;
}

/**
 * The election's projects as proposals, in file order: `id` is `project_id` exactly, `title` the
 * `name` (or the id when there is none), `summary` the `description` column, `categories` the
 * comma list in `category`, `status` funded / not-funded from `selected` (else proposed),
 * `supporters` from `votes`.
 */
export function toProposals(election: PabulibElection, roundId?: string): Proposal[] {
  return election.projects.map((project) => {
    const proposal: Proposal = {
      id: project.id,
      title: nonBlank(project.fields.name) ?? project.id,
      summary: project.fields.description ?? '',
      cost: project.cost,
      area: projectArea(project),
      categories: projectCategories(project),
      status: projectStatus(project),
      supporters: wholeNumber(project.fields.votes),
    };
    if (roundId !== undefined) proposal.roundId = roundId;
    return proposal;
  });
}

/**
 * The election's votes as ballots of its vote type: approval → ids, cumulative → id → points,
 * ordinal → ids most preferred first, choose-1 → the one id.
 */
export function toBallots(election: PabulibElection, roundId: string): Ballot[] {
  const voteType = readVoteType(election.meta);
  return election.votes.map((vote): Ballot => {
    if (voteType !== 'cumulative') return { roundId, kind: voteType, selections: [...vote.vote] };
    const { points } = vote;
    if (points === undefined || points.length !== vote.vote.length) {
      throw new PabulibError(0, `voter ${vote.voterId} has ${vote.vote.length} project(s) but ${points?.length ?? 0} points value(s)`);
    }
    return { roundId, kind: 'cumulative', selections: Object.fromEntries(vote.vote.map((id, index) => [id, points[index] ?? 0])) };
  });
}

function projectArea(project: PabulibProject): string | null {
  for (const column of AREA_COLUMNS) {
    const value = nonBlank(project.fields[column]);
    if (value !== undefined) return value;
  }
  return null;
}

function projectCategories(project: PabulibProject): string[] {
  return distinct(splitList(project.fields.category ?? '').filter((category) => category !== ''));
}

function projectStatus(project: PabulibProject): ProposalStatus {
  const selected = trimPadding(project.fields.selected ?? '');
  if (selected === '0') return 'not-funded';
  // pabulib marks funded projects 1, and 2 or 3 when funded for a reason its comment explains.
  if (/^[1-9]\d*$/.test(selected)) return 'funded';
  return 'proposed';
}

function wholeNumber(text: string | undefined): number | null {
  const value = trimPadding(text ?? '');
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** pabulib's own file naming, e.g. `Poland_Warszawa_2026_Wierzbno_Ksawerow`. */
function defaultRoundId(meta: Record<string, string>): string {
  const parts = ['country', 'unit', 'instance', 'subunit'].map((key) => metaValue(meta, key) ?? '');
  const id = parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return id === '' ? 'pabulib' : id;
}
