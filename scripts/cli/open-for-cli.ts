/** What the product CLIs share: the database from the environment, and one-line errors. */
import { ConfigError, readConfig } from '../../server/config.js';
import { FolderLockedError } from '../../server/db/lock.js';
import { openDatabase, type OpenDatabase } from '../../server/db/open.js';

/** A problem to report on one line of stderr, then exit 1. */
export class UserError extends Error {}

/** Opens the database the server uses (DATABASE_URL, or PGlite in CIVIC_DATA_DIR), locked like the server. */
export async function openForCli(what: string): Promise<OpenDatabase> {
  try {
    return await openDatabase(readConfig(process.env), { what });
  } catch (error) {
    if (error instanceof FolderLockedError || error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
}

/** Runs a CLI's body: a `UserError` (or `known` error) is one line on stderr and exit code 1. */
export async function runCli(body: () => Promise<void>, known: Array<new (...args: never[]) => Error> = []): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof UserError || known.some((type) => error instanceof type)) {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
