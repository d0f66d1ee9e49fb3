/**
 * How tabs sharing one outbox keep out of each other's way: Web Locks across tabs where the
 * browser has them, otherwise within this page only; and a BroadcastChannel on which each tab says
 * when it changed the shared queue, so the others' pending counts stay true.
 */

/** What `withLock` answers in `if-available` mode when the lock was held, so `fn` did not run. */
export const skipped = Symbol('skipped');
const localLocks = new Map<string, Promise<unknown>>();

/** Runs `fn` holding the lock `name`: after waiting for it, or in `if-available` mode only if it is free. */
export async function withLock<T>(name: string, mode: 'wait' | 'if-available', fn: () => Promise<T>): Promise<T | typeof skipped> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: mode === 'if-available' }, (lock) => (lock ? fn() : skipped));
  }
  const held = localLocks.get(name);
  if (held && mode === 'if-available') return skipped;
  const run = (held ?? Promise.resolve()).catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  localLocks.set(name, tail);
  void tail.then(() => {
    if (localLocks.get(name) === tail) localLocks.delete(name);
  });
  return run;
}

/** The lock a flush pass holds, so that one pass runs at a time across tabs. */
export function queueLockName(dbName: string): string {
  return `civic-outbox:${dbName}`;
}

/** The lock held while one entry is stored and sent, or resent. */
export function entryLockName(dbName: string, key: string): string {
  return `civic-outbox:${dbName}:${key}`;
}

/** Opens the channel of the queue in `dbName`: `onChange` runs when another tab changes it. */
export function openChangeChannel(dbName: string, onChange: () => void): BroadcastChannel {
  const channel = new BroadcastChannel(`civic-outbox:${dbName}`);
  channel.onmessage = onChange;
  return channel;
}

/** Tells the other tabs that this one changed the shared queue. */
export function announceChange(channel: BroadcastChannel | null): void {
  try {
    channel?.postMessage('changed');
  } catch {
    // A closed channel (the outbox was closed mid-send) has no one left to tell.
  }
}
