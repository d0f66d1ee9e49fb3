import { CivicError, civicClientMethods, civicMeetingMethods, paperClientMethods, toCivicError, type CivicClient } from '../client/client.js';
import { createRestClient } from '../client/rest/index.js';
import { loadMemoryBackend } from './memory-loader.js';

const clients = new Map<string, CivicClient>();

/** A client whose implementation is loaded on its first call. */
function lazyClient(id: string | undefined, load: () => Promise<CivicClient>): CivicClient {
  let loaded: Promise<CivicClient> | undefined;
  const client: Record<string, unknown> = { id };
  // The in-browser backend holds panel meetings and a paper count too, so both can be rehearsed offline.
  for (const name of [...civicClientMethods, ...civicMeetingMethods, ...paperClientMethods]) {
    client[name] = async (...args: unknown[]) => {
      loaded ??= load();
      const real = await loaded;
      const method = real[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!method) throw new CivicError('not-found', `This backend has no ${name}`, { status: 404 });
      return method(...args);
    };
  }
  client.watchMeeting = (roundId: string, watch: Parameters<NonNullable<CivicClient['watchMeeting']>>[1]) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    loaded ??= load();
    loaded.then(
      (real) => {
        if (stopped) return;
        try {
          stop = real.watchMeeting!(roundId, watch);
        } catch (error) {
          watch.error?.(toCivicError(error));
        }
      },
      (error) => watch.error?.(toCivicError(error)),
    );
    return () => {
      stopped = true;
      stop?.();
    };
  };
  return client as unknown as CivicClient;
}

/**
 * The client for an `api` attribute, shared by every element that names the same `api` so that
 * they see the same data: `memory:` is the in-browser backend, `memory:NAME` the same kept in
 * localStorage under NAME (kiosks, demos), anything else a REST base URL.
 */
export function clientFor(api: string): CivicClient {
  let client = clients.get(api);
  if (!client) {
    if (api.startsWith('memory:')) {
      const storageKey = api.slice('memory:'.length);
      client = lazyClient(storageKey ? `memory:${storageKey}` : undefined, async () => (await loadMemoryBackend()).createMemoryClient(undefined, storageKey ? { persist: storageKey } : {}));
    } else {
      client = createRestClient({ baseUrl: api });
    }
    clients.set(api, client);
  }
  return client;
}
