/**
 * Counting per client address in fixed windows: ballots in open rounds, refused codes and tokens,
 * refused admin tokens. In memory, per process: with several processes each counts its own share.
 */
export interface RateLimiter {
  /** Whether `address` has used up `limit` in the current window of `bucket`. */
  exceeded(bucket: string, address: string, limit: number): boolean;
  /** Counts one more for `address` in `bucket`. */
  hit(bucket: string, address: string): void;
  /** Seconds until the current window ends, for Retry-After. */
  retryAfter(bucket: string, address: string): number;
}

export function createRateLimiter(windowMs: number, now: () => number = Date.now): RateLimiter {
  const counts = new Map<string, { count: number; start: number }>();
  const entry = (bucket: string, address: string) => {
    const key = `${bucket}\u0000${address}`;
    const found = counts.get(key);
    if (found && now() - found.start < windowMs) return { key, found };
    return { key, found: undefined };
  };
  return {
    exceeded(bucket, address, limit) {
      return (entry(bucket, address).found?.count ?? 0) >= limit;
    },
    hit(bucket, address) {
      const { key, found } = entry(bucket, address);
      if (found) found.count++;
      else {
        // Many addresses, each seen once, must not grow the map for ever.
        if (counts.size >= 100_000) for (const [old, value] of counts) if (now() - value.start >= windowMs) counts.delete(old);
        if (counts.size >= 100_000) counts.delete(counts.keys().next().value!);
        counts.set(key, { count: 1, start: now() });
      }
    },
    retryAfter(bucket, address) {
      const found = entry(bucket, address).found;
      return found ? Math.max(1, Math.ceil((found.start + windowMs - now()) / 1_000)) : 1;
    },
  };
}
