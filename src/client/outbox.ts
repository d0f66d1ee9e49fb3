/**
 * The durable submission outbox: a ballot, a simulation or a feedback response is written to
 * IndexedDB with its idempotency key BEFORE it is sent, so a resident who submits on a train, in a
 * library basement or with the server down does not lose it. Whatever could not be sent is sent
 * again when the browser comes back online, on the next page load and on a backing-off timer; the
 * idempotency key makes every resend the same submission, so the server counts it once.
 *
 * Browser-first (IndexedDB, Web Locks, BroadcastChannel), but it never crashes without them: where
 * IndexedDB is missing or refused (Node, some private modes, blocked storage) the queue lives in
 * memory for as long as the page does and `status().durable` is `false`. Web Locks keep two tabs
 * from sending the same entry at once; where they are missing (plain-http pages) that holds within
 * one page only, and two tabs may both send an entry: the idempotency key still makes it one
 * submission on the server.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { CivicError, isCivicError, type CivicClient, type CivicErrorCode, type FieldError } from './client.js';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from './ids.js';
import type { Ballot, FeedbackResponse, Receipt, SimulationSubmission, SubmissionReceipt } from './types.js';

/** What can be queued: each kind is sent with its own `CivicClient` method. */
export type OutboxKind = 'ballot' | 'simulation' | 'feedback';

/** The payload each kind carries. */
export interface OutboxPayloads {
  ballot: Ballot;
  simulation: SimulationSubmission;
  feedback: FeedbackResponse;
}

/** The receipt each kind is answered with. */
export interface OutboxReceipts {
  ballot: Receipt;
  simulation: SubmissionReceipt;
  feedback: SubmissionReceipt;
}

/** A `CivicError` reduced to plain data, so it can be stored beside its entry. */
export interface OutboxErrorRecord {
  code: CivicErrorCode;
  message: string;
  status?: number;
  detail?: string;
  fieldErrors?: FieldError[];
}

/** One stored submission of a given kind. */
export interface OutboxEntryOf<K extends OutboxKind> {
  /** The idempotency key: the same key is the same submission, however often it is sent. */
  key: string;
  kind: K;
  payload: OutboxPayloads[K];
  /** ISO 8601; entries are sent oldest first. */
  createdAt: string;
  /** How many sends have been tried and failed. */
  attempts: number;
  /** Why the last send failed (for a failed entry: why it was refused for good). */
  lastError?: OutboxErrorRecord;
}

/** One stored submission. */
export type OutboxEntry = { [K in OutboxKind]: OutboxEntryOf<K> }[OutboxKind];

/** What `submit` resolves with: sent now, or kept to be sent later. */
export type OutboxResult<K extends OutboxKind = OutboxKind> =
  | { status: 'sent'; key: string; receipt: OutboxReceipts[K] }
  | { status: 'queued'; key: string; error: CivicError };

/** A snapshot for the UI ("saved on this device, will be sent when you are back online"). */
export interface OutboxStatus {
  /** False until the storage has been opened and counted; counts before that are 0. */
  ready: boolean;
  /** Whether queued submissions survive a reload (IndexedDB) or only live in this page (memory). */
  durable: boolean;
  /** Submissions waiting to be sent. */
  pending: number;
  /** Submissions refused for good by a background send, kept until `discard`ed. */
  failed: number;
  /** Whether a send is in flight. */
  sending: boolean;
  /** Why the last send failed; cleared by the next successful one. */
  lastError?: OutboxErrorRecord;
}

/** Extra facts about a background failure. */
export interface OutboxFailureContext {
  /**
   * True when the refusal is a `conflict` and an earlier send of the same entry ended without an
   * answer (network, timeout, 5xx): that earlier send may have been counted and only its receipt
   * was lost, e.g. because the server forgot the idempotency key. The resident should be told
   * their submission was probably received, not that it was rejected.
   */
  possiblyDelivered: boolean;
}

