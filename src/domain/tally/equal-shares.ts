import { type ArithmeticCount, type FixedBudgetRun, type VoterShare, fixedBudget } from './fixed-budget.js';
import { greedyWinners } from './greedy.js';
import type { PreparedElection } from './prepare.js';
import type { EqualSharesCompletion, EqualSharesDetails } from './types.js';
import { TallyError } from './types.js';

/** The Method of Equal Shares' winners and how it reached them. */
export interface EqualSharesResult {
  winners: number[];
  details: EqualSharesDetails;
}

/**
 * The Method of Equal Shares with the given completion (see `EqualSharesCompletion`).
 * `count`, when given, records how many passes needed exact arithmetic.
 */
export function equalShares(
  election: PreparedElection,
  completion: EqualSharesCompletion,
  add1Unit: number,
  count?: ArithmeticCount,
): EqualSharesResult {
  if (election.family === 'ordinal') {
    throw new TallyError('equal-shares needs approval, choose-1 or cumulative ballots; ranked (ordinal) ballots give it no amounts to share, so use greedy');
  }
  if (!Number.isSafeInteger(add1Unit) || add1Unit < 1) {
    throw new TallyError(`add1Unit must be a whole number of minor units, at least 1, got ${String(add1Unit)}`);
  }
  const withAdd1 = completion === 'add1' || completion === 'add1-comparison';
  const { winners, perVoterShare } = withAdd1 ? add1(election, add1Unit, count) : plain(election, count);
  const details: EqualSharesDetails = { completion, perVoterShare };
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
 * Add1 as equalshares.net defines it and its compute tool runs it: start every voter at the
 * whole number of currency units the budget gives each, then raise everyone's share one unit at a
 * time; stop when the outcome is exhaustive (no unfunded proposal fits the money left) or when
 * the next share would fund more than the real budget, and keep the last outcome that fits.
 */
function add1(election: PreparedElection, unit: number, count?: ArithmeticCount): { winners: number[]; perVoterShare: number } {
  const { budget, ballotCount, costs, supporters } = election;
  if (ballotCount === 0) return { winners: [], perVoterShare: 0 };
  const supportedCost = costs.reduce((sum, cost, project) => ((supporters[project]?.totalWeight ?? 0) > 0 ? sum + cost : sum), 0);
  if (supportedCost <= budget) {
    // Every raise fits, so the loop could only end once every supported proposal is funded: do that
    // directly, at a share with which no supporter is ever short (their order is then by votes).
    const share = { numerator: supportedCost, denominator: 1 };
    return { winners: fixedBudget(election, share, Number.POSITIVE_INFINITY, count).winners, perVoterShare: share.numerator };
  }
  let perVoter = wholeQuotient(budget, ballotCount * unit) * unit;
  let current: FixedBudgetRun = fixedBudget(election, whole(perVoter), budget, count);
  // Terminates: once the share reaches supportedCost every supported proposal is funded, which exceeds the budget.
  while (!isExhaustive(election, current)) {
    const next = fixedBudget(election, whole(perVoter + unit), budget, count);
    if (next.overLimit || next.spent > budget) break;
    perVoter += unit;
    current = next;
  }
  return { winners: current.winners, perVoterShare: perVoter };
}

/** floor(dividend / divisor) for whole numbers, corrected for the rounding of the division. */
function wholeQuotient(dividend: number, divisor: number): number {
  let quotient = Math.floor(dividend / divisor);
  while (quotient * divisor > dividend) quotient -= 1;
  while ((quotient + 1) * divisor <= dividend) quotient += 1;
  return quotient;
}

function whole(perVoter: number): VoterShare {
  return { numerator: perVoter, denominator: 1 };
}

function isExhaustive(election: PreparedElection, run: FixedBudgetRun): boolean {
  const left = election.budget - run.spent;
  const funded = new Set(run.winners);
  return election.costs.every((cost, project) => funded.has(project) || cost > left);
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
