/** The outbox itself: stores each submission before sending it, and sends again what could not be sent. */
import { CivicError, toCivicError, type CivicClient } from '../client.js';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from '../ids.js';
import type { Receipt, SubmissionReceipt } from '../../domain/types.js';
import { announceChange, entryLockName, openChangeChannel, queueLockName, skipped, withLock } from './cross-tab.js';
import { recordOf, wasUnanswered } from './errors.js';
import { kinds, sendByKind } from './kinds.js';
import { backoffDelay } from '../wait.js';
import { sameJson } from '../../domain/json.js';
import { FallbackStore, openIndexedDbStore } from './store.js';
import type { Outbox, OutboxEntry, OutboxKind, OutboxOptions, OutboxPayloads, OutboxResult, OutboxStatus } from './types.js';

/** First wait before sending again after a failure, and the longest; see `OutboxOptions`. */
const DEFAULT_RETRY_MS = 15_000;
const DEFAULT_MAX_RETRY_MS = 5 * 60_000;

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
    this.store = options.dbName === null
      ? Promise.resolve(new FallbackStore(null))
      : openIndexedDbStore(this.dbName).then(
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
    this.channel = openChangeChannel(this.dbName, () => void this.refresh().then(() => this.scheduleRetry()));
  }

  private async submitEntry(entry: OutboxEntry): Promise<OutboxResult> {
    const store = await this.store;
    // Holding the entry's lock from before it is stored means no flush, here or in another tab,
    // can pick it up and send it a second time while this send is in flight.
    const result = await withLock(entryLockName(this.dbName, entry.key), 'wait', async () => {
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
        const error = toCivicError(caught);
        if (error.retryable) {
          await this.keepForRetry(store, stored, error);
          return { status: 'queued' as const, key: stored.key, error };
        }
        // A bug in the client is not the resident's fault: keep the submission where it can be
        // found and sent again once the client is fixed. A refusal by the server is final.
        if (error.code === 'internal') await store.moveToFailed(failedEntry(stored, error)).catch(() => undefined);
        else await store.remove('pending', stored.key).catch(() => undefined);
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
      await withLock(queueLockName(this.dbName), 'wait', async () => {
        for (const listed of await store.list('pending')) {
          if (this.closed) return;
          // An entry whose lock is held is being sent by a submit or another tab right now.
          const outcome = await withLock(entryLockName(this.dbName, listed.key), 'if-available', () => this.resend(store, listed.key));
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
      const error = toCivicError(caught);
      if (error.retryable) {
        await this.keepForRetry(store, entry, error);
        return 'retry-later';
      }
      const possiblyDelivered = error.code === 'conflict' && entry.lastError !== undefined && wasUnanswered(entry.lastError);
      const failed = failedEntry(entry, error);
      await store.moveToFailed(failed);
      this.changed();
      this.callBack(() => this.options.onFailed?.(failed, error, { possiblyDelivered }));
      // Nobody awaits a background send: a bug in the client must still be seen, once.
      if (error.code === 'internal') console.error('civic-widgets: a queued submission was kept aside because the client failed:', error);
      return 'failed';
    }
    await this.delivered(store, entry);
    this.callBack(() => this.options.onDelivered?.(entry, receipt));
    return 'delivered';
  }

  private async send(entry: OutboxEntry): Promise<Receipt | SubmissionReceipt> {
    this.inFlight++;
    this.update({ sending: true });
    try {
      return await sendByKind(this.client, entry);
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
    const delay = backoffDelay(this.failures - 1, this.options.retryIntervalMs ?? DEFAULT_RETRY_MS, this.options.maxRetryIntervalMs ?? DEFAULT_MAX_RETRY_MS);
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
    announceChange(this.channel);
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
}

/** The entry as it is kept in the failed list: one more attempt, and why it was refused. */
function failedEntry(entry: OutboxEntry, error: CivicError): OutboxEntry {
  return { ...entry, attempts: entry.attempts + 1, lastError: recordOf(error) } as OutboxEntry;
}