/** Options for `createOutbox`. */
export interface OutboxOptions {
  /** IndexedDB database name; also names the cross-tab locks. Default `civic-outbox`. */
  dbName?: string;
  /** First retry delay after a failed send; it doubles on each failure up to `maxRetryIntervalMs`. Default 15 s. */
  retryIntervalMs?: number;
  /** Longest delay between retries. Default 5 minutes. */
  maxRetryIntervalMs?: number;
  /** Called when an entry is delivered by a background send (not for what `submit` itself returned). */
  onDelivered?: (entry: OutboxEntry, receipt: Receipt | SubmissionReceipt) => void;
  /** Called when a background send is refused for good; the entry moves to `failed()`. */
  onFailed?: (entry: OutboxEntry, error: CivicError, context: OutboxFailureContext) => void;
}

/** The durable submission queue. */
export interface Outbox {
  /**
   * Stores the submission, then sends it. Resolves `sent` with the receipt, or `queued` when the
   * send failed in a way that may succeed later (it stays stored and is retried). Rejects with the
   * `CivicError` when the server refuses it for good (validation, closed, conflict...), after
   * removing it, so the form can show why. Submitting the same idempotency key again is the same
   * submission; with a different payload it rejects with a `conflict`.
   */
  submit<K extends OutboxKind>(
    kind: K,
    payload: OutboxPayloads[K],
    options?: { idempotencyKey?: string },
  ): Promise<OutboxResult<K>>;
  /** Sends every pending entry now, oldest first, one at a time; never rejects. Concurrent calls share one pass. */
  flush(): Promise<void>;
  /** The current status. */
  status(): OutboxStatus;
  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  /** Entries waiting to be sent, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  /** Entries refused for good by a background send, oldest first. */
  failed(): Promise<OutboxEntry[]>;
  /** Forgets a failed entry once the resident has seen it. */
  discard(key: string): Promise<void>;
  /** Stops listening and retrying; work in flight finishes, then the database is closed. */
  close(): void;
}

const kinds: readonly OutboxKind[] = ['ballot', 'simulation', 'feedback'];
const defaultRetryMs = 15_000;
const defaultMaxRetryMs = 5 * 60_000;
// Opening IndexedDB takes milliseconds; one that hangs (a stuck profile) must not hang submit.
const openTimeoutMs = 5_000;

/** Creates an outbox that sends through `client`. Pending entries from an earlier page are sent at once. */
export function createOutbox(client: CivicClient, options: OutboxOptions = {}): Outbox {
  return new DurableOutbox(client, options);
}

class DurableOutbox implements Outbox {
  private readonly dbName: string;
  private readonly store: Promise<FallbackStore>;
  private readonly listeners = new Set<(status: OutboxStatus) => void>();
  private readonly submits = new Map<string, Promise<OutboxResult>>();
  private channel: BroadcastChannel | null = null;
  private current: OutboxStatus = { ready: false, durable: true, pending: 0, failed: 0, sending: false };
  private inFlight = 0;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDueAt = 0;
  private closed = false;
  private readonly onOnline = () => {
    this.failures = 0;
    void this.flush();
  };

  constructor(
    private readonly client: CivicClient,
    private readonly options: OutboxOptions,
  ) {
    this.dbName = options.dbName ?? 'civic-outbox';
    this.store = openIndexedDbStore(this.dbName).then(
      (durable) => new FallbackStore(durable),
      () => new FallbackStore(null),
    );
    void this.store.then((store) => this.listenToOtherTabs(store));
    globalThis.addEventListener?.('online', this.onOnline);
    // The next page load: whatever an earlier page left behind goes now.
    void this.flush();
  }

