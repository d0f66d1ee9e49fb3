import { fixedBudgetExact } from './fixed-budget-exact.js';
import { Undecided, fixedBudgetFloat } from './fixed-budget-float.js';
import type { ArithmeticCount, FixedBudgetRun, VoterShare } from './fixed-budget-types.js';
import type { PreparedElection } from './prepare.js';

export type { ArithmeticCount, FixedBudgetRun, PassCertificate, VoterShare } from './fixed-budget-types.js';

/**
 * One pass of the Method of Equal Shares at a fixed share per voter, exact: the fast pass in
 * floating point proves each decision with an error bound, and when one cannot be proved (a tie,
 * or a difference smaller than rounding could produce) the whole pass is recomputed with exact
 * fractions. Either way the outcome is the exact one. Stops early once spending exceeds `spendLimit`.
 * With `withCertificate`, a pass settled in floating point carries its certificate (see `PassCertificate`).
 */
export function fixedBudget(
  election: PreparedElection,
  share: VoterShare,
  spendLimit: number = Number.POSITIVE_INFINITY,
  count?: ArithmeticCount,
  withCertificate = false,
): FixedBudgetRun {
  try {
    const run = fixedBudgetFloat(election, share, spendLimit, withCertificate);
    if (count !== undefined) count.fast += 1;
    return run;
  } catch (error) {
    if (!(error instanceof Undecided)) throw error;
    if (count !== undefined) count.exact += 1;
    return fixedBudgetExact(election, share, spendLimit);
  }
}
