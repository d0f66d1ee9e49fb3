import type { Ballot, MinorUnits, ResultExplanation, TallyRule } from '../types.js';

/** A proposal as the tally sees it: its id and what it costs. */
export interface TallyProject {
  id: string;
  /** Whole minor units, at least 1. */
  cost: MinorUnits;
}

/**
 * One resident's ballot. Structurally compatible with `Ballot` from types.ts (extra fields such as
 * `roundId` are ignored), so a round's stored ballots can be passed as they are.
 */
export type TallyBallot =
  | { kind: 'approval'; selections: string[] }
  | { kind: 'cumulative'; selections: Record<string, number> }
  | { kind: 'ordinal'; selections: string[] }
  | { kind: 'choose-1'; selections: string[] };

/**
 * Everything a tally needs: the money, the proposals and the ballots. A round's stored `Ballot`s
 * can be passed as they are; a yes-no ballot is refused with a `TallyError`, since neither rule
 * counts them.
 */
export interface TallyInput {
  budget: MinorUnits;
  projects: readonly TallyProject[];
  ballots: ReadonlyArray<TallyBallot | Ballot>;
}

/**
 * How the Method of Equal Shares spends what its first pass leaves over:
 * - `none`: one pass with the real budget split equally (pabulib `equalshares`);
 * - `add1`: raise every voter's share one currency unit at a time and keep the last outcome that
 *   fits the real budget (pabulib `equalshares/add1`, what equalshares.net recommends); where it
 *   starts and when it stops: `Add1Option`;
 * - `add1-comparison`: `add1`, then the greedy outcome replaces it if more voters prefer greedy's
 *   outcome than prefer it (pabulib `equalshares/add1-comparison`);
 * - `none-comparison`: `none`, then the same comparison (pabulib `equalshares-comparison`).
 */
export type EqualSharesCompletion = 'none' | 'add1' | 'add1-comparison' | 'none-comparison';

/**
 * Add1's two switches, named as the equalshares.net compute tool names them (its
 * `add1options=exhaustive,integral`). Without either, Add1 starts from the budget divided by the
 * number of voters and raises every share until the next step would spend more than the budget,
 * keeping the last outcome that fits: how the published outcomes in the fixtures were computed.
 * - `integral`: start from that share rounded down to whole currency units;
 * - `exhaustive`: also stop at the first outcome to which no unfunded proposal can be added
 *   without going over the budget, even if a higher share would still fit.
 */
export type Add1Option = 'exhaustive' | 'integral';

/** Every `Add1Option`, in the order they are listed and reported. */
export const ADD1_OPTIONS: readonly Add1Option[] = ['exhaustive', 'integral'];

/**
 * Points a ranked ballot gives by rank: `'by-length'` gives a ballot ranking L proposals L points
 * for its first choice, L−1 for its second and so on down to 1 (Kraków's 3/2/1); an array gives
 * points by rank explicitly (`[3, 2, 1]`), ranks past its end scoring 0.
 */
export type OrdinalScores = 'by-length' | readonly number[];

/** Which rule to run, and its variant. */
export interface TallyOptions {
  rule: TallyRule;
  /** `equal-shares` only; default `add1`. */
  completion?: EqualSharesCompletion;
  /**
   * `equal-shares` with Add1 only: how many minor units one step adds to each voter's share; one
   * unit of the currency (equalshares.net's Add1). Default 100, one unit of a two-decimal currency
   * such as GBP, EUR or PLN; pass 1 for JPY, 1000 for KWD.
   */
  add1Unit?: MinorUnits;
  /**
   * `equal-shares` with Add1 only: where Add1 starts and when it stops (see `Add1Option`). Default
   * none: the exact equal share, raised until the next step would overspend.
   */
  add1Options?: readonly Add1Option[];
  /** How ranked ballots score; default `'by-length'`. */
  ordinalScores?: OrdinalScores;
  /**
   * `greedy` only: a proposal needs at least this many votes (points, score) to be funded, as
   * pabulib's `greedy-threshold` with META `min_project_score_threshold`. Default 0.
   */
  minVotes?: number;
}

/** One funded proposal. */
export interface TallyWinner {
  id: string;
  cost: MinorUnits;
  /** Its votes: approvals, points (cumulative) or score (ranked). */
  votes: number;
}

/** How the Method of Equal Shares reached its outcome, for residents who want to check it. */
export interface EqualSharesDetails {
  completion: EqualSharesCompletion;
  /** The Add1 options used, with Add1. */
  add1Options?: Add1Option[];
  /**
   * Each voter's share of the budget in the pass whose outcome was kept, in minor units: the
   * budget divided by the number of ballots for `none`; for Add1 the share it started from plus
   * whole currency units (a whole number of currency units with `integral`).
   */
  perVoterShare: number;
  /** The comparison step's count, when the completion has one. */
  comparison?: {
    prefersEqualShares: number;
    prefersGreedy: number;
    /** True when the greedy outcome replaced the Method of Equal Shares' one. */
    greedyChosen: boolean;
  };
}

/** The decision of a round. */
export interface TallyOutcome {
  rule: TallyRule;
  budget: MinorUnits;
  /** Total cost of the winners. */
  spent: MinorUnits;
  /** In the order the rule selected them. */
  winners: TallyWinner[];
  /** Every proposal's votes (approvals, points or score), by id. */
  votes: Record<string, number>;
  /**
   * Why each proposal was or was not funded, by id, with the numbers behind it (docs/tally.md,
   * "Explanations"). When the comparison step chose greedy's outcome, greedy's explanations.
   */
  explanations: Record<string, ResultExplanation>;
  /** Present for `equal-shares`. */
  equalShares?: EqualSharesDetails;
}

/**
 * Input the tally cannot count, or a rule it cannot compute: the message names what is wrong
 * (the proposal, the ballot's position, the rule).
 */
export class TallyError extends Error {
  override readonly name = 'TallyError';
}
