/** What can be wrong with a ballot: codes with numbers for elements, plain English for logs. */
import type { BallotKind, MinorUnits } from '../types.js';

/**
 * One broken constraint, as a code with its numbers, so that an element can say it in the
 * resident's language ("£12,000 over the budget"). An empty list of problems means a valid ballot.
 */
export type BallotProblem =
  /** The ballot is for another kind of vote than the round's rules. */
  | { code: 'wrong-kind'; expected: BallotKind; actual: string }
  /** `selections` (or one entry of it) does not have the shape the kind needs. */
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'too-few'; min: number; actual: number }
  | { code: 'too-many'; max: number; actual: number }
  | { code: 'over-budget'; limit: MinorUnits; total: MinorUnits; over: MinorUnits }
  | { code: 'under-minimum-spend'; min: MinorUnits; total: MinorUnits; short: MinorUnits }
  | { code: 'too-many-points'; max: number; actual: number }
  | { code: 'too-few-points'; min: number; actual: number }
  | { code: 'points-out-of-range'; proposalId: string; min: number; max: number; actual: number }
  | { code: 'not-integer'; proposalId: string; actual: number }
  | { code: 'unknown-proposal'; proposalId: string }
  /** The proposal was withdrawn and is no longer on the ballot. */
  | { code: 'withdrawn'; proposalId: string }
  | { code: 'duplicate'; proposalId: string }
  /** Yes/no rounds: every proposal needs an answer. */
  | { code: 'missing-answer'; proposalId: string }
  | { code: 'abstain-not-allowed'; proposalId: string };

/**
 * A plain English sentence for a problem, for logs and problem+json `detail`. Elements translate
 * from the code and numbers instead. `formatMoney` turns minor units into text.
 */
export function describeProblem(problem: BallotProblem, formatMoney: (amount: MinorUnits) => string = String): string {
  switch (problem.code) {
    case 'wrong-kind':
      return `This round takes ${problem.expected} ballots, not ${problem.actual}.`;
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'too-few':
      return `Choose at least ${problem.min} (you chose ${problem.actual}).`;
    case 'too-many':
      return `Choose at most ${problem.max} (you chose ${problem.actual}).`;
    case 'over-budget':
      return `${formatMoney(problem.over)} over the budget of ${formatMoney(problem.limit)}.`;
    case 'under-minimum-spend':
      return `Spend at least ${formatMoney(problem.min)}: ${formatMoney(problem.short)} more.`;
    case 'too-many-points':
      return `Give at most ${points(problem.max)} in all (you gave ${problem.actual}).`;
    case 'too-few-points':
      return `Give at least ${points(problem.min)} in all (you gave ${problem.actual}).`;
    case 'points-out-of-range':
      return `Give proposal ${problem.proposalId} from ${problem.min} to ${problem.max} points, not ${problem.actual}.`;
    case 'not-integer':
      return `Points for proposal ${problem.proposalId} must be a whole number, not ${problem.actual}.`;
    case 'unknown-proposal':
      return `There is no proposal ${problem.proposalId} in this round.`;
    case 'withdrawn':
      return `Proposal ${problem.proposalId} was withdrawn.`;
    case 'duplicate':
      return `Proposal ${problem.proposalId} is chosen more than once.`;
    case 'missing-answer':
      return `Answer yes or no for proposal ${problem.proposalId}.`;
    case 'abstain-not-allowed':
      return `Answer yes or no for proposal ${problem.proposalId}: abstaining is not allowed.`;
  }
}

/** "1 point", "3 points". */
const points = (count: number) => `${count} ${count === 1 ? 'point' : 'points'}`;
