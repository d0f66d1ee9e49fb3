/** Storage for the outbox: IndexedDB when the browser allows it, memory otherwise. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxEntry } from './types.js';

// Opening IndexedDB takes milliseconds; one that hangs (a stuck profile) must not hang submit.
const openTimeoutMs = 5_000;

type Shelf = 'pending' | 'failed';

interface EntryStore {
  readonly durable: boolean;
  /** Adds the entry unless one with its key is pending; returns that one if so. */
  add(entry: OutboxEntry): Promise<OutboxEntry | undefined>;
  get(shelf: Shelf, key: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  remove(shelf: Shelf, key: string): Promise<void>;
  moveToFailed(entry: OutboxEntry): Promise<void>;
  list(shelf: Shelf): Promise<OutboxEntry[]>;
  count(shelf: Shelf): Promise<number>;
  close(): void;
}

interface OutboxSchema extends DBSchema {
  pending: { key: string; value: OutboxEntry; indexes: { createdAt: string } };
  failed: { key: string; value: OutboxEntry; indexes: { createdAt: string } };
}

/** Opens the outbox database `name`; rejects where IndexedDB is missing or refused, or does not open in time. */
export async function openIndexedDbStore(name: string): Promise<EntryStore> {
  let db: IDBPDatabase<OutboxSchema> | null = null;
  const open = () =>
    openDB<OutboxSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('pending', { keyPath: 'key' }).createIndex('createdAt', 'createdAt');
        database.createObjectStore('failed', { keyPath: 'key' }).createIndex('createdAt', 'createdAt');
      },
      // Never stand in the way of a newer version of this page upgrading the schema.
      blocking: () => {
        db?.close();
        db = null;
      },
      // The browser dropped the connection (site data cleared): reopen on the next use.
      terminated: () => {
        db = null;
      },
    });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const opening = open();
  db = await Promise.race([
    opening,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // If it opens after all, nobody uses it: close it so it cannot block a later upgrade or delete.
        void opening.then((late) => late.close(), () => undefined);
        reject(new Error(`IndexedDB "${name}" did not open within ${openTimeoutMs} ms`));
      }, openTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const database = async () => (db ??= await open());
  return {
    durable: true,
    async add(entry) {
      // Strict: the write must be on disk before the send starts, not merely handed to the OS.
      const tx = (await database()).transaction('pending', 'readwrite', { durability: 'strict' });
      const done = tx.done;
      // If a step below fails, the abort it causes is reported by that step, not as an unhandled rejection.
      done.catch(() => undefined);
      const existing = await tx.store.get(entry.key);
      if (!existing) await tx.store.add(entry);
      await done;
      return existing;
    },
    get: async (shelf, key) => (await database()).get(shelf, key),
    put: async (entry) => void (await (await database()).put('pending', entry)),
    remove: async (shelf, key) => (await database()).delete(shelf, key),
    async moveToFailed(entry) {
      const tx = (await database()).transaction(['pending', 'failed'], 'readwrite', { durability: 'strict' });
      await Promise.all([tx.objectStore('failed').put(entry), tx.objectStore('pending').delete(entry.key), tx.done]);
    },
    list: async (shelf) => (await database()).getAllFromIndex(shelf, 'createdAt'),
    count: async (shelf) => (await database()).count(shelf),
    close: () => db?.close(),
  };
}

function memoryStore(): EntryStore & { size(): number } {
  const shelves: Record<Shelf, Map<string, OutboxEntry>> = { pending: new Map(), failed: new Map() };
  const oldestFirst = (a: OutboxEntry, b: OutboxEntry) => a.createdAt.localeCompare(b.createdAt);
  return {
    durable: false,
    async add(entry) {
      const existing = shelves.pending.get(entry.key);
      if (!existing) shelves.pending.set(entry.key, entry);
      return existing;
    },
    get: async (shelf, key) => shelves[shelf].get(key),
    put: async (entry) => void shelves.pending.set(entry.key, entry),
    remove: async (shelf, key) => void shelves[shelf].delete(key),
    async moveToFailed(entry) {
      shelves.pending.delete(entry.key);
      shelves.failed.set(entry.key, entry);
    },
    list: async (shelf) => [...shelves[shelf].values()].sort(oldestFirst),
    count: async (shelf) => shelves[shelf].size,
    close: () => undefined,
    size: () => shelves.pending.size + shelves.failed.size,
  };
}

/**
 * IndexedDB with a memory spill-over: if a write to IndexedDB fails (quota, storage cleared), the
 * entry is kept in memory instead of being lost, and the outbox stops claiming to be durable.
 */
export class FallbackStore {
  private readonly memory = memoryStore();

  constructor(private readonly primary: EntryStore | null) {}

  /** True while everything queued is in IndexedDB. */
  get durable(): boolean {
    return this.primary !== null && this.memory.size() === 0;
  }

  async add(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    const inMemory = await this.memory.get('pending', entry.key);
    if (inMemory || !this.primary) return inMemory ?? this.memory.add(entry);
    try {
      return await this.primary.add(entry);
    } catch {
      return this.memory.add(entry);
    }
  }

  async get(shelf: Shelf, key: string): Promise<OutboxEntry | undefined> {
    return (await this.memory.get(shelf, key)) ?? this.primary?.get(shelf, key);
  }

  async put(entry: OutboxEntry): Promise<void> {
    return (await this.owner('pending', entry.key)).put(entry);
  }

  async remove(shelf: Shelf, key: string): Promise<void> {
    return (await this.owner(shelf, key)).remove(shelf, key);
  }

  async moveToFailed(entry: OutboxEntry): Promise<void> {
    return (await this.owner('pending', entry.key)).moveToFailed(entry);
  }

  async list(shelf: Shelf): Promise<OutboxEntry[]> {
    const [stored, inMemory] = await Promise.all([this.primary?.list(shelf) ?? [], this.memory.list(shelf)]);
    return [...stored, ...inMemory].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async count(shelf: Shelf): Promise<number> {
    const [stored, inMemory] = await Promise.all([this.primary?.count(shelf) ?? 0, this.memory.count(shelf)]);
    return stored + inMemory;
  }

  close(): void {
    this.primary?.close();
  }

  private async owner(shelf: Shelf, key: string): Promise<EntryStore> {
    if (!this.primary || (await this.memory.get(shelf, key))) return this.memory;
    return this.primary;
  }
}
