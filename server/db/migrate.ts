/** Brings a database up to the newest schema: the numbered files of migrations/, each once, in order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './types.js';

const FOLDER = join(import.meta.dirname, 'migrations');

/** Runs the migrations not yet applied; safe when several processes start together on one PostgreSQL. */
export async function migrate(db: Database): Promise<void> {
  const files = readdirSync(FOLDER).filter((name) => /^\d+-.+\.sql$/.test(name)).sort();
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  await db.transaction(async (tx) => {
    // One migrating process at a time (a no-op on PGlite, which has one connection).
    await tx.query('SELECT pg_advisory_xact_lock(7316001)');
    const applied = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    for (const file of files) {
      if (applied.has(file)) continue;
      await tx.exec(readFileSync(join(FOLDER, file), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
    }
  });
}
