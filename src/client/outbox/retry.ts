/** When to send again after a failure: exponential backoff with jitter. */
import type { OutboxOptions } from './types.js';

const defaultRetryMs = 15_000;
const defaultMaxRetryMs = 5 * 60_000;

/** Milliseconds to wait before the next retry after `failures` failed sends in a row. */
export function retryDelay(failures: number, options: Pick<OutboxOptions, 'retryIntervalMs' | 'maxRetryIntervalMs'>): number {
  const base = options.retryIntervalMs ?? defaultRetryMs;
  const max = options.maxRetryIntervalMs ?? defaultMaxRetryMs;
  const backoff = Math.min(base * 2 ** Math.min(Math.max(failures - 1, 0), 20), max);
  // Jitter, so that a borough's worth of devices do not all retry in the same second after an outage.
  return backoff * (0.8 + Math.random() * 0.4);
}
