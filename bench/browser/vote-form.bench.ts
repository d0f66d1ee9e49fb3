import type { CivicClient } from '../../src/client/client.js';
import type { Round } from '../../src/domain/types.js';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { benchCase, container } from './harness.js';
import { messyProposals } from './data.js';

// The ballot as partners embed it most: a knapsack round of 200 proposals with real messy texts.
const proposals = messyProposals(defaultSeed().rounds[0]!.proposals, 200);
const knapsack: Round = {
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

/** The same 200 proposals under another ballot kind's rules. */
const rounds: Record<string, Round> = {
  [knapsack.id]: knapsack,
  'bench-200-points': { ...knapsack, id: 'bench-200-points', rules: { kind: 'cumulative', maxSumPoints: 400, maxPoints: 5 } },
  'bench-200-yes-no': { ...knapsack, id: 'bench-200-yes-no', rules: { kind: 'yes-no', allowAbstain: true } },
  'bench-200-one': { ...knapsack, id: 'bench-200-one', rules: { kind: 'choose-1' } },
};

/** A backend that answers at once from memory, so the figures are the form's own work. */
const instantClient = {
  getRound: async (id: string) => rounds[id]!,
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

function voteForm(round = knapsack): HTMLElement & { updateComplete: Promise<boolean> } {
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
  // A change on the other kinds: one more point, one answer, another single choice.
  ...([
    ['vote-form 200 points', 'bench-200-points', 'button.stepper:last-of-type'],
    ['vote-form 200 yes-no answer', 'bench-200-yes-no', 'input[type="radio"]'],
    ['vote-form 200 choose-one', 'bench-200-one', 'input[type="radio"]'],
  ] as const).map(([name, id, control]) =>
    benchCase({
      name,
      prepare: async () => {
        const host = container();
        const form = voteForm(rounds[id]);
        host.append(form);
        await rendered(form);
        const controls = [...form.shadowRoot!.querySelectorAll<HTMLElement>(control)];
        return { host, form, controls, next: 0 };
      },
      measure: async (state) => {
        state.controls[state.next++ % state.controls.length]!.click();
        await state.form.updateComplete;
      },
      cleanup: ({ host }) => {
        host.remove();
        forgetDrafts();
      },
    }),
  ),
];
