import type { CivicClient } from '../../src/client/client.js';
import type { CivicProposalList } from '../../src/elements/proposal-list/proposal-list.js';
import { createMemoryClient } from '../../src/memory/index.js';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { benchCase, container } from './harness.js';
import { messyProposals } from './data.js';

// The list over the in-browser backend, as kiosks and demos run it: a round of 200 proposals, one in
// four with a real city's messy title. A REST backend adds its network round trip to each figure.
// Each is timed from the start of a frame to the paint of the frame that shows the change (see the
// harness): the work a keystroke costs, not the wait for the display's next refresh.

const base = defaultSeed().rounds[0]!;
const seed = { rounds: [{ round: base.round, proposals: messyProposals(base.proposals, 200) }], simulations: [], forms: [] };

/** Resolves when the list shows settled results (not loading, not waiting for an answer) and every card has rendered. */
function settled(list: CivicProposalList): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => list.shadowRoot?.querySelector('.results')?.getAttribute('aria-busy') === 'false';
    const finish = () => {
      observer.disconnect();
      const cards = [...list.shadowRoot!.querySelectorAll('civic-proposal-card')];
      void Promise.all(cards.map((card) => card.updateComplete)).then(() => resolve());
    };
    const observer = new MutationObserver(() => done() && finish());
    if (done()) finish();
    else observer.observe(list.shadowRoot!, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
}

function newList(client: CivicClient): CivicProposalList {
  const list = document.createElement('civic-proposal-list');
  list.client = client;
  list.round = base.round.id;
  return list;
}

/** One character typed in the search box, as the browser reports it. */
function type(list: CivicProposalList, character: string): void {
  const input = list.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
  input.value += character;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }));
}

interface Loaded {
  host: HTMLElement;
  list: CivicProposalList;
}

/** A list on the page, settled, with `typed` already in its search box: a fresh backend each run, so nothing is warm from the last. */
async function loadedList(typed: string): Promise<Loaded> {
  const host = container();
  const list = newList(createMemoryClient(seed));
  host.append(list);
  await settled(list);
  for (const character of typed) {
    type(list, character);
    await list.updateComplete;
    await settled(list);
  }
  return { host, list };
}

export const proposalListBenchmarks = [
  benchCase({
    name: 'proposal-list 200 first render',
    prepare: () => ({ host: container(), client: createMemoryClient(seed) }),
    measure: async ({ host, client }) => {
      const list = newList(client);
      host.append(list);
      await settled(list);
    },
    cleanup: ({ host }) => host.remove(),
  }),
  benchCase({
    // Mid-word, as most keystrokes are: "par" to "park".
    name: 'proposal-list 200 filter',
    prepare: () => loadedList('par'),
    measure: async ({ list }: Loaded) => {
      type(list, 'k');
      await list.updateComplete;
      await settled(list);
    },
    cleanup: ({ host }: Loaded) => host.remove(),
  }),
  benchCase({
    // The first keystroke: every proposal's text is folded for search for the first time, and the page of cards is replaced.
    name: 'proposal-list 200 filter, first keystroke',
    prepare: () => loadedList(''),
    measure: async ({ list }: Loaded) => {
      type(list, 'p');
      await list.updateComplete;
      await settled(list);
    },
    cleanup: ({ host }: Loaded) => host.remove(),
  }),
];
