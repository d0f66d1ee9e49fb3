/** A round's results, counted from its seeded and submitted ballots. */
import { CivicError } from '../client/client.js';
import { roundResults } from '../domain/results.js';
import type { Selections } from '../domain/rules/index.js';
import type { Results, TallyRule } from '../domain/types.js';
import type { RoundEntry } from './seed-index.js';

/** The round's outcome; a round its ballots cannot be counted for is a server-side failure (500). */
export function results(entry: RoundEntry, ballots: readonly Selections[], rule: TallyRule): Results {
  try {
    return roundResults(entry.round, entry.proposals, ballots, rule);
  } catch (cause) {
    throw new CivicError('http', `Round "${entry.round.id}" cannot be counted: ${cause instanceof Error ? cause.message : String(cause)}`, { status: 500, cause });
  }
}
