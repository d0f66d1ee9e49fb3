import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DraftOptions<T> {
  /** Where this draft lives, e.g. `vote:fernwick-2026`; undefined while the element does not know yet. */
  key: () => string | undefined;
  /** The stored value if it is still a usable draft (the round may have changed since), else undefined. */
  read: (stored: unknown) => T | undefined;
}

const PREFIX = 'civic-widgets:draft:';

/**
 * Keeps what a resident has typed or chosen on the device, so a reload, a crash or a failed submit
 * loses nothing: `save` on every change, `restore` when the element knows what it shows, `clear`
 * after the receipt. Drafts are in localStorage (small, synchronous, per site); where it is blocked
 * (a sandboxed iframe, strict privacy settings) the element still works and simply keeps no draft.
 */
export class DraftController<T> implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The saved draft for the current key, if there is a usable one. */
  restore(): T | undefined {
    const key = this.options.key();
    const text = key === undefined ? null : storage()?.getItem(PREFIX + key);
    if (text == null) return undefined;
    try {
      return this.options.read(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  save(value: T): void {
    const key = this.options.key();
    if (key === undefined) return;
    try {
      storage()?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the draft is a convenience, the form itself still works.
    }
  }

  clear(): void {
    const key = this.options.key();
    if (key !== undefined) storage()?.removeItem(PREFIX + key);
  }
}

/** Every draft on this device, e.g. for a kiosk that must forget one resident before the next. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
