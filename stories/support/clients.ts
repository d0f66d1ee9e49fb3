import { CivicError, civicClientMethods, type CivicClient, type CivicErrorCode } from '../../src/client/client.js';

function clientAnswering(answer: () => Promise<never>): CivicClient {
  return Object.fromEntries(civicClientMethods.map((name) => [name, answer])) as unknown as CivicClient;
}

/** A backend that never answers, to show loading states. */
export function silentClient(): CivicClient {
  return clientAnswering(() => new Promise<never>(() => {}));
}

/** A backend whose every answer fails with `code`, to show error states. */
export function failingClient(code: CivicErrorCode): CivicClient {
  return clientAnswering(() => Promise.reject(new CivicError(code, `Story: every request fails with ${code}`)));
}
