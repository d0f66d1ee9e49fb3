/**
 * Watching a panel meeting over REST: server-sent events through the browser's `EventSource`, which
 * reconnects by itself and sends `Last-Event-ID`, so the server answers only what changed meanwhile.
 * Where EventSource is missing or the stream fails for good (a proxy that refuses it, an old
 * server), it polls the meeting instead, and tries the stream again now and then.
 */
import type { MeetingState } from '../../domain/meeting.js';
import { toCivicError, type MeetingWatch } from '../client.js';
import { MeetingStateSchema, parseResponse } from './schemas.js';

export interface LiveOptions {
  streamUrl: string;
  /** Reads the meeting once (the polling fallback). */
  read(signal: AbortSignal): Promise<MeetingState>;
  withCredentials: boolean;
  /** How often to poll when the stream cannot be used. */
  pollMs?: number;
  /** How long to poll before trying the stream again. */
  retryStreamMs?: number;
}

/** Starts watching; returns the function that stops. */
export function watchLive(options: LiveOptions, watch: MeetingWatch): () => void {
  const pollMs = options.pollMs ?? 3_000;
  const retryStreamMs = options.retryStreamMs ?? 30_000;
  const stop = new AbortController();
  let last: MeetingState | undefined;
  let source: EventSource | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let connection: string | undefined;

  const tellConnection = (now: 'live' | 'reconnecting' | 'polling') => {
    if (now !== connection) watch.connection?.((connection = now));
  };

  /** A state is told once, and never one older than what was told (a slow poll beside the stream). */
  const tell = (state: MeetingState) => {
    if (stop.signal.aborted) return;
    if (last && (state.version === last.version || Date.parse(state.serverTime) < Date.parse(last.serverTime))) return;
    last = state;
    watch.state(state);
  };

  const poll = async (until: number) => {
    if (stop.signal.aborted) return;
    tellConnection('polling');
    try {
      tell(await options.read(stop.signal));
    } catch (error) {
      if (!stop.signal.aborted) watch.error?.(toCivicError(error));
    }
    if (stop.signal.aborted) return;
    pollTimer = setTimeout(() => (Date.now() >= until && typeof EventSource === 'function' ? stream() : void poll(until)), pollMs);
  };

  const stream = () => {
    if (stop.signal.aborted) return;
    if (typeof EventSource !== 'function') return void poll(Infinity);
    const current = new EventSource(options.streamUrl, { withCredentials: options.withCredentials });
    source = current;
    current.onopen = () => tellConnection('live');
    current.addEventListener('meeting', (event) => {
      try {
        tell(parseResponse(MeetingStateSchema, JSON.parse((event as MessageEvent<string>).data), 'meeting event'));
      } catch (error) {
        watch.error?.(toCivicError(error));
      }
    });
    current.onerror = () => {
      if (stop.signal.aborted) return;
      // CONNECTING: the browser reconnects by itself, with Last-Event-ID. CLOSED: it gave up.
      if (current.readyState !== EventSource.CLOSED) return tellConnection('reconnecting');
      current.close();
      source = undefined;
      void poll(Date.now() + retryStreamMs);
    };
  };

  // A first read at once: the screen need not wait for the stream to open.
  void options.read(stop.signal).then(tell, (error) => stop.signal.aborted || watch.error?.(toCivicError(error)));
  stream();
  return () => {
    stop.abort();
    source?.close();
    clearTimeout(pollTimer);
  };
}
