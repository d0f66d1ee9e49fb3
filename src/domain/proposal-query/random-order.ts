/**
 * The fair random order: each proposal gets a pseudo-random rank from a seed and its id, so one
 * seed always gives the same order (across pages and reloads) and every proposal is equally likely
 * to come first. Pure, so the server and the in-browser backend order alike.
 */

/** The largest seed; a seed is a whole number from 0 to this. */
export const MAX_ORDER_SEED = 0xffffffff;

/** Whether `seed` is a whole number from 0 to `MAX_ORDER_SEED`. */
export function isOrderSeed(seed: unknown): seed is number {
  return Number.isSafeInteger(seed) && (seed as number) >= 0 && (seed as number) <= MAX_ORDER_SEED;
}

/** FNV-1a over a string, from a starting hash. */
function fnv1a(text: string, start = 0x811c9dc5): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * MurmurHash3's finaliser. FNV-1a alone barely mixes its last characters, so ids that differ only
 * at the end (`p-1`, `p-2`) came first up to 2.4 times as often as others across seeds.
 */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A proposal's place in the random order of `seed`. */
export function randomRank(seed: number, id: string): number {
  return mix(fnv1a(id, (0x811c9dc5 ^ seed) >>> 0));
}

/**
 * The seed of one visitor's order in one round: a visitor keeps one private value on their device,
 * and each round gets its own order from it. The server sees only this number, which differs from
 * round to round, so it cannot link a visitor's rounds by it.
 */
export function orderSeed(visitorSeed: string, roundId: string): number {
  return mix(fnv1a(`${visitorSeed}\u0000${roundId}`));
}
