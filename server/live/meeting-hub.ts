/**
 * Live meeting updates as server-sent events. One watcher per round with listeners reads the
 * meeting every `pollMs` (and at once after a facilitator's change in this process), and sends it
 * when its version changed. Reading the database, not only this process's own changes, keeps every
 * server process right when several share one PostgreSQL.
 *
 * Every event carries the whole state (the count of ballots, not a "one more"), with its version as
 * the event id: a client that reconnects with `Last-Event-ID` gets the state only if it changed
 * meanwhile, and a repeated event can never count a ballot twice.
 */
import type { ServerResponse } from 'node:http';
import type { MeetingState } from '../../src/domain/meeting.js';

export interface LiveTiming {
  /** How often a watched round's meeting is read. */
  pollMs: number;
  /** How often an idle stream gets a comment, so proxies and the browser keep it open. */
  heartbeatMs: number;
}

export const DEFAULT_LIVE_TIMING: LiveTiming = { pollMs: 500, heartbeatMs: 15_000 };

/** How long a browser waits before reconnecting, sent with the stream's first bytes. */
const RETRY_MS = 2_000;

interface Watcher {
  /** Each stream with the version it last got, so no stream gets one version twice. */
  streams: Map<ServerResponse, string | undefined>;
  timer: ReturnType<typeof setInterval>;
  reading: boolean;
}

export interface MeetingHub {
  /** Starts the stream on `response` (headers already sent): `state` (read just before) unless `lastEventId` is its version, then every change. */
  open(roundId: string, response: ServerResponse, lastEventId: string | undefined, state: MeetingState): void;
  /** Reads the round's meeting now (after a change made by this process). */
  poke(roundId: string): void;
  /** Ends every stream, for a server that is closing. */
  close(): void;
}

export function createMeetingHub(read: (roundId: string) => Promise<MeetingState>, timing: LiveTiming = DEFAULT_LIVE_TIMING): MeetingHub {
  const watchers = new Map<string, Watcher>();

  const send = (response: ServerResponse, state: MeetingState) => {
    response.write(`id: ${state.version}\nevent: meeting\ndata: ${JSON.stringify(state)}\n\n`);
  };

  async function check(roundId: string): Promise<void> {
    const watcher = watchers.get(roundId);
    if (!watcher || watcher.reading) return;
    watcher.reading = true;
    try {
      const state = await read(roundId);
      for (const [stream, last] of watcher.streams) {
        if (last === state.version) continue;
        watcher.streams.set(stream, state.version);
        send(stream, state);
      }
    } catch {
      // A database hiccup: the next poll tries again, and the streams stay open.
    } finally {
      watcher.reading = false;
    }
  }

  const heartbeat = setInterval(() => {
    for (const watcher of watchers.values()) for (const stream of watcher.streams.keys()) stream.write(': heartbeat\n\n');
  }, timing.heartbeatMs);
  heartbeat.unref();

  return {
    open(roundId, response, lastEventId, state) {
      response.write(`retry: ${RETRY_MS}\n\n`);
      // A reconnect that already has this version gets nothing again; a heartbeat says it is live.
      if (state.version !== lastEventId) send(response, state);
      else response.write(': up to date\n\n');
      let watcher = watchers.get(roundId);
      if (!watcher) {
        const timer = setInterval(() => void check(roundId), timing.pollMs);
        timer.unref();
        watcher = { streams: new Map(), timer, reading: false };
        watchers.set(roundId, watcher);
      }
      const mine = watcher;
      mine.streams.set(response, state.version);
      response.on('close', () => {
        mine.streams.delete(response);
        if (mine.streams.size === 0 && watchers.get(roundId) === mine) {
          clearInterval(mine.timer);
          watchers.delete(roundId);
        }
      });
    },
    poke(roundId) {
      void check(roundId);
    },
    close() {
      clearInterval(heartbeat);
      for (const watcher of watchers.values()) {
        clearInterval(watcher.timer);
        for (const stream of watcher.streams.keys()) stream.end();
      }
      watchers.clear();
    },
  };
}
