/** The optional delay before each answer, and the caller's abort. */
import { CivicError } from '../client/client.js';
import { sleep } from '../client/wait.js';

/** The same error the REST client gives when the caller aborts: never retried. */
function abortedError(): CivicError {
  return new CivicError('aborted', 'The request was aborted by the caller');
}

/** Throws `CivicError('aborted')` if `signal` has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError();
}

/** Resolves after `ms`, or rejects with `CivicError('aborted')` as soon as `signal` aborts. */
export async function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw abortedError();
  }
}
