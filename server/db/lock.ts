/**
 * A lock on the data folder. PGlite takes none, and two processes on one folder lose acknowledged
 * rows, so every command that opens the folder (server, import, codes) holds this lock first.
 *
 * The lock is a file made with O_EXCL holding the owner's pid and its start time. A lock whose
 * process is gone, or whose pid now belongs to a process started at another time (a reused pid
 * after a reboot or a SIGKILL), is stale and taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { procStat } from '../proc-stat.js';

/** The folder is in use by another live process; `message` says which. */
export class FolderLockedError extends Error {
  override readonly name = 'FolderLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), or null elsewhere. */
  startTicks: string | null;
  since: string;
}

export interface FolderLock {
  readonly file: string;
  release(): void;
}

export const LOCK_FILE = 'civic.lock';

/** Takes the lock on `folder` (creating the folder), or throws `FolderLockedError`. */
export function lockDataFolder(folder: string, what = 'the server'): FolderLock {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startTicks: startTicks(process.pid), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify({ ...me, what })}\n`);
      closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          // Only our own lock: never remove one a later process took over.
          if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && isAlive(owner)) {
      const who = (owner as LockOwner & { what?: string }).what ?? 'another process';
      if (owner.host !== me.host) {
        // A shared folder, or a copy of one brought from a machine whose server was killed: only the person can tell.
        throw new FolderLockedError(`The data folder ${folder} is in use by ${who} on ${owner.host} (pid ${owner.pid}, since ${owner.since}); stop it there first. If no process on ${owner.host} uses this folder any more (a copy brought here), delete ${file}.`);
      }
      throw new FolderLockedError(`The data folder ${folder} is in use by ${who} (pid ${owner.pid}, since ${owner.since}); stop it first, or set CIVIC_DATA_DIR to another folder.`);
    }
    // Stale: its process is gone. Remove it and try once more; if another process wins that race, it holds the lock.
    rmSync(file, { force: true });
  }
  throw new FolderLockedError(`The data folder ${folder} was locked by another process starting at the same time; try again.`);
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isSafeInteger(owner.pid) ? owner : null;
  } catch {
    // Unreadable or half-written (a crash while writing it): nobody can be relying on it.
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked: assume it is held.
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const ticks = startTicks(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

/** Field 22 of /proc/PID/stat: when the process started, so a reused pid is told apart. */
const startTicks = (pid: number): string | null => procStat(pid)?.[22 - 3] ?? null;
