/** Reads a server-sent event stream over real HTTP, as a browser's EventSource would, for the live tests. */
import { assertContract } from './contract.js';

export interface ServerEvent {
  id?: string;
  event: string;
  data: string;
}

export interface EventStream {
  /** The next event (comments included as `event: 'comment'`), or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ServerEvent>;
  /** The next `meeting` event's state, skipping comments. */
  nextState(timeoutMs?: number): Promise<any>;
  /** Drops the connection, as a phone walking out of Wi-Fi range does. */
  close(): void;
  headers: Headers;
}

/** Opens `origin`/api`path` as an event stream, sending `Last-Event-ID` when given. */
export async function openEventStream(origin: string, path: string, lastEventId?: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${origin}/api${path}`, { headers: lastEventId ? { 'last-event-id': lastEventId, accept: 'text/event-stream' } : { accept: 'text/event-stream' }, signal: abort.signal });
  assertContract('GET', path, response.status, response.headers.get('content-type') ?? '', response.status === 200 ? '' : await response.text());
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: ServerEvent[] = [];
  const parse = () => {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerEvent = { event: 'message', data: '' };
      const data: string[] = [];
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          if (fields === 0) Object.assign(event, { event: 'comment', data: line.slice(1).trim() });
          continue;
        }
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        fields++;
        if (name === 'id') event.id = value;
        else if (name === 'event') event.event = value;
        else if (name === 'data') data.push(value);
        else if (name === 'retry') event.event = 'retry';
      }
      if (event.event !== 'comment') event.data = data.join('\n');
      queue.push(event);
    }
  };
  // One read at a time: a read that outlives a timeout is the next call's.
  let pending: Promise<ReadableStreamReadResult<string>> | undefined;
  const next = async (timeoutMs = 3_000): Promise<ServerEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)))]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      pending = undefined;
      if (chunk.done) throw new Error('the stream ended');
      buffer += chunk.value;
      parse();
    }
    return queue.shift()!;
  };
  return {
    headers: response.headers,
    next,
    async nextState(timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event.event === 'meeting') return { ...JSON.parse(event.data), eventId: event.id };
      }
    },
    close: () => abort.abort(),
  };
}
