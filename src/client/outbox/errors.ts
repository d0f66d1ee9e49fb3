/** Turning whatever a client threw into a `CivicError`, and a `CivicError` into data that can be stored. */
import { CivicError, isCivicError } from '../client.js';
import type { OutboxErrorRecord } from './types.js';

/** What the client threw, as a `CivicError`. */
export function asCivicError(caught: unknown): CivicError {
  if (isCivicError(caught)) return caught;
  // The client contract promises CivicError only; a client that throws something else most often
  // let a fetch TypeError escape, so it is treated as a network failure and retried.
  const message = caught instanceof Error ? caught.message : String(caught);
  return new CivicError('network', `The client failed without a CivicError: ${message}`, { cause: caught });
}

/** The error as plain data, to be stored beside its entry. */
export function recordOf(error: CivicError): OutboxErrorRecord {
  const record: OutboxErrorRecord = { code: error.code, message: error.message };
  if (error.status !== undefined) record.status = error.status;
  if (error.detail !== undefined) record.detail = error.detail;
  if (error.fieldErrors.length > 0) record.fieldErrors = error.fieldErrors;
  return record;
}

/** Whether a failed send may have reached the server without its answer reaching us. */
export function wasUnanswered(error: OutboxErrorRecord): boolean {
  return new CivicError(error.code, error.message, { status: error.status }).retryable;
}
