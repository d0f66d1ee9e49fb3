import type { MinorUnits } from '../types.js';

/** One row of the PROJECTS section. */
export interface PabulibProject {
  /** `project_id` exactly as in the file (ids are strings: `c12`, `L13/08/VII`). */
  id: string;
  /** `cost` in minor units of the election's currency. */
  cost: MinorUnits;
  /** Every column as written, in column order (`project_id` and `cost` included). */
  fields: Record<string, string>;
}

/** One row of the VOTES section. */
export interface PabulibVote {
  voterId: string;
  /** Project ids, duplicates removed (first occurrence kept); for ordinal votes, most preferred first. */
  vote: string[];
  /** Cumulative votes only: points per entry of `vote`, duplicates' points summed. */
  points?: number[];
  /** Every column as written, in column order (`vote` keeps any duplicate ids). */
  fields: Record<string, string>;
}

/** Something odd but recoverable found while parsing; `line` is 1-based. */
export interface PabulibWarning {
  line: number;
  message: string;
}

/** A whole `.pb` file: one participatory-budgeting election. */
export interface PabulibElection {
  /** Every META key, in file order, values as written. */
  meta: Record<string, string>;
  projectColumns: string[];
  projects: PabulibProject[];
  voteColumns: string[];
  votes: PabulibVote[];
  /** Minor-unit exponent used for `cost` and `budget` (ISO 4217 minor unit of META `currency`; 2 when unknown). */
  currencyDigits: number;
  budget: MinorUnits;
  warnings: PabulibWarning[];
}

/**
 * A `.pb` file (or an election to write) that cannot be used as it is.
 * `line` is the 1-based line at fault, or 0 when the problem is not tied to one line.
 */
export class PabulibError extends Error {
  override readonly name = 'PabulibError';
  readonly line: number;

  constructor(line: number, problem: string) {
    super(line > 0 ? `line ${line}: ${problem}` : problem);
    this.line = line;
  }
}
