/**
 * Makes single-use voting codes for a round that takes them (`voterIdentity: code`):
 *
 *   npm run codes -- ROUND COUNT > codes.csv
 *
 * Prints them once, as CSV with a header (`round_id,code`), for a mail merge; the database keeps
 * only their hashes, so keep the file safe and delete it once the letters are printed.
 */
import { createVotingCodes, MAX_CODES } from '../../server/store/codes.js';
import { csvRow } from '../../server/store/csv.js';
import { openForCli, runCli, UserError } from './open-for-cli.js';

const USAGE = 'usage: npm run codes -- ROUND COUNT';

await runCli(async () => {
  const [roundId, countText, ...rest] = process.argv.slice(2);
  if (!roundId || !countText || rest.length > 0) throw new UserError(USAGE);
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES) throw new UserError(`COUNT must be a whole number from 1 to ${MAX_CODES}, not "${countText}"`);
  const database = await openForCli('a run of npm run codes');
  try {
    const codes = await database.db.transaction(async (tx) => {
      const [row] = await tx.query<{ identity: string | null }>("SELECT round->>'voterIdentity' AS identity FROM rounds WHERE id = $1", [roundId]);
      if (!row) throw new UserError(`there is no round ${roundId}`);
      if (row.identity !== 'code') throw new UserError(`round ${roundId} does not take voting codes (its voterIdentity is ${row.identity ?? 'open'})`);
      return createVotingCodes(tx, roundId, count);
    });
    process.stdout.write(csvRow(['round_id', 'code']) + codes.map((code) => csvRow([roundId, code])).join(''));
  } finally {
    await database.close();
  }
});
