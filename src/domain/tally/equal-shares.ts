import { add1 } from './add1.js';
import { type ArithmeticCount, type PassDetails, type VoterShare, explainedPass } from './fixed-budget.js';
import { greedy } from './greedy.js';
import type { PreparedElection } from './prepare.js';
import type { ResultExplanation } from '../types.js';
import type { Add1Option, EqualSharesCompletion, EqualSharesDetails } from './types.js';
import { ADD1_OPTIONS, TallyError } from './types.js';

/** The Method of Equal Shares' winners, how it reached them, and why each proposal was or was not funded. */
export interface EqualSharesResult {
  winners: number[];
  details: EqualSharesDetails;
  /** By proposal number. */
  explanations: ResultExplanation[];
}

/** How to complete the Method of Equal Shares; see `TallyOptions`. */
export interface EqualSharesSettings {
  completion: EqualSharesCompletion;
  add1Unit: number;
  add1Options: readonly Add1Option[];
}

/**
 * The Method of Equal Shares with the given completion (see `EqualSharesCompletion`).
 * `count`, when given, records how many passes needed exact arithmetic.
 */
export function equalShares(election: PreparedElection, settings: EqualSharesSettings, count?: ArithmeticCount): EqualSharesResult {
  const { completion, add1Unit, add1Options } = settings;
  if (election.family === 'ordinal') {
    throw new TallyError('equal-shares needs approval, choose-1 or cumulative ballots; ranked (ordinal) ballots give it no amounts to share, so use greedy');
  }
  if (!Number.isSafeInteger(add1Unit) || add1Unit < 1) {
    throw new TallyError(`add1Unit must be a whole number of minor units, at least 1, got ${String(add1Unit)}`);
  }
  if (!Array.isArray(add1Options) || add1Options.some((option) => !ADD1_OPTIONS.includes(option))) {
    throw new TallyError(`add1Options must list any of ${ADD1_OPTIONS.join(', ')}, got ${JSON.stringify(add1Options)}`);
  }
  const withAdd1 = completion === 'add1' || completion === 'add1-comparison';
  const raised = withAdd1 ? add1(election, add1Unit, add1Options, count) : undefined;
  const { perVoterShare, share } = raised ?? equalSplit(election);
  // The one pass that decides without Add1; with it, the pass Add1 kept, run once more (it skips
  // most passes) to measure what explains its outcome.
  const explained = share === undefined ? undefined : explainedPass(election, share, count);
  const winners = explained?.winners ?? [];
  if (raised !== undefined && winners.join() !== raised.winners.join()) {
    throw new Error(`Add1 kept proposals ${raised.winners.join()} at ${perVoterShare} per voter, but a pass there funds ${winners.join()}`);
  }
  const details: EqualSharesDetails = { completion, perVoterShare };
  if (withAdd1) details.add1Options = ADD1_OPTIONS.filter((option) => add1Options.includes(option));
  const explanations = explain(election, winners, explained?.details);
  if (completion !== 'add1-comparison' && completion !== 'none-comparison') return { winners, details, explanations };

  const byVotes = greedy(election);
  const { prefersEqualShares, prefersGreedy } = countPreferences(election, winners, byVotes.winners);
  const greedyChosen = prefersGreedy > prefersEqualShares;
  details.comparison = { prefersEqualShares, prefersGreedy, greedyChosen };
  return greedyChosen ? { winners: byVotes.winners, details, explanations: byVotes.explanations } : { winners, details, explanations };
}

/** The real budget split equally among the ballots; no share when there are none. */
function equalSplit(election: PreparedElection): { perVoterShare: number; share?: VoterShare } {
  if (election.ballotCount === 0) return { perVoterShare: 0 };
  return { perVoterShare: election.budget / election.ballotCount, share: { numerator: election.budget, denominator: election.ballotCount } };
}

/** Why each proposal was or was not funded, from the kept pass's amounts (absent when nobody voted). */
function explain(election: PreparedElection, winners: readonly number[], details: PassDetails | undefined): ResultExplanation[] {
  const position = new Map(winners.map((project, index) => [project, index]));
  return election.supporters.map((list, project): ResultExplanation => {
    const index = position.get(project);
    if (index !== undefined) {
      return { outcome: 'funded', rule: 'equal-shares', order: index + 1, payers: details?.payers[index] ?? 0, largestShare: details?.largestShare[index] ?? 0 };
    }
    if (list.totalWeight === 0) return { outcome: 'not-funded', reason: 'no-votes' };
    const supporters = Array.from(list.groups).reduce((sum, group) => sum + (election.groups[group]?.size ?? 0), 0);
    return { outcome: 'not-funded', reason: 'supporters-out-of-money', supporters, supportersMoney: details?.supportersMoney[project] ?? 0 };
  });
}

/**
 * The comparison step: each voter prefers the outcome that funds more of what they voted for
 * (more approved proposals, or more of their points). Voters who like both equally are not counted.
 */
function countPreferences(
  election: PreparedElection,
  equalSharesWinners: readonly number[],
  greedy: readonly number[],
): { prefersEqualShares: number; prefersGreedy: number } {
  const inEqualShares = new Set(equalSharesWinners);
  const inGreedy = new Set(greedy);
  let prefersEqualShares = 0;
  let prefersGreedy = 0;
  for (const group of election.groups) {
    let margin = 0;
    group.projects.forEach((project, entry) => {
      const weight = group.weights[entry] ?? 0;
      if (inEqualShares.has(project)) margin += weight;
      if (inGreedy.has(project)) margin -= weight;
    });
    if (margin > 0) prefersEqualShares += group.size;
    else if (margin < 0) prefersGreedy += group.size;
  }
  return { prefersEqualShares, prefersGreedy };
}
