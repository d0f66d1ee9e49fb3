import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/paper-entry/paper-entry.js';
import { civicClientMethods, type CivicClient } from '../src/client/client.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { failingClient, silentClient } from './support/clients.js';
import { textIn } from '../src/domain/localized-text.js';

const ROUND = 'fernwick-2025';
// Numbered as the paper prints them: by title.
const proposals = defaultSeed().rounds.find((entry) => entry.round.id === ROUND)!.proposals.sort((a, b) => textIn(a.title, 'en').localeCompare(textIn(b.title, 'en'), 'en'));
const cheapest = [...proposals].sort((a, b) => a.cost - b.cost).map((proposal) => proposal.id);

/**
 * Batch B7 of last year's count, half keyed: Ann and Bob agree on three ballots, differ on two, and
 * Ann has keyed two more that Bob has not reached; Ann corrected one of hers.
 */
function countClient(): CivicClient {
  const client = createMemoryClient(defaultSeed());
  const enter = (number: string, clerk: string, selections: string[]) => client.enterPaperBallot!({ roundId: ROUND, number, batch: 'B7', clerk, selections });
  void (async () => {
    for (const [number, ann, bob] of [
      ['1041', [cheapest[0]!], [cheapest[0]!]],
      ['1042', [cheapest[1]!, cheapest[2]!], [cheapest[1]!, cheapest[2]!]],
      ['1043', [cheapest[3]!], [cheapest[3]!]],
      ['1044', [cheapest[0]!, cheapest[1]!], [cheapest[0]!]],
      ['1045', [cheapest[2]!], [cheapest[4]!]],
    ] as const) {
      await enter(number, 'Ann Lee', [...ann]);
      await enter(number, 'Bob Hart', [...bob]);
    }
    await enter('1046', 'Ann Lee', [cheapest[4]!]);
    await enter('1047', 'Ann Lee', [cheapest[1]!]);
    await enter('1047', 'Ann Lee', [cheapest[0]!]);
  })();
  return client;
}

/** A partner's backend that implements only the methods every element needs. */
function partnerClient(): CivicClient {
  const memory = createMemoryClient(defaultSeed());
  return Object.fromEntries(civicClientMethods.map((name) => [name, memory[name]])) as unknown as CivicClient;
}

async function shadowOf(canvas: HTMLElement): Promise<ShadowRoot> {
  const element = canvas.querySelector('civic-paper-entry')!;
  await customElements.whenDefined('civic-paper-entry');
  return element.shadowRoot!;
}

async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Story: the element did not reach the state');
}

/** Signs in as `clerk` on batch B7, then opens `view` (0 keying, 1 mismatches, 2 audit log). */
async function signIn(canvas: HTMLElement, clerk: string, view = 0): Promise<ShadowRoot> {
  const root = await shadowOf(canvas);
  const form = await until(() => root.querySelector<HTMLFormElement>('[part~="start"]'));
  (form.elements.namedItem('clerk') as HTMLInputElement).value = clerk;
  (form.elements.namedItem('batch') as HTMLInputElement).value = 'B7';
  (form.elements.namedItem('token') as HTMLInputElement).value = 'rehearsal';
  form.requestSubmit();
  const views = await until(() => root.querySelector('[part~="views"]'));
  if (view > 0) views.querySelectorAll('button')[view]!.click();
  await until(() => root.querySelector(['[part~="entry"] [part~="tally"]', '[part~="mismatches"]', '[part~="audit"]'][view]!));
  return root;
}

const meta: Meta = {
  title: 'Elements/Paper entry',
  component: 'civic-paper-entry',
  tags: ['autodocs'],
  render: (args) => html`<civic-paper-entry round=${ifDefined(args.round || undefined)} heading-level=${args['heading-level']}></civic-paper-entry>`,
  args: { round: ROUND, 'heading-level': 2 },
  parameters: { client: countClient() },
};
export default meta;

type Story = StoryObj;

/** A clerk starts: their name, the batch and the count's access code. */
export const Start: Story = {};

/** Started without a name or batch: the error summary leads to each field. */
export const StartWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement);
    (await until(() => root.querySelector<HTMLFormElement>('[part~="start"]'))).requestSubmit();
    await until(() => root.querySelector('[part~="error-summary"]'));
  },
};

/** Keying batch B7, with its running tally and the key of proposal numbers. */
export const Keying: Story = {
  parameters: { client: countClient() },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'Bob Hart')),
};

/** A ballot that breaks the round's rules: the vote form's own words say which. */
export const BallotBreaksARule: Story = {
  parameters: { client: countClient() },
  play: async ({ canvasElement }) => {
    const root = await signIn(canvasElement, 'Bob Hart');
    (root.getElementById('number') as HTMLInputElement).value = '1046';
    (root.getElementById('keys') as HTMLInputElement).value = '1 2 3 4 99';
    root.querySelector<HTMLFormElement>('[part~="entry"] form')!.requestSubmit();
    await until(() => root.querySelector('[part~="error-summary"]'));
  },
};

/** Two ballots whose entries differ, side by side, for a third person to settle. */
export const EntriesThatDiffer: Story = {
  parameters: { client: countClient() },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'Cy Okafor', 1)),
};

/** A batch with no entries that differ. */
export const NothingToSettle: Story = {
  parameters: { client: createMemoryClient(defaultSeed()) },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'Cy Okafor', 1)),
};

/** Every entry, correction and settlement, with who and when. */
export const AuditLog: Story = {
  parameters: { client: countClient() },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'Cy Okafor', 2)),
};

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = {
  globals: { direction: 'rtl' },
  parameters: { client: countClient() },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'Cy Okafor', 1)),
};

/** On a partner's backend that has no paper count: it says so. */
export const BackendWithoutPaperCount: Story = { parameters: { client: partnerClient() } };

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NoSuchRound: Story = { args: { round: 'no-such-round' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };
