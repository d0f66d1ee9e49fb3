import type { CivicClient } from '../../src/client/client.js';
import type { Round } from '../../src/domain/types.js';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { benchCase, container } from './harness.js';
import { messyProposals } from './data.js';

// The ballot as partners embed it most: a knapsack round of 200 proposals with real messy texts.
const proposals = messyProposals(defaultSeed().rounds[0]!.proposals, 200);
const round: Round = {
  id: 'bench-200',
  title: 'Neighbourhood fund with 200 proposals',
  description: 'Choose what fits in £2,500,000.',
  budget: 250_000_000,
  currency: 'GBP',
  opensAt: null,
  closesAt: null,
  status: 'open',
  rules: { kind: 'approval', maxSumCost: 250_000_000 },
  voterIdentity: 'open',
};

/** A backend that answers at once from memory, so the figures are the form's own work. */
const instantClient = {
  getRound: async () => round,
  listProposals: async (_id: string, query: { page?: number; pageSize?: number } = {}) => {
    const size = query.pageSize ?? 100;
    const page = query.page ?? 1;
    return { items: proposals.slice((page - 1) * size, page * size), total: proposals.length, page, pageSize: size };
  },
} as unknown as CivicClient;

/** Yields to the event loop without a timer's clamping, so the client's answers can arrive. */
const yieldTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });

async function rendered(form: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  while (form.shadowRoot?.querySelectorAll('[part~="proposal"]').length !== proposals.length) await yieldTask();
  await form.updateComplete;
}

function voteForm(): HTMLElement & { updateComplete: Promise<boolean> } {
  const form = document.createElement('civic-vote-form');
  form.client = instantClient;
  form.round = round.id;
  form.noLeaveWarning = true;
  return form;
}

function forgetDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('civic-widgets:draft:')) localStorage.removeItem(key);
}

export const voteFormBenchmarks = [
  benchCase({
    name: 'vote-form 200 first render',
    prepare: () => ({ host: container() }),
    measure: async ({ host }) => {
      const form = voteForm();
      host.append(form);
      await rendered(form);
    },
    cleanup: ({ host }) => {
      host.remove();
      forgetDrafts();
    },
  }),
  benchCase({
    name: 'vote-form 200 toggle',
    prepare: async () => {
      const host = container();
      const form = voteForm();
      host.append(form);
      await rendered(form);
      const box = form.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      return { host, form, box };
    },
    // One click: the selection, the meter, every row's fit marker and the counters painted.
    measure: async ({ form, box }) => {
      box.click();
      await form.updateComplete;
    },
    cleanup: ({ host }) => {
      host.remove();
      forgetDrafts();
    },
  }),
];

