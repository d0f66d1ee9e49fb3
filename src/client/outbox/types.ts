import type { CivicError, CivicErrorCode, FieldError } from '../client.js';
import type { Ballot, FeedbackResponse, Receipt, SimulationSubmission, SubmissionReceipt } from '../../domain/types.js';

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
  /**
   * IndexedDB database name; also names the cross-tab locks. Default `civic-outbox`. `null` keeps
   * the queue in this page's memory only (`status().durable` is false).
   */
  dbName?: string | null;
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
