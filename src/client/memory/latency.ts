/** The optional delay before each answer, and the caller's abort. */
import { CivicError } from '../client.js';

/** The same error the REST client gives when the caller aborts: never retried. */
function abortedError(): CivicError {
  return new CivicError('aborted', 'The request was aborted by the caller');
}

/** Throws `CivicError('aborted')` if `signal` has already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError();
}

/** Resolves after `ms`, or rejects with `CivicError('aborted')` as soon as `signal` aborts. */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
