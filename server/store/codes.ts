/** Making a round's voting codes: shown once, stored as hashes (identity/codes.ts). */
import type { Queryable } from '../db/types.js';
import { newVotingCode, votingCodeHash } from '../identity/codes.js';

/** The most codes made at once. */
export const MAX_CODES = 100_000;

/** Makes and stores `count` new codes for the round (which must exist); returns them in plain text. */
export async function createVotingCodes(tx: Queryable, roundId: string, count: number): Promise<string[]> {
  const codes = new Map<string, string>();
  // A repeat among 31^12 codes is all but impossible; the map and ON CONFLICT make it harmless anyway.
  while (codes.size < count) {
    const code = newVotingCode();
    codes.set(votingCodeHash(roundId, code), code);
  }
  const hashes = [...codes.keys()];
  for (let start = 0; start < hashes.length; start += 10_000) {
    await tx.query('INSERT INTO voting_codes (round_id, code_hash) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [roundId, hashes.slice(start, start + 10_000)]);
  }
  return [...codes.values()];
}
