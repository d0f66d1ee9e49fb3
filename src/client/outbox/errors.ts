/** A `CivicError` as data that can be stored beside its entry, and what a stored one says. */
import { CivicError } from '../client.js';
import type { OutboxErrorRecord } from './types.js';

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

/** A stored error as a `CivicError` again, e.g. to show why a queued submission was refused after a reload. */
export function errorOf(record: OutboxErrorRecord): CivicError {
  return new CivicError(record.code, record.message, record);
}
