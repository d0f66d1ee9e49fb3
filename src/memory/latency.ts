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

/**
 * Resolves after `ms`, or rejects with `CivicError('aborted')` as soon as `signal` aborts. With no
 * latency asked for, it resolves at once: a timer would put every answer a task later, and a list
 * filtered as the resident types would miss the frame it could have been painted in.
 */
export async function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return;
  try {
    await sleep(ms, signal);
  } catch {
    throw abortedError();
  }
}