  submit<K extends OutboxKind>(
    kind: K,
    payload: OutboxPayloads[K],
    options: { idempotencyKey?: string } = {},
  ): Promise<OutboxResult<K>> {
    if (this.closed) return Promise.reject(new Error('This outbox is closed; create a new one with createOutbox()'));
    if (!kinds.includes(kind)) {
      return Promise.reject(new TypeError(`Unknown submission kind "${String(kind)}": expected ballot, simulation or feedback`));
    }
    const key = options.idempotencyKey ?? newIdempotencyKey();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      return Promise.reject(
        new TypeError(`idempotencyKey ${JSON.stringify(key)} is not usable as a header: use 1 to 255 visible ASCII characters`),
      );
    }
    // A double click with the same key joins the submission already on its way.
    const running = this.submits.get(key);
    if (running) return running as Promise<OutboxResult<K>>;
    let stored: OutboxPayloads[K];
    try {
      // Our own copy, as it will be stored: the caller may go on changing its object.
      stored = structuredClone(payload);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(new TypeError(`This ${kind} cannot be stored on the device: ${reason}`));
    }
    const entry = { key, kind, payload: stored, createdAt: new Date().toISOString(), attempts: 0 } as OutboxEntry;
    const submission = this.submitEntry(entry).finally(() => this.submits.delete(key));
    this.submits.set(key, submission);
    return submission as Promise<OutboxResult<K>>;
  }

  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.flushing) {
      // Something may have been queued after the running pass read the list: go round once more.
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = this.runFlushes();
    return this.flushing;
  }

  status(): OutboxStatus {
    return { ...this.current };
  }

  subscribe(listener: (status: OutboxStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  async pending(): Promise<OutboxEntry[]> {
    return (await this.store).list('pending');
  }

  async failed(): Promise<OutboxEntry[]> {
    return (await this.store).list('failed');
  }

  async discard(key: string): Promise<void> {
    await (await this.store).remove('failed', key);
    this.changed();
    await this.refresh();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.channel?.close();
    this.listeners.clear();
    const work = [this.flushing, ...this.submits.values()];
    void Promise.allSettled(work).then(() => this.store).then((store) => store.close());
  }

  /** Other tabs say when they change the shared queue, so our pending count stays true. */
  private listenToOtherTabs(store: FallbackStore): void {
    // A memory queue is this page's alone; and in Node an open channel would keep the process alive.
    if (this.closed || !store.durable || typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(`civic-outbox:${this.dbName}`);
    this.channel.onmessage = () => void this.refresh().then(() => this.scheduleRetry());
  }

  private async submitEntry(entry: OutboxEntry): Promise<OutboxResult> {
    const store = await this.store;
    // Holding the entry's lock from before it is stored means no flush, here or in another tab,
    // can pick it up and send it a second time while this send is in flight.
    const result = await withLock(this.entryLock(entry.key), 'wait', async () => {
      const existing = await store.add(entry);
      if (existing && (existing.kind !== entry.kind || !sameJson(existing.payload, entry.payload))) {
        throw new CivicError('conflict', `Idempotency key "${entry.key}" is already queued for a different submission`);
      }
      const stored = existing ?? entry;
      this.changed();
      await this.refresh();
      let receipt: Receipt | SubmissionReceipt;
      try {
        receipt = await this.send(stored);
      } catch (caught) {
        const error = asCivicError(caught);
        if (error.retryable) {
          await this.keepForRetry(store, stored, error);
          return { status: 'queued' as const, key: stored.key, error };
        }
        await store.remove('pending', stored.key).catch(() => undefined);
        this.changed();
        await this.refresh();
        throw error;
      }
      await this.delivered(store, stored);
      return { status: 'sent' as const, key: stored.key, receipt };
    });
    if (result === skipped) throw new Error('unreachable: a waiting lock is never skipped');
    if (result.status === 'queued') this.scheduleRetry();
    return result;
  }

  private async runFlushes(): Promise<void> {
    try {
      do {
        this.flushAgain = false;
        await this.flushOnce();
      } while (this.flushAgain && !this.closed);
    } finally {
      this.flushing = null;
    }
    this.scheduleRetry();
  }

  private async flushOnce(): Promise<void> {
    try {
      const store = await this.store;
      // One pass at a time across tabs: the second tab waits, then finds the queue already empty.
      await withLock(`civic-outbox:${this.dbName}`, 'wait', async () => {
        for (const listed of await store.list('pending')) {
          if (this.closed) return;
          // An entry whose lock is held is being sent by a submit or another tab right now.
          const outcome = await withLock(this.entryLock(listed.key), 'if-available', () => this.resend(store, listed.key));
          // When one send cannot get through, the rest would not either: wait for the next retry.
          if (outcome === 'retry-later') return;
        }
      });
    } catch {
      // Storage trouble (quota, a deleted database) must not turn into an unhandled rejection; the
      // entries stay where they are and the next retry tries again.
    }
    await this.refresh();
  }

  private async resend(store: FallbackStore, key: string): Promise<'gone' | 'delivered' | 'failed' | 'retry-later'> {
    // Re-read under the lock: another tab may have delivered it since the list was read.
    const entry = await store.get('pending', key);
    if (!entry) return 'gone';
    let receipt: Receipt | SubmissionReceipt;
    try {
      receipt = await this.send(entry);
    } catch (caught) {
      const error = asCivicError(caught);
      if (error.retryable) {
        await this.keepForRetry(store, entry, error);
        return 'retry-later';
      }
      const possiblyDelivered = error.code === 'conflict' && entry.lastError !== undefined && wasUnanswered(entry.lastError);
      const failed = { ...entry, attempts: entry.attempts + 1, lastError: recordOf(error) } as OutboxEntry;
      await store.moveToFailed(failed);
      this.changed();
      this.callBack(() => this.options.onFailed?.(failed, error, { possiblyDelivered }));
      return 'failed';
    }
    await this.delivered(store, entry);
    this.callBack(() => this.options.onDelivered?.(entry, receipt));
    return 'delivered';
  }

  private async send(entry: OutboxEntry): Promise<Receipt | SubmissionReceipt> {
    this.inFlight++;
    this.update({ sending: true });
    const options = { idempotencyKey: entry.key };
    try {
      switch (entry.kind) {
        case 'ballot':
          return await this.client.submitBallot(entry.payload, options);
        case 'simulation':
          return await this.client.submitSimulation(entry.payload, options);
        case 'feedback':
          return await this.client.submitFeedback(entry.payload, options);
        default:
          // Only a damaged or foreign database gets here; refusing it keeps it in failed(), not lost.
          throw new CivicError('validation', `Stored submission "${(entry as OutboxEntry).key}" has an unknown kind`);
      }
    } finally {
      this.inFlight--;
      this.update({ sending: this.inFlight > 0 });
    }
  }

  private async keepForRetry(store: FallbackStore, entry: OutboxEntry, error: CivicError): Promise<void> {
    this.failures++;
    const lastError = recordOf(error);
    // If this write fails the entry is still stored as it was; only the attempt count is lost.
    await store.put({ ...entry, attempts: entry.attempts + 1, lastError }).catch(() => undefined);
    this.changed();
    this.update({ lastError });
    await this.refresh();
  }

  private async delivered(store: FallbackStore, entry: OutboxEntry): Promise<void> {
    this.failures = 0;
    // If this delete fails, the entry is sent again later under the same key and the server
    // answers with the same receipt: a duplicate send, never a duplicate submission.
    await store.remove('pending', entry.key).catch(() => undefined);
    this.changed();
    this.update({ lastError: undefined });
    await this.refresh();
  }

  private scheduleRetry(): void {
    if (this.closed || this.current.pending === 0 || this.flushing) return;
    const base = this.options.retryIntervalMs ?? defaultRetryMs;
    const max = this.options.maxRetryIntervalMs ?? defaultMaxRetryMs;
    const backoff = Math.min(base * 2 ** Math.min(Math.max(this.failures - 1, 0), 20), max);
    // Jitter, so that a borough's worth of devices do not all retry in the same second after an outage.
    const delay = backoff * (0.8 + Math.random() * 0.4);
    // A retry already due sooner stays: news from another tab must not postpone ours.
    if (this.timer !== undefined && this.timerDueAt <= Date.now() + delay) return;
    clearTimeout(this.timer);
    this.timerDueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
    // In Node a pending retry must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async refresh(): Promise<void> {
    try {
      const store = await this.store;
      const [pending, failed] = await Promise.all([store.count('pending'), store.count('failed')]);
      this.update({ ready: true, durable: store.durable, pending, failed });
    } catch {
      // Counting is for display only; the entries themselves are untouched.
    }
  }

  private update(change: Partial<OutboxStatus>): void {
    const next = { ...this.current, ...change };
    const same = (Object.keys(next) as Array<keyof OutboxStatus>).every((name) => next[name] === this.current[name]);
    this.current = next;
    if (same) return;
    for (const listener of this.listeners) this.callBack(() => listener(this.status()));
  }

  private changed(): void {
    try {
      this.channel?.postMessage('changed');
    } catch {
      // A closed channel (the outbox was closed mid-send) has no one left to tell.
    }
  }

  private callBack(call: () => void): void {
    try {
      call();
    } catch (error) {
      // A broken listener must not stop the queue; show it the way an uncaught error would be.
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
      else console.error(error);
    }
  }

  private entryLock(key: string): string {
    return `civic-outbox:${this.dbName}:${key}`;
  }
}

function asCivicError(caught: unknown): CivicError {
  if (isCivicError(caught)) return caught;
  // The client contract promises CivicError only; a client that throws something else most often
  // let a fetch TypeError escape, so it is treated as a network failure and retried.
  const message = caught instanceof Error ? caught.message : String(caught);
  return new CivicError('network', `The client failed without a CivicError: ${message}`, { cause: caught });
}

function recordOf(error: CivicError): OutboxErrorRecord {
  const record: OutboxErrorRecord = { code: error.code, message: error.message };
  if (error.status !== undefined) record.status = error.status;
  if (error.detail !== undefined) record.detail = error.detail;
  if (error.fieldErrors.length > 0) record.fieldErrors = error.fieldErrors;
  return record;
}

/** Whether a failed send may have reached the server without its answer reaching us. */
function wasUnanswered(error: OutboxErrorRecord): boolean {
  return new CivicError(error.code, error.message, { status: error.status }).retryable;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---- Locks: Web Locks across tabs where the browser has them, otherwise within this page only.

const skipped = Symbol('skipped');
const localLocks = new Map<string, Promise<unknown>>();

async function withLock<T>(name: string, mode: 'wait' | 'if-available', fn: () => Promise<T>): Promise<T | typeof skipped> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: mode === 'if-available' }, (lock) => (lock ? fn() : skipped));
  }
  const held = localLocks.get(name);
  if (held && mode === 'if-available') return skipped;
  const run = (held ?? Promise.resolve()).catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  localLocks.set(name, tail);
  void tail.then(() => {
    if (localLocks.get(name) === tail) localLocks.delete(name);
  });
  return run;
}

