/**
 * The database layer itself, on PGlite or PostgreSQL as the suite runs: statements the server runs
 * again and again (prepared once on PGlite) keep their types, their errors and their isolation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type OpenDatabase } from '../../server/db/open.js';
import { isUniqueViolation } from '../../server/db/types.js';
import { freshDatabase, type TestDatabase } from './support/database.js';

let database: TestDatabase;
let open: OpenDatabase;
before(async () => {
  database = await freshDatabase();
  open = await openDatabase(database);
  await open.db.exec('CREATE TABLE notes (key text PRIMARY KEY, n integer NOT NULL, at timestamptz NOT NULL, body jsonb NOT NULL)');
});
after(async () => {
  await open.close();
  await database.dispose();
});

const INSERT = 'INSERT INTO notes (key, n, at, body) VALUES ($1, $2, $3, $4::jsonb) RETURNING key, n, at, body';

test('a statement run many times answers with its values typed, and a refusal keeps its SQLSTATE without breaking the statement', async () => {
  const at = new Date('2026-12-01T10:00:00.000Z');
  for (let i = 0; i < 3; i++) {
    const [row] = await open.db.query(INSERT, [`typed-${i}`, i, at, JSON.stringify({ list: [i], text: "it's" })]);
    assert.deepEqual(row, { key: `typed-${i}`, n: i, at, body: { list: [i], text: "it's" } });
  }
  await assert.rejects(open.db.query(INSERT, ['typed-1', 9, at, '{}']), (error) => isUniqueViolation(error));
  await assert.rejects(open.db.query('SELECT missing FROM notes WHERE key = $1', ['typed-1']), (error: { code?: string }) => error.code === '42703');
  // The same statement still works after its refusal, and arrays go in as arrays.
  await open.db.query(INSERT, ['typed-3', 3, at, 'null']);
  const found = await open.db.query<{ key: string }>('SELECT key FROM notes WHERE key = ANY($1::text[]) ORDER BY key', [['typed-0', 'typed-3', 'nobody']]);
  assert.deepEqual(found.map((row) => row.key), ['typed-0', 'typed-3']);
});

test('a statement sent while another request holds a transaction open waits for it, and is not rolled back with it', async () => {
  const at = new Date();
  let inside!: () => void;
  const opened = new Promise<void>((resolve) => (inside = resolve));
  const rolledBack = open.db.transaction(async (tx) => {
    await tx.query(INSERT, ['rolled-back', 1, at, '{}']);
    inside();
    await new Promise((resolve) => setTimeout(resolve, 100));
    throw new Error('roll back');
  });
  await opened;
  // Sent while the transaction is open: on PGlite's single connection it must not run inside it.
  const outside = open.db.query(INSERT, ['outside', 2, at, '{}']);
  await assert.rejects(rolledBack, /roll back/);
  await outside;
  const keys = (await open.db.query<{ key: string }>("SELECT key FROM notes WHERE key IN ('rolled-back', 'outside')")).map((row) => row.key);
  assert.deepEqual(keys, ['outside']);
});
