import type { CivicClient } from '../../src/client/client.js';
import { bigRound } from '../../stories/support/results-data.js';
import { benchCase, container } from './harness.js';

/** A backend that answers at once with a round of `count` proposals and its full results, so the element alone is timed. */
function instantClient(count: number): CivicClient {
  const { round, proposals, results } = bigRound(count);
  return {
    getRound: async () => round,
    listProposals: async (_roundId, { page = 1, pageSize = 12 } = {}) => ({ items: proposals.slice((page - 1) * pageSize, page * pageSize), total: proposals.length, page, pageSize }),
    getResults: async () => results,
  } as Partial<CivicClient> as CivicClient;
}

// From connected to the results drawn: summary, chart, a 200-row table, areas and funded choices.
export const resultsBenchmarks = [
  benchCase({
    name: 'results 200 first render',
    prepare: () => ({ host: container(), client: instantClient(200) }),
    measure: async ({ host, client }) => {
      const element = document.createElement('civic-results');
      element.client = client;
      element.round = 'fernwick-2024-borough';
      host.append(element);
      for (let i = 0; i < 100 && !element.shadowRoot?.querySelector('[part~="summary"]'); i++) await element.updateComplete;
      if (!element.shadowRoot?.querySelector('[part~="table"] tbody tr:nth-child(200)')) throw new Error('results never showed 200 proposals');
    },
    cleanup: ({ host }) => host.remove(),
  }),
];
