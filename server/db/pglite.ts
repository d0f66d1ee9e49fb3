/** The embedded database: PGlite (PostgreSQL in WebAssembly) on a folder. */
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './types.js';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

function queryable(db: PGliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/**
 * Opens (or creates, which takes several seconds) the database in `folder`. PGlite takes no lock
 * on its folder: the caller must hold `lockDataFolder` first.
 */
export async function openPglite(folder: string): Promise<Database> {
  const db = await PGlite.create(folder);
  return {
    kind: 'pglite',
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}
