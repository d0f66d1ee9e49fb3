/** How long a server asks the client to wait before trying again. */

/** The longest `Retry-After` the client waits for; a server asking for more is not retried now. */
export const MAX_RETRY_AFTER_MS = 30_000;
/** The longest backoff between two attempts. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * Milliseconds a `Retry-After` header asks to wait (delay-seconds or an HTTP date), or `undefined`
 * when it is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
