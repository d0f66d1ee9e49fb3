/**
 * The PGlite worker thread: owns the embedded database and runs what `pglite.ts` sends it, so that
 * PostgreSQL's WebAssembly runs beside the thread that reads requests, not in its way.
 *
 * Messages in: `{ id, op, tx?, sql?, params? }`; out: `{ id, rows?, tx? }` or `{ id, error }`.
 * A transaction stays open across messages: `begin` opens it, queries name it, `end` commits or rolls back.
 */
import { parse, PGlite, protocol, type ExecProtocolResult, type Transaction } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';

export type Request =
  | { id: number; op: 'query'; tx?: number; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; tx?: number; sql: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type Reply = { id: number; rows?: unknown[]; tx?: number } | { id: number; error: SerializedError };

/** What a database error keeps across the thread: the SQLSTATE the server decides on, and the message. */
export interface SerializedError {
  message: string;
  code?: string;
}

interface OpenTransaction {
  handle: Transaction;
  /** Settles the callback `db.transaction` waits on: commit, or roll back. */
  finish: (commit: boolean) => void;
  /** Settles once PGlite has committed or rolled back. */
  done: Promise<void>;
}

class Rollback extends Error {}

const port = parentPort!;
const db = await PGlite.create((workerData as { folder: string }).folder);
const open = new Map<number, OpenTransaction>();
let nextTx = 1;

/** Opens a transaction that stays open until `end`; resolves with its number once it holds PGlite. */
function begin(): Promise<number> {
  const tx = nextTx++;
  return new Promise((opened, failed) => {
    const done: Promise<void> = db
      .transaction(
        (handle) =>
          new Promise<void>((commit, rollback) => {
            open.set(tx, { handle, finish: (yes) => (yes ? commit() : rollback(new Rollback())), done });
            opened(tx);
          }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      })
      .finally(() => open.delete(tx));
    done.catch(failed);
  });
}

function transaction(tx: number): OpenTransaction {
  const found = open.get(tx);
  if (!found) throw new Error(`No open transaction ${tx}`);
  return found;
}

/** Where a statement runs: in the transaction it names, or on its own. */
const runnerOf = (tx: number | undefined) => (tx === undefined ? db : transaction(tx).handle);

/**
 * A statement prepared once and kept by name: what its parameters are, so they are written alike
 * each time, and what its rows are (absent when it returns none), so each run need not ask again.
 */
interface Prepared {
  name: string;
  parameterTypes: number[];
  rowDescription: ExecProtocolResult['messages'];
}

/** By SQL text: the server's statements are constants with parameters, so this stays small. */
const prepared = new Map<string, Promise<Prepared>>();
let nextStatement = 1;

/**
 * Runs `messages` as one exchange with PGlite, under the two locks `db.query` takes (declared in
 * PGlite's types): alone, and never inside a transaction that another request holds open.
 */
function exchange(...messages: Uint8Array[]) {
  return db._runExclusiveTransaction(() => db._runExclusiveQuery(() => db.execProtocol(Buffer.concat(messages))));
}

function prepare(sql: string): Promise<Prepared> {
  let found = prepared.get(sql);
  if (!found) {
    const name = `civic_${nextStatement++}`;
    found = exchange(protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()).then(
      ({ messages }) => ({ name, parameterTypes: parse.parseDescribeStatementResults(messages), rowDescription: messages.filter((message) => message.name === 'rowDescription') }),
    );
    found.catch(() => prepared.delete(sql));
    prepared.set(sql, found);
  }
  return found;
}

/**
 * A statement outside a transaction, prepared once: `db.query` parses, describes and plans it
 * anew in six calls into PGlite each time, about a sixth of a ballot's time in this thread.
 */
async function queryPrepared(sql: string, params: unknown[]): Promise<unknown[]> {
  const { name, parameterTypes, rowDescription } = await prepare(sql);
  const values = params.map((value, index) => {
    if (value === null || value === undefined) return null;
    const serializer = db.serializers[parameterTypes[index]!];
    return serializer ? serializer(value) : String(value);
  });
  // Rows come back as text, the format the statement's description says (bind asks for no other).
  const { messages } = await exchange(protocol.serialize.bind({ statement: name, values }), protocol.serialize.execute({}), protocol.serialize.sync());
  return parse.parseResults([...rowDescription, ...messages], db.parsers)[0]?.rows ?? [];
}

async function handle(request: Request): Promise<Omit<Reply, 'id'>> {
  switch (request.op) {
    case 'query':
      if (request.tx === undefined) return { rows: await queryPrepared(request.sql, request.params) };
      return { rows: (await runnerOf(request.tx).query(request.sql, request.params)).rows };
    case 'exec':
      await runnerOf(request.tx).exec(request.sql);
      return {};
    case 'begin':
      return { tx: await begin() };
    case 'end': {
      const found = transaction(request.tx);
      found.finish(request.commit);
      await found.done;
      return {};
    }
    case 'close':
      await db.close();
      return {};
  }
}

port.on('message', (request: Request) => {
  handle(request).then(
    (reply) => port.postMessage({ id: request.id, ...reply }),
    (error: unknown) => {
      const { message, code } = error as { message?: string; code?: unknown };
      port.postMessage({ id: request.id, error: { message: message ?? String(error), code: typeof code === 'string' ? code : undefined } });
    },
  );
});
port.postMessage({ id: 0 });
