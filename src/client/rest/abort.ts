/**
 * One AbortSignal per attempt that fires on the client's timeout or on the caller's signal,
 * whichever comes first. Built by hand: `AbortSignal.any` and `AbortSignal.timeout` are missing
 * on the older phones residents vote from.
 */

/** Why an attempt was aborted, once it has been. */
export type AbortCause = 'timeout' | 'caller';

/** A per-attempt abort signal; call `dispose()` when the attempt ends so no timer or listener leaks. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** `undefined` while the attempt has not been aborted. */
  readonly cause: AbortCause | undefined;
  dispose(): void;
}

/** Links a new signal to `timeoutMs` and to the caller's `signal` (which may already be aborted). */
export function attemptSignal(timeoutMs: number, callerSignal: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let cause: AbortCause | undefined;
  const abort = (why: AbortCause) => {
    if (cause !== undefined) return;
    cause = why;
    controller.abort(why === 'caller' ? callerSignal?.reason : new Error(`No answer within ${timeoutMs} ms`));
  };
  const onCallerAbort = () => abort('caller');
  const timer = setTimeout(() => abort('timeout'), timeoutMs);
  if (callerSignal?.aborted) abort('caller');
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timeoutMs,
    get cause() {
      return cause;
    },
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

