/**
 * A random value kept on the resident's device, from which each round's fair random order is made
 * (`orderSeed` in the domain): the same resident sees the same order on every page and visit, and
 * residents see different orders. It identifies nobody: it is random, never sent as it is, and the
 * number a backend receives differs from round to round.
 */

/** The localStorage key of the value. */
export const VISITOR_SEED_KEY = 'civic-widgets:order-seed';

/** Used when the page cannot keep anything (storage blocked or full): the order then holds for this page only. */
let pageSeed: string | undefined;

function newSeed(): string {
  return [...crypto.getRandomValues(new Uint32Array(2))].map((part) => part.toString(36)).join('-');
}

/** This device's value, made and kept the first time it is asked for. */
export function visitorSeed(): string {
  try {
    const kept = localStorage.getItem(VISITOR_SEED_KEY);
    if (kept) return kept;
    const made = newSeed();
    localStorage.setItem(VISITOR_SEED_KEY, made);
    return made;
  } catch {
    return (pageSeed ??= newSeed());
  }
}
