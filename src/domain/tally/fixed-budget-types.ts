/** What one pass of the Method of Equal Shares takes and gives, shared by its fast and exact versions. */

/** Each voter's starting money: `numerator / denominator` minor units (both whole numbers). */
export interface VoterShare {
  numerator: number;
  denominator: number;
}

/** The outcome of one pass of the Method of Equal Shares. */
export interface FixedBudgetRun {
  /** Proposal numbers in the order they were funded. */
  winners: number[];
  spent: number;
  /** The pass stopped early because it had spent more than the limit it was given. */
  overLimit: boolean;
}

/** Which arithmetic decided a pass, for the benchmark and the tests. */
export interface ArithmeticCount {
  fast: number;
  exact: number;
}
