/**
 * A round's results: counted by the domain's `roundResults` from the ballots in the box and the
 * paper ballots that count (two clerks agreed, or a third settled), and kept per round and rule
 * until either changes (online ballots are only added; every paper change is audited).
 */
import { roundResults } from '../../src/domain/results.js';
import type { Selections } from '../../src/domain/rules/index.js';
import type { Results, TallyRule } from '../../src/domain/types.js';
import type { Queryable } from '../db/types.js';
import type { RoundEntry } from './catalog.js';
import { countedPaperBallots, paperVersion } from './paper.js';

export function createResults(db: Queryable) {
  const cache = new Map<string, { version: string; results: Results }>();
  return async function resultsOf(entry: RoundEntry, rule: TallyRule): Promise<Results> {
    const roundId = entry.round.id;
    const [{ ballots } = { ballots: 0 }] = await db.query<{ ballots: number }>('SELECT count(*)::int AS ballots FROM ballots WHERE round_id = $1', [roundId]);
    const version = `${ballots}/${await paperVersion(db, roundId)}`;
    const key = `${roundId}\u0000${rule}`;
    const cached = cache.get(key);
    if (cached && cached.version === version) return cached.results;
    const rows = await db.query<{ selections: Selections }>('SELECT selections FROM ballots WHERE round_id = $1', [roundId]);
    const paper = await countedPaperBallots(db, roundId);
    const results = roundResults(entry.round, entry.proposals, [...rows.map((row) => row.selections), ...paper], rule);
    results.sources = { online: rows.length, paper: paper.length };
    cache.set(key, { version: `${rows.length}/${version.split('/')[1]}`, results });
    return results;
  };
}
