/** What submissions change, optionally kept in localStorage. */
import * as v from 'valibot';
import { CivicError } from '../client/client.js';
import { ReceiptSchema, SubmissionReceiptSchema } from '../client/rest/schemas.js';
import type { Ballot, Receipt, SubmissionReceipt } from '../domain/types.js';
import type { PaperAuditEntry } from '../domain/paper.js';

/** The localStorage key used by `persist: true`. */
export const DEFAULT_STORAGE_KEY = 'civic-widgets:memory';

const SelectionsSchema = v.union([v.array(v.string()), v.record(v.string(), v.union([v.number(), v.string()]))]);

const StateSchema = v.object({
  version: v.literal(1),
  ballots: v.array(
    v.object({
      roundId: v.string(),
      voter: v.nullable(v.string()),
      selections: SelectionsSchema,
      receiptId: v.string(),
    }),
  ),
  submissions: v.array(v.object({ kind: v.picklist(['simulation', 'feedback']), targetId: v.string(), body: v.unknown(), receiptId: v.string() })),
  idempotency: v.record(v.string(), v.object({ fingerprint: v.string(), receipt: v.union([ReceiptSchema, SubmissionReceiptSchema]) })),
  paper: v.optional(
    v.object({
      entries: v.array(v.object({ roundId: v.string(), number: v.string(), batch: v.string(), clerk: v.string(), selections: SelectionsSchema, enteredAt: v.string() })),
      settlements: v.array(v.object({ roundId: v.string(), number: v.string(), settledBy: v.string(), selections: SelectionsSchema, settledAt: v.string() })),
      audit: v.array(
        v.object({
          roundId: v.string(),
          at: v.string(),
          actor: v.string(),
          action: v.picklist(['entered', 'corrected', 'settled']),
          number: v.string(),
          batch: v.string(),
          before: v.nullable(v.union([SelectionsSchema, v.array(SelectionsSchema)])),
          after: SelectionsSchema,
        }),
      ),
    }),
  ),
});

/** Everything submissions add to the seed: ballots (with who cast them), other submissions, and receipts by idempotency key. */
export interface MemoryState {
  version: 1;
  ballots: Array<{ roundId: string; voter: string | null; selections: Ballot['selections']; receiptId: string }>;
  submissions: Array<{ kind: 'simulation' | 'feedback'; targetId: string; body: unknown; receiptId: string }>;
  idempotency: Record<string, { fingerprint: string; receipt: Receipt | SubmissionReceipt }>;
  /** Paper ballots entered by clerks (src/memory/paper.ts); absent until the first entry. */
  paper?: PaperState;
}

/** Each clerk's entry, settlements and the audit log, every row with its round. */
export interface PaperState {
  entries: Array<{ roundId: string; number: string; batch: string; clerk: string; selections: Ballot['selections']; enteredAt: string }>;
  settlements: Array<{ roundId: string; number: string; settledBy: string; selections: Ballot['selections']; settledAt: string }>;
  audit: Array<PaperAuditEntry & { roundId: string }>;
}

export interface MemoryStore {
  /** The current state; with persistence, re-read from storage so that two tabs share one store. */
  load(): MemoryState;
  /** Applies `change` to a copy of `state` and keeps it, or throws a retryable `CivicError` and keeps nothing. */
  save(state: MemoryState, change: (draft: MemoryState) => void): void;
}

const emptyState = (): MemoryState => ({ version: 1, ballots: [], submissions: [], idempotency: {} });

/** The store: in memory only, or kept under a localStorage key when `persist` asks for it. */
export function createStore(persist: boolean | string | undefined): MemoryStore {
  let current = emptyState();
  const key = persist === true ? DEFAULT_STORAGE_KEY : typeof persist === 'string' && persist !== '' ? persist : null;
  const storage = key === null ? null : localStorageOrNull(key);
  return {
    load() {
      if (storage === null || key === null) return current;
      const text = storage.getItem(key);
      if (text === null) return (current = emptyState());
      const parsed = readState(text);
      if (typeof parsed === 'string') {
        console.warn(`civic-widgets: discarded the unreadable memory store under localStorage key "${key}" (${parsed}); starting again from the seed`);
        storage.removeItem(key);
        return (current = emptyState());
      }
      return (current = parsed);
    },
    save(state, change) {
      const draft = structuredClone(state);
      change(draft);
      if (storage !== null && key !== null) {
        try {
          storage.setItem(key, JSON.stringify(draft));
        } catch (cause) {
          // Nothing is kept, so an outbox may send the same submission again later.
          throw new CivicError('http', 'The browser’s storage is full or unavailable; the submission was not kept', { status: 507, cause });
        }
      }
      current = draft;
    },
  };
}

/** The parsed state, or why it could not be read. */
function readState(text: string): MemoryState | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const result = v.safeParse(StateSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    return `${v.getDotPath(issue) ?? 'the top level'}: ${issue.message}`;
  }
  return result.output as MemoryState;
}

function localStorageOrNull(key: string): Storage | null {
  try {
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    // A sandboxed iframe or blocked cookies make even reading `localStorage` throw.
  }
  console.warn(`civic-widgets: localStorage is not available, so the memory store "${key}" will not survive a reload`);
  return null;
}
