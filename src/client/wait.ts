/** Waiting between attempts, shared by the REST client, the outbox and the in-browser backend. */

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so that many
 * widgets (or a borough's worth of devices after an outage) do not hammer a recovering server in
 * step. `attempt` is 0 for the wait before the first retry; the delay never passes `maxMs`.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return delay / 2 + random() * (delay / 2);
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. Built by
 * hand: `AbortSignal.timeout` and `scheduler.wait` are missing on the older phones residents use.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