// ---- Storage: IndexedDB when the browser allows it, memory otherwise.

type Shelf = 'pending' | 'failed';

interface EntryStore {
  readonly durable: boolean;
  /** Adds the entry unless one with its key is pending; returns that one if so. */
  add(entry: OutboxEntry): Promise<OutboxEntry | undefined>;
  get(shelf: Shelf, key: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  remove(shelf: Shelf, key: string): Promise<void>;
  moveToFailed(entry: OutboxEntry): Promise<void>;
  list(shelf: Shelf): Promise<OutboxEntry[]>;
  count(shelf: Shelf): Promise<number>;
  close(): void;
}

interface OutboxSchema extends DBSchema {
  pending: { key: string; value: OutboxEntry; indexes: { createdAt: string } };
  failed: { key: string; value: OutboxEntry; indexes: { createdAt: string } };
}

async function openIndexedDbStore(name: string): Promise<EntryStore> {
  let db: IDBPDatabase<OutboxSchema> | null = null;
  const open = () =>
    openDB<OutboxSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('pending', { keyPath: 'key' }).createIndex('createdAt', 'createdAt');
        database.createObjectStore('failed', { keyPath: 'key' }).createIndex('createdAt', 'createdAt');
      },
      // Never stand in the way of a newer version of this page upgrading the schema.
      blocking: () => {
        db?.close();
        db = null;
      },
      // The browser dropped the connection (site data cleared): reopen on the next use.
      terminated: () => {
        db = null;
      },
    });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const opening = open();
  db = await Promise.race([
    opening,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // If it opens after all, nobody uses it: close it so it cannot block a later upgrade or delete.
        void opening.then((late) => late.close(), () => undefined);
        reject(new Error(`IndexedDB "${name}" did not open within ${openTimeoutMs} ms`));
      }, openTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const database = async () => (db ??= await open());
  return {
    durable: true,
    async add(entry) {
      // Strict: the write must be on disk before the send starts, not merely handed to the OS.
      const tx = (await database()).transaction('pending', 'readwrite', { durability: 'strict' });
      const done = tx.done;
      // If a step below fails, the abort it causes is reported by that step, not as an unhandled rejection.
      done.catch(() => undefined);
      const existing = await tx.store.get(entry.key);
      if (!existing) await tx.store.add(entry);
      await done;
      return existing;
    },
    get: async (shelf, key) => (await database()).get(shelf, key),
    put: async (entry) => void (await (await database()).put('pending', entry)),
    remove: async (shelf, key) => (await database()).delete(shelf, key),
    async moveToFailed(entry) {
      const tx = (await database()).transaction(['pending', 'failed'], 'readwrite', { durability: 'strict' });
      await Promise.all([tx.objectStore('failed').put(entry), tx.objectStore('pending').delete(entry.key), tx.done]);
    },
    list: async (shelf) => (await database()).getAllFromIndex(shelf, 'createdAt'),
    count: async (shelf) => (await database()).count(shelf),
    close: () => db?.close(),
  };
}

