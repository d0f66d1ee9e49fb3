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
export { createOutbox } from './durable-outbox.js';
export type {
  Outbox,
  OutboxEntry,
  OutboxEntryOf,
  OutboxErrorRecord,
  OutboxFailureContext,
  OutboxKind,
  OutboxOptions,
  OutboxPayloads,
  OutboxReceipts,
  OutboxResult,
  OutboxStatus,
} from './types.js';
