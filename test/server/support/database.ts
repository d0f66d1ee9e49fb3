/**
 * A fresh database per test file: PGlite in a temporary folder, or, when CIVIC_TEST_DATABASE_URL
 * names a PostgreSQL server, a new database on it, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export const POSTGRES_URL = process.env.CIVIC_TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  /** For the server's config: a URL on PostgreSQL, a folder for PGlite. */
  databaseUrl?: string;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-server-test-'));
  if (!POSTGRES_URL) return { dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `civic_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.href,
    dataDir,
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      // An autovacuum worker in it refuses FORCE to a role without pg_signal_backend (42501) until it ends.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '42501' || attempt >= 50) throw error;
          await sleep(100);
        }
      }
      await client.end();
    },
  };
}