function memoryStore(): EntryStore & { size(): number } {
  const shelves: Record<Shelf, Map<string, OutboxEntry>> = { pending: new Map(), failed: new Map() };
  const oldestFirst = (a: OutboxEntry, b: OutboxEntry) => a.createdAt.localeCompare(b.createdAt);
  return {
    durable: false,
    async add(entry) {
      const existing = shelves.pending.get(entry.key);
      if (!existing) shelves.pending.set(entry.key, entry);
      return existing;
    },
    get: async (shelf, key) => shelves[shelf].get(key),
    put: async (entry) => void shelves.pending.set(entry.key, entry),
    remove: async (shelf, key) => void shelves[shelf].delete(key),
    async moveToFailed(entry) {
      shelves.pending.delete(entry.key);
      shelves.failed.set(entry.key, entry);
    },
    list: async (shelf) => [...shelves[shelf].values()].sort(oldestFirst),
    count: async (shelf) => shelves[shelf].size,
    close: () => undefined,
    size: () => shelves.pending.size + shelves.failed.size,
  };
}

/**
 * IndexedDB with a memory spill-over: if a write to IndexedDB fails (quota, storage cleared), the
 * entry is kept in memory instead of being lost, and the outbox stops claiming to be durable.
 */
class FallbackStore {
  private readonly memory = memoryStore();

