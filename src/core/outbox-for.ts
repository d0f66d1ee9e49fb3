import type { CivicClient, CivicError } from '../client/client.js';
import { createOutbox, type Outbox, type OutboxEntry } from '../client/outbox/index.js';
import type { Receipt, SubmissionReceipt } from '../domain/types.js';

/** One client's outbox, and who on the page wants to hear what it delivers or has refused in the background. */
export interface SharedOutbox {
  outbox: Outbox;
  /** Calls `listener` for every entry delivered by a background send; returns the unsubscribe function. */
  onDelivered(listener: (entry: OutboxEntry, receipt: Receipt | SubmissionReceipt) => void): () => void;
  /** Calls `listener` for every entry refused by a background send; returns the unsubscribe function. */
  onFailed(listener: (entry: OutboxEntry, error: CivicError, possiblyDelivered: boolean) => void): () => void;
}

const shared = new WeakMap<CivicClient, SharedOutbox>();

/**
 * The outbox every element on the page submits through for `client`: one per client, so a ballot
 * queued by one element is sent once, whichever element is on the page when the network returns.
 * Its IndexedDB database is named after the client's `id`, so submissions for one backend are never
 * sent to another. A client without an id keeps its queue in the page's memory only, and says so
 * in the console the first time something waits in it.
 */
export function outboxFor(client: CivicClient): SharedOutbox {
  let entry = shared.get(client);
  if (!entry) {
    const delivered = new Set<Parameters<SharedOutbox['onDelivered']>[0]>();
    const failed = new Set<Parameters<SharedOutbox['onFailed']>[0]>();
    const outbox = createOutbox(client, {
      dbName: client.id ? `civic-outbox:${client.id}` : null,
      onDelivered: (queued, receipt) => delivered.forEach((listener) => listener(queued, receipt)),
      onFailed: (queued, error, context) => failed.forEach((listener) => listener(queued, error, context.possiblyDelivered)),
    });
    const subscribe = <L>(set: Set<L>, listener: L) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
    if (!client.id) {
      const stop = outbox.subscribe((status) => {
        if (status.pending === 0) return;
        console.warn('civic-widgets: a submission is waiting to be sent, but this client has no `id`, so it will not survive a reload. Give a CivicClient of your own an id naming its backend.');
        queueMicrotask(() => stop());
      });
    }
    entry = { outbox, onDelivered: (listener) => subscribe(delivered, listener), onFailed: (listener) => subscribe(failed, listener) };
    shared.set(client, entry);
  }
  return entry;
}
