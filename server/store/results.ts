/**
 * A round's results: counted by the domain's `roundResults` from the ballots in the box, and kept
 * per round and rule until the number of ballots changes (ballots are never removed, only added).
 */
import { roundResults } from '../../src/domain/results.js';
import type { Selections } from '../../src/domain/rules/index.js';
import type { Results, TallyRule } from '../../src/domain/types.js';
import type { Queryable } from '../db/types.js';
import type { RoundEntry } from './catalog.js';

export function createResults(db: Queryable) {
  const cache = new Map<string, { ballots: number; results: Results }>();
  return async function resultsOf(entry: RoundEntry, rule: TallyRule): Promise<Results> {
    const roundId = entry.round.id;
    const [{ ballots } = { ballots: 0 }] = await db.query<{ ballots: number }>('SELECT count(*)::int AS ballots FROM ballots WHERE round_id = $1', [roundId]);
    const key = `${roundId}\u0000${rule}`;
    const cached = cache.get(key);
    if (cached && cached.ballots === ballots) return cached.results;
    const rows = await db.query<{ selections: Selections }>('SELECT selections FROM ballots WHERE round_id = $1', [roundId]);
    const results = roundResults(entry.round, entry.proposals, rows.map((row) => row.selections), rule);
    cache.set(key, { ballots: rows.length, results });
    return results;
  };
}
