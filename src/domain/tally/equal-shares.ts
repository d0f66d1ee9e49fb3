import { add1 } from './add1.js';
import { type ArithmeticCount, fixedBudget } from './fixed-budget.js';
import { greedyWinners } from './greedy.js';
import type { PreparedElection } from './prepare.js';
import type { Add1Option, EqualSharesCompletion, EqualSharesDetails } from './types.js';
import { ADD1_OPTIONS, TallyError } from './types.js';

/** The Method of Equal Shares' winners and how it reached them. */
export interface EqualSharesResult {
  winners: number[];
  details: EqualSharesDetails;
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
  const { winners, perVoterShare } = withAdd1 ? add1(election, add1Unit, add1Options, count) : plain(election, count);
  const details: EqualSharesDetails = { completion, perVoterShare };
  if (withAdd1) details.add1Options = ADD1_OPTIONS.filter((option) => add1Options.includes(option));
  if (completion !== 'add1-comparison' && completion !== 'none-comparison') return { winners, details };

  const greedy = greedyWinners(election);
  const { prefersEqualShares, prefersGreedy } = countPreferences(election, winners, greedy);
  const greedyChosen = prefersGreedy > prefersEqualShares;
  details.comparison = { prefersEqualShares, prefersGreedy, greedyChosen };
  return { winners: greedyChosen ? greedy : winners, details };
}

/** One pass with the real budget split equally among the ballots. */
function plain(election: PreparedElection, count?: ArithmeticCount): { winners: number[]; perVoterShare: number } {
  if (election.ballotCount === 0) return { winners: [], perVoterShare: 0 };
  const share = { numerator: election.budget, denominator: election.ballotCount };
  return { winners: fixedBudget(election, share, Number.POSITIVE_INFINITY, count).winners, perVoterShare: election.budget / election.ballotCount };
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
