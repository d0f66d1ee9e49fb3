/**
 * The checks behind `validateSelections`, one per shape of ballot, and the sums they share with
 * the figures a ballot UI shows.
 */
import type { BallotRules, MinorUnits, Proposal } from '../types.js';
import type { BallotProblem } from './ballot-problems.js';
import { addMinorUnits, checkedMinorUnits } from '../money.js';
import { isRecord } from '../json.js';

/** The proposals by id. */
export function indexProposals(proposals: readonly Proposal[]): Map<string, Proposal> {
  return new Map(proposals.map((proposal) => [proposal.id, proposal]));
}

/** The total cost of the known proposals among `ids`; unknown ids cost nothing. */
export function sumCosts(ids: readonly string[], byId: ReadonlyMap<string, Proposal>): MinorUnits {
  let total = 0;
  for (const id of ids) {
    const proposal = byId.get(id);
    if (proposal) total = addMinorUnits(total, proposal.cost, `the cost of proposal ${id}`);
  }
  return total;
}

/** The points given in all, counting only whole numbers above zero. */
export function sumPoints(selections: Record<string, unknown>): number {
  let total = 0;
  for (const points of Object.values(selections)) {
    if (typeof points === 'number' && Number.isSafeInteger(points) && points > 0) total += points;
  }
  return total;
}

/** Problems of an id that is not on the ballot paper: unknown or withdrawn. */
function offBallot(id: string, byId: ReadonlyMap<string, Proposal>): BallotProblem[] {
  const proposal = byId.get(id);
  if (!proposal) return [{ code: 'unknown-proposal', proposalId: id }];
  return proposal.status === 'withdrawn' ? [{ code: 'withdrawn', proposalId: id }] : [];
}

function lengthProblems(count: number, min: number, max: number | undefined): BallotProblem[] {
  if (count < min) return [{ code: 'too-few', min, actual: count }];
  if (max !== undefined && count > max) return [{ code: 'too-many', max, actual: count }];
  return [];
}

/** Checks a list of ids (approval, ordinal, choose-1): known, on the ballot, each once, how many, and what they cost. */
export function validateList(
  selections: unknown,
  byId: ReadonlyMap<string, Proposal>,
  minLength: number,
  maxLength?: number,
  minSumCost?: MinorUnits,
  maxSumCost?: MinorUnits,
): BallotProblem[] {
  if (!Array.isArray(selections) || !selections.every((id) => typeof id === 'string')) {
    return [{ code: 'malformed', field: 'selections', expected: 'a list of proposal ids' }];
  }
  const problems: BallotProblem[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const id of selections) {
    if (seen.has(id) && !reported.has(id)) {
      problems.push({ code: 'duplicate', proposalId: id });
      reported.add(id);
    }
    if (!seen.has(id)) problems.push(...offBallot(id, byId));
    seen.add(id);
  }
  problems.push(...lengthProblems(seen.size, minLength, maxLength));
  if (minSumCost !== undefined || maxSumCost !== undefined) {
    const total = sumCosts([...seen], byId);
    if (maxSumCost !== undefined && total > checkedMinorUnits(maxSumCost, 'maxSumCost')) {
      problems.push({ code: 'over-budget', limit: maxSumCost, total, over: total - maxSumCost });
    }
    if (minSumCost !== undefined && total < checkedMinorUnits(minSumCost, 'minSumCost')) {
      problems.push({ code: 'under-minimum-spend', min: minSumCost, total, short: minSumCost - total });
    }
  }
  return problems;
}

/** The least and most points one chosen proposal may have: `minPoints` (default 1) to `maxPoints` (default all of them). */
export function pointsPerProposal(rules: Extract<BallotRules, { kind: 'cumulative' }>): { min: number; max: number } {
  return { min: rules.minPoints ?? 1, max: rules.maxPoints ?? rules.maxSumPoints };
}

/** Checks a cumulative ballot: each entry's points, how many proposals are chosen, and the points in all. */
export function validatePoints(
  rules: Extract<BallotRules, { kind: 'cumulative' }>,
  selections: unknown,
  byId: ReadonlyMap<string, Proposal>,
): BallotProblem[] {
  if (!isRecord(selections)) {
    return [{ code: 'malformed', field: 'selections', expected: 'an object of proposal id to points' }];
  }
  const problems: BallotProblem[] = [];
  const { min, max } = pointsPerProposal(rules);
  let chosen = 0;
  for (const [id, points] of Object.entries(selections)) {
    if (typeof points !== 'number') {
      problems.push({ code: 'malformed', field: `selections.${id}`, expected: 'a number of points' });
      continue;
    }
    // Zero points means "not chosen": a points UI keeps a zero when a resident takes points back.
    if (points === 0) continue;
    chosen += 1;
    problems.push(...offBallot(id, byId));
    if (!Number.isSafeInteger(points)) problems.push({ code: 'not-integer', proposalId: id, actual: points });
    else if (points < min || points > max) problems.push({ code: 'points-out-of-range', proposalId: id, min, max, actual: points });
  }
  problems.push(...lengthProblems(chosen, rules.minLength ?? 1, rules.maxLength));
  const total = sumPoints(selections);
  if (total > rules.maxSumPoints) problems.push({ code: 'too-many-points', max: rules.maxSumPoints, actual: total });
  if (rules.minSumPoints !== undefined && total < rules.minSumPoints) {
    problems.push({ code: 'too-few-points', min: rules.minSumPoints, actual: total });
  }
  return problems;
}

const ANSWERS: ReadonlySet<unknown> = new Set(['yes', 'no', 'abstain']);

/** Checks a yes/no ballot: a valid answer for every proposal still on the ballot. */
export function validateAnswers(
  allowAbstain: boolean,
  selections: unknown,
  proposals: readonly Proposal[],
  byId: ReadonlyMap<string, Proposal>,
): BallotProblem[] {
  if (!isRecord(selections)) {
    return [{ code: 'malformed', field: 'selections', expected: 'an object of proposal id to yes, no or abstain' }];
  }
  const problems: BallotProblem[] = [];
  for (const [id, answer] of Object.entries(selections)) {
    problems.push(...offBallot(id, byId));
    if (!ANSWERS.has(answer)) problems.push({ code: 'malformed', field: `selections.${id}`, expected: 'yes, no or abstain' });
    else if (answer === 'abstain' && !allowAbstain) problems.push({ code: 'abstain-not-allowed', proposalId: id });
  }
  for (const proposal of proposals) {
    if (proposal.status !== 'withdrawn' && !Object.hasOwn(selections, proposal.id)) {
      problems.push({ code: 'missing-answer', proposalId: proposal.id });
    }
  }
  return problems;
}
