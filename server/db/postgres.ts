/** A real PostgreSQL server through a pg pool, for production and for several server processes. */
import pg from 'pg';
import { DatabaseUnavailableError, type Database, type Queryable } from './types.js';

// Connection failures and PostgreSQL shutting down or starting up: worth a retry later.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** Turns a lost or refused connection into `DatabaseUnavailableError`; other errors pass through. */
function unavailable(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if ((typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
    return new DatabaseUnavailableError(`PostgreSQL is unavailable: ${message || String(code)}`, { cause: error });
  }
  return error;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await client.query(sql, params as unknown[]);
        return result.rows as Row[];
      } catch (error) {
        throw unavailable(error);
      }
    },
    async exec(sql: string) {
      try {
        await client.query(sql);
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}

/** Connects a pool to `url`; the first query tells whether PostgreSQL is really there. */
export function openPostgres(url: string, options: { maxConnections?: number; log?: (message: string) => void } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 5_000 });
  // Without a listener, an idle client losing its connection (PostgreSQL restarting) kills the process.
  pool.on('error', (error) => options.log?.(`PostgreSQL connection lost: ${error.message}`));
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw unavailable(error);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself is gone: drop it from the pool instead of reusing it.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw unavailable(error);
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
