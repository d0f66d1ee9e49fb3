/**
 * The embedded database: PGlite (PostgreSQL in WebAssembly) on a folder, run in its own worker
 * thread (`pglite-thread.ts`) so that its work does not hold up the requests the server is reading.
 */
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Reply, Request, SerializedError } from './pglite-thread.js';
import type { Database, Queryable } from './types.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Outgoing = WithoutId<Request>;

/** The thread's module beside this one, as .ts under tsx or .js once compiled. */
const THREAD = new URL(`./pglite-thread${extname(import.meta.url)}`, import.meta.url);

/**
 * A worker does not inherit tsx's loader (privatenumber/tsx#354), so under tsx the thread starts by
 * registering it, then imports the TypeScript module.
 */
function startThread(folder: string): Worker {
  if (!THREAD.pathname.endsWith('.ts')) return new Worker(THREAD, { workerData: { folder } });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { folder } });
}

/** An error from the database thread, with the SQLSTATE (`code`) the callers decide on. */
class PgliteError extends Error {
  override readonly name = 'PgliteError';
  readonly code?: string;
  constructor(error: SerializedError) {
    super(error.message);
    this.code = error.code;
  }
}

/**
 * Opens (or creates, which takes several seconds) the database in `folder`. PGlite takes no lock
 * on its folder: the caller must hold `lockDataFolder` first.
 */
export async function openPglite(folder: string): Promise<Database> {
  const worker = startThread(folder);
  const waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (reply: Reply) => {
    const found = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!found) return;
    if ('error' in reply) found.reject(new PgliteError(reply.error));
    else found.resolve(reply);
  });
  // The thread ended (closed, or crashed): everything still waiting fails, and so does what comes next.
  const fail = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The embedded database stopped (exit code ${code}).`)));

  const send = (request: Outgoing): Promise<Reply> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const queryable = (tx?: number): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const reply = await send({ op: 'query', tx, sql, params: [...params] });
      return ('rows' in reply ? reply.rows : []) as Row[];
    },
    async exec(sql: string) {
      await send({ op: 'exec', tx, sql });
    },
  });

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    kind: 'pglite',
    ...queryable(),
    async transaction(work) {
      const opened = await send({ op: 'begin' });
      const tx = 'tx' in opened ? opened.tx! : 0;
      let result;
      try {
        result = await work(queryable(tx));
      } catch (error) {
        await send({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (!stopped) await send({ op: 'close' });
      await worker.terminate();
    },
  };
}
