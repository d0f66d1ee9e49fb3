import '../../src/elements/paper-entry/paper-entry.js';
import type { CivicPaperEntry } from '../../src/elements/paper-entry/paper-entry.js';
import { createMemoryClient, defaultSeed } from '../../src/memory/index.js';
import { benchCase, container } from './harness.js';

// A clerk's round trip late in a batch: one ballot keyed (read, checked by the rules, kept) and the
// batch's tally of 300 ballots brought back, against the in-browser backend so the figure is the
// element's and the shared domain code's own work.
const ROUND = 'fernwick-2026';

async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (;;) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

let next = 1000;

export const paperEntryBenchmarks = [
  benchCase({
    name: 'paper-entry key 1 ballot, batch of 300',
    prepare: async () => {
      const client = createMemoryClient(defaultSeed());
      const ids = defaultSeed().rounds.find((entry) => entry.round.id === ROUND)!.proposals.map((proposal) => proposal.id);
      for (let number = 1; number <= 300; number++) {
        await client.enterPaperBallot!({ roundId: ROUND, number: String(number), batch: 'B1', clerk: 'Ann', selections: [ids[number % ids.length]!] });
      }
      const host = container();
      const element = document.createElement('civic-paper-entry') as CivicPaperEntry;
      element.client = client;
      element.round = ROUND;
      host.append(element);
      const root = element.shadowRoot!;
      const start = await until(() => root.querySelector<HTMLFormElement>('[part~="start"]'));
      (start.elements.namedItem('clerk') as HTMLInputElement).value = 'Bob';
      (start.elements.namedItem('batch') as HTMLInputElement).value = 'B1';
      start.requestSubmit();
      await until(() => root.querySelector('[part~="tally"]'));
      return { host, root };
    },
    measure: async ({ root }) => {
      const number = String(next++);
      (root.getElementById('number') as HTMLInputElement).value = number;
      (root.getElementById('keys') as HTMLInputElement).value = '1 3';
      root.querySelector<HTMLFormElement>('[part~="entry"] form')!.requestSubmit();
      await until(() => root.querySelector('[part~="outcome"]')!.textContent!.includes(`Ballot ${number} entered.`) && root.activeElement?.id === 'number');
    },
    cleanup: ({ host }) => host.remove(),
  }),
];
