import { defaultSeed } from '../../src/memory/seed/index.js';
import { benchCase, container } from './harness.js';
import { messyProposals } from './data.js';

// The card alone, as a list or ballot shows many: 200 of them, real messy texts included.
export const proposalCardBenchmarks = [
  benchCase({
    name: 'proposal-card 200 render',
    prepare: () => ({ host: container(), proposals: messyProposals(defaultSeed().rounds[0]!.proposals, 200) }),
    measure: async ({ host, proposals }) => {
      const cards = proposals.map((proposal) => {
        const card = document.createElement('civic-proposal-card');
        card.proposal = proposal;
        card.currency = 'GBP';
        return card;
      });
      host.append(...cards);
      await Promise.all(cards.map((card) => card.updateComplete));
    },
    cleanup: ({ host }) => host.remove(),
  }),
];
