import { fixedBudgetExact } from './fixed-budget-exact.js';
import { Undecided, fixedBudgetFloat } from './fixed-budget-float.js';
import type { ArithmeticCount, FixedBudgetRun, PassDetails, VoterShare } from './fixed-budget-types.js';
import type { PreparedElection } from './prepare.js';

export type { ArithmeticCount, FixedBudgetRun, PassCertificate, PassDetails, VoterShare } from './fixed-budget-types.js';

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

/**
 * One complete pass at `share`, with the amounts that explain its outcome (`PassDetails`): the fast
 * pass when it can prove them, otherwise exact fractions. Run once, for the outcome a rule keeps.
 */
export function explainedPass(election: PreparedElection, share: VoterShare, count?: ArithmeticCount): FixedBudgetRun & { details: PassDetails } {
  let run: FixedBudgetRun;
  try {
    run = fixedBudgetFloat(election, share, Number.POSITIVE_INFINITY, false, true);
    if (count !== undefined) count.fast += 1;
  } catch (error) {
    if (!(error instanceof Undecided)) throw error;
    if (count !== undefined) count.exact += 1;
    run = fixedBudgetExact(election, share, Number.POSITIVE_INFINITY, true);
  }
  // Without a spending limit a pass always completes, and a complete pass asked to explain does.
  return run as FixedBudgetRun & { details: PassDetails };
}
