/**
 * Imports into the server's database (DATABASE_URL, or PGlite in CIVIC_DATA_DIR):
 *
 *   npm run import -- FILE [--id ROUND_ID]
 *
 * FILE is a pabulib `.pb` (a closed round; its VOTES are stored as ballots, e.g. paper votes) or a
 * JSON file shaped like the in-browser backend's seed (`{rounds, simulations, forms}`). All in one
 * transaction: a bad file imports nothing and the error names the line or field. The last word of
 * the last line printed is the new round's id (or the simulation's or form's, for a file without rounds).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError, importSeed, readImportFile } from '../../server/store/import.js';
import { openForCli, runCli, UserError } from './open-for-cli.js';

const USAGE = 'usage: npm run import -- FILE.pb|FILE.json [--id ROUND_ID]';

await runCli(async () => {
  const args = process.argv.slice(2);
  const idAt = args.indexOf('--id');
  const roundId = idAt >= 0 ? args[idAt + 1] : undefined;
  if (idAt >= 0 && !roundId) throw new UserError(`--id needs a round id; ${USAGE}`);
  const files = idAt >= 0 ? args.filter((_arg, index) => index !== idAt && index !== idAt + 1) : args;
  if (files.length !== 1 || files[0]!.startsWith('-')) throw new UserError(files.length === 0 ? `no file given; ${USAGE}` : `one file at a time; ${USAGE}`);
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`);
  }
  // Checked before the database is opened: a bad file never waits for a lock.
  const { seed, warnings } = readImportFile(basename(file), text, roundId);
  const database = await openForCli('an import');
  try {
    const summary = await importSeed(database.db, seed, new Date());
    for (const warning of [...warnings, ...summary.warnings]) console.log(`warning: ${warning}`);
    if (summary.simulations.length > 0) console.log(`simulations: ${summary.simulations.join(' ')}`);
    if (summary.forms.length > 0) console.log(`forms: ${summary.forms.join(' ')}`);
    if (summary.rounds.length > 0) {
      console.log(`${summary.ballots} ballots, ${summary.codes} voting codes`);
      console.log(`imported round ${summary.rounds.at(-1)}`);
    } else if (summary.simulations.length + summary.forms.length === 0) {
      throw new UserError(`${file} has nothing to import`);
    }
  } finally {
    await database.close();
  }
}, [ImportError]);
