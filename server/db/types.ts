/**
 * The one interface the server uses to reach its database, PGlite or PostgreSQL alike: parameterised
 * SQL only, one statement per `query`, transactions through `transaction` (PGlite is a single
 * connection, so a `BEGIN` sent through `query` would interleave with other requests).
 */

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached right now (PostgreSQL restarting, connections refused). The
 * server answers 503 with `Retry-After`, and the next request tries again.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A unique constraint refused a row (SQLSTATE 23505), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
