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
  /** How the floating-point pass reached the outcome, when asked for; never from exact fractions. */
  certificate?: PassCertificate;
  /** The amounts that explain the outcome, when asked for (see `PassDetails`). */
  details?: PassDetails;
}

/**
 * The amounts behind one complete pass's outcome, for residents to check it, in whole minor units:
 * exact when the exact amount is whole, otherwise rounded so that a sentence built on them never
 * claims more than the pass did (a share up, money left down). Both the floating-point and the
 * exact pass report the same numbers: the former only when its error bounds prove the rounding.
 */
export interface PassDetails {
  /** Per winner, in the order funded: how many voters paid something towards it. */
  payers: number[];
  /** Per winner, in the order funded: the most one voter paid towards it, rounded up. */
  largestShare: number[];
  /**
   * By proposal number: for a proposal with supporters that was not funded, the money its
   * supporters held between them when the pass ended, rounded down; 0 for the others.
   */
  supportersMoney: number[];
}

/**
 * The decisions of one floating-point pass, enough to check whether the same outcome holds at
 * another share (add1-certificate.ts): round by round, the proposals the pass evaluated, the
 * supporters it found short of money for each, or that their supporters could not afford it, and
 * the winner.
 */
export interface PassCertificate {
  /** The winner of each round; -1 for a last round in which nothing could be afforded. */
  winners: Int32Array;
  /** Where each round's evaluations start in `evaluations` (counted in evaluations), then the end. */
  roundStart: Int32Array;
  /**
   * Triples: a proposal, where its short supporters start in `shortList`, and how many there are
   * (-1 when its supporters together held less than its cost).
   */
  evaluations: Int32Array;
  /** Supporter entries (positions in a proposal's `Supporters`) short of money, by evaluation. */
  shortList: Int32Array;
}

/** Which arithmetic decided a pass, for the benchmark and the tests. */
export interface ArithmeticCount {
  fast: number;
  exact: number;
  /** Add1 only: replays of a pass's certificate at another share (add1-certificate.ts). */
  replays?: number;
}
