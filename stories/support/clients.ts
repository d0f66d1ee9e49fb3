import { CivicError, type CivicClient, type CivicErrorCode } from '../../src/client/client.js';

const methods = [
  'getRound', 'listProposals', 'getProposal', 'submitBallot', 'getResults',
  'getSimulation', 'submitSimulation', 'getForm', 'submitFeedback',
] as const;

function clientAnswering(answer: () => Promise<never>): CivicClient {
  return Object.fromEntries(methods.map((name) => [name, answer])) as unknown as CivicClient;
}

/** A backend that never answers, to show loading states. */
export function silentClient(): CivicClient {
  return clientAnswering(() => new Promise<never>(() => {}));
}

/** A backend whose every answer fails with `code`, to show error states. */
export function failingClient(code: CivicErrorCode): CivicClient {
  return clientAnswering(() => Promise.reject(new CivicError(code, `Story: every request fails with ${code}`)));
}