  constructor(private readonly primary: EntryStore | null) {}

  /** True while everything queued is in IndexedDB. */
  get durable(): boolean {
    return this.primary !== null && this.memory.size() === 0;
  }

  async add(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    const inMemory = await this.memory.get('pending', entry.key);
    if (inMemory || !this.primary) return inMemory ?? this.memory.add(entry);
    try {
      return await this.primary.add(entry);
    } catch {
      return this.memory.add(entry);
    }
  }

  async get(shelf: Shelf, key: string): Promise<OutboxEntry | undefined> {
    return (await this.memory.get(shelf, key)) ?? this.primary?.get(shelf, key);
  }

  async put(entry: OutboxEntry): Promise<void> {
    return (await this.owner('pending', entry.key)).put(entry);
  }

  async remove(shelf: Shelf, key: string): Promise<void> {
    return (await this.owner(shelf, key)).remove(shelf, key);
  }

  async moveToFailed(entry: OutboxEntry): Promise<void> {
    return (await this.owner('pending', entry.key)).moveToFailed(entry);
  }

  async list(shelf: Shelf): Promise<OutboxEntry[]> {
    const [stored, inMemory] = await Promise.all([this.primary?.list(shelf) ?? [], this.memory.list(shelf)]);
    return [...stored, ...inMemory].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async count(shelf: Shelf): Promise<number> {
    const [stored, inMemory] = await Promise.all([this.primary?.count(shelf) ?? 0, this.memory.count(shelf)]);
    return stored + inMemory;
  }

  close(): void {
    this.primary?.close();
  }

  private async owner(shelf: Shelf, key: string): Promise<EntryStore> {
    if (!this.primary || (await this.memory.get(shelf, key))) return this.memory;
    return this.primary;
  }
}
