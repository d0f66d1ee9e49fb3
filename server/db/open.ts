/** Opens the configured database: PostgreSQL when a URL is given, else PGlite on a locked folder. */
import { join } from 'node:path';
import { lockDataFolder, type FolderLock } from './lock.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Database } from './types.js';

export interface DatabaseConfig {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

export interface OpenDatabase {
  db: Database;
  /** Closes the database and releases the folder lock. */
  close(): Promise<void>;
}

/**
 * Opens and migrates the database. With PGlite it first locks the folder (`what` names the holder
 * in the message another process gets), so this throws `FolderLockedError` when it is in use.
 */
export async function openDatabase(config: DatabaseConfig, options: { what?: string; log?: (message: string) => void } = {}): Promise<OpenDatabase> {
  let lock: FolderLock | undefined;
  let db: Database;
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl, { log: options.log });
  } else {
    lock = lockDataFolder(config.dataDir, options.what);
    try {
      db = await openPglite(join(config.dataDir, 'pgdata'));
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    lock?.release();
    throw error;
  }
  return {
    db,
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}
