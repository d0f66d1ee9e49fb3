import { textIn } from '../localized-text.js';
import type { Ballot, MinorUnits, Proposal, Round } from '../types.js';
import { pabulibDate, rulesToMeta } from './meta.js';
import { resultsToMeta } from './results-rule.js';
import { DEFAULT_CURRENCY_DIGITS, currencyMinorDigits, formatMinorUnits } from '../money.js';
import type { PabulibElection, PabulibProject, PabulibVote } from './types.js';
import { PabulibError } from './types.js';

/**
 * A round, its proposals and its ballots as a pabulib election, ready for `writePabulib`: META
 * from the round (title → description, description → comment, rules → their pabulib keys,
 * its own results rule → `rule`),
 * PROJECTS from the proposals (title → name, supporters → votes, categories → category,
 * funded / not-funded → selected, summary → description), VOTES numbered 1, 2, 3… in ballot
 * order. Dates keep only their day (`2025-03-01T09:00Z` → `01.03.2025`). Voter tokens and codes
 * are never exported.
 * @throws {PabulibError} for what pabulib cannot hold: a yes-no round, a ballot of another round
 *   or kind, a category containing a comma, an amount that is not whole minor units.
 */
export function fromElection(round: Round, proposals: Proposal[], ballots: Ballot[]): PabulibElection {
  const { rules } = round;
  if (rules.kind === 'yes-no') throw new PabulibError(0, `round ${round.id} is a yes-no round, which pabulib has no vote type for`);
  const knownDigits = currencyMinorDigits(round.currency);
  const digits = knownDigits ?? DEFAULT_CURRENCY_DIGITS;
  const money = (amount: MinorUnits, what: string) => {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new PabulibError(0, `${what} ${amount} is not a whole, non-negative number of minor units`);
    return formatMinorUnits(amount, digits);
  };

  // pabulib holds one language: the English version of translated text, else the first.
  const meta: Record<string, string> = { description: textIn(round.title, 'en') };
  meta.num_projects = String(proposals.length);
  meta.num_votes = String(ballots.length);
  meta.budget = money(round.budget, `round ${round.id} budget`);
  meta.vote_type = rules.kind;
  const opens = round.opensAt === null ? null : pabulibDate(round.opensAt);
  const closes = round.closesAt === null ? null : pabulibDate(round.closesAt);
  if (opens !== null) meta.date_begin = opens;
  if (closes !== null) meta.date_end = closes;
  for (const [key, value] of rulesToMeta(rules, (amount, name) => money(amount, `round ${round.id} ${name}`))) meta[key] = value;
  for (const [key, value] of resultsToMeta(round.results)) meta[key] = value;
  if (knownDigits !== undefined) meta.currency = round.currency.toUpperCase();
  const comment = textIn(round.description, 'en');
  if (comment !== '') meta.comment = comment;

  const projectColumns = projectColumnsFor(proposals);
  const projects = proposals.map((proposal) => toProject(proposal, projectColumns, money(proposal.cost, `proposal ${proposal.id} cost`)));
  const voteColumns = rules.kind === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  const votes = ballots.map((ballot, index) => toVote(ballot, round, String(index + 1)));
  return { meta, projectColumns, projects, voteColumns, votes, currencyDigits: digits, budget: round.budget, warnings: [] };
}

function projectColumnsFor(proposals: Proposal[]): string[] {
  const columns = ['project_id', 'cost'];
  if (proposals.some((proposal) => proposal.supporters != null)) columns.push('votes');
  columns.push('name');
  if (proposals.some((proposal) => proposal.categories.length > 0)) columns.push('category');
  if (proposals.some((proposal) => proposal.status === 'funded' || proposal.status === 'not-funded')) columns.push('selected');
  if (proposals.some((proposal) => textIn(proposal.summary, 'en') !== '')) columns.push('description');
  return columns;
}

function toProject(proposal: Proposal, columns: string[], cost: string): PabulibProject {
  for (const category of proposal.categories) {
    if (category.includes(',')) {
      throw new PabulibError(0, `proposal ${proposal.id} has category "${category}", whose comma a pabulib category list cannot hold`);
    }
  }
  const all: Record<string, string> = {
    project_id: proposal.id,
    cost,
    votes: proposal.supporters == null ? '' : String(proposal.supporters),
    name: textIn(proposal.title, 'en'),
    category: proposal.categories.join(','),
    selected: proposal.status === 'funded' ? '1' : proposal.status === 'not-funded' ? '0' : '',
    description: textIn(proposal.summary, 'en'),
  };
  const fields: Record<string, string> = {};
  for (const column of columns) fields[column] = all[column] ?? '';
  return { id: proposal.id, cost: proposal.cost, fields };
}

function toVote(ballot: Ballot, round: Round, voterId: string): PabulibVote {
  if (ballot.roundId !== round.id) throw new PabulibError(0, `ballot ${voterId} belongs to round ${ballot.roundId}, not ${round.id}`);
  if (ballot.kind !== round.rules.kind) throw new PabulibError(0, `ballot ${voterId} is ${ballot.kind} but round ${round.id} is ${round.rules.kind}`);
  switch (ballot.kind) {
    case 'cumulative': {
      const vote = Object.keys(ballot.selections);
      const points = Object.values(ballot.selections);
      return { voterId, vote, points, fields: { voter_id: voterId, vote: vote.join(','), points: points.join(',') } };
    }
    case 'yes-no':
      throw new PabulibError(0, `ballot ${voterId} is a yes-no ballot, which pabulib has no vote type for`);
    default:
      return { voterId, vote: [...ballot.selections], fields: { voter_id: voterId, vote: ballot.selections.join(',') } };
  }
}
