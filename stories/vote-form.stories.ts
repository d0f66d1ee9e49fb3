import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import type { BallotRules, Round, VoterIdentity } from '../src/domain/types.js';
import type { CivicVoteForm } from '../src/elements/vote-form/vote-form.js';
import { createMemoryClient, defaultSeed, type MemorySeed } from '../src/memory/index.js';
import { DEMO_VOTER_TOKENS } from '../src/memory/seed/ballots.js';
import '../src/elements/vote-form/vote-form.js';
import { failingClient, silentClient } from './support/clients.js';

const meta: Meta = {
  title: 'Elements/Vote form',
  component: 'civic-vote-form',
  tags: ['autodocs'],
  render: (args) => html`<civic-vote-form
    round=${args.round}
    results-url=${ifDefined(args['results-url'] || undefined)}
    receipt-check-url=${ifDefined(args['receipt-check-url'] || undefined)}
    voter-token=${ifDefined(args['voter-token'] || undefined)}
    heading-level=${args['heading-level']}
    ?no-leave-warning=${args['no-leave-warning']}
    ?kiosk=${args.kiosk}
    kiosk-idle=${ifDefined(args['kiosk-idle'] || undefined)}
    kiosk-receipt=${ifDefined(args['kiosk-receipt'] || undefined)}
  ></civic-vote-form>`,
  args: { round: 'fernwick-2026', 'heading-level': 2, 'no-leave-warning': true },
};
export default meta;

type Story = StoryObj;

/** A knapsack ballot: up to five proposals within £250,000, with a filter by ward. */
export const Knapsack: Story = {};

/** Youth Fund: 10 points to share, at most 5 on one proposal. */
export const CumulativePoints: Story = { args: { round: 'fernwick-youth-2026' } };

/** Canal Wharf: choose three, then put them in order with buttons, Alt+Arrow keys or dragging. */
export const Ranked: Story = { args: { round: 'canal-wharf-priorities' } };

/** Elmhurst Green pavilion: one choice, as a radio group. */
export const ChooseOne: Story = { args: { round: 'elmhurst-pavilion' } };

/** St Jude's Hall: yes, no or abstain on each of three questions. */
export const YesNoWithAbstain: Story = { args: { round: 'st-judes-hall' } };

/** Ashcombe estate: the voting code from the letter comes first (try ASH-4821-KT). */
export const VotingCode: Story = { args: { round: 'ashcombe-estate-2026' } };

/** Brindle Park residents: the association's site signs its member in with a voter token. */
export const SignedInWithToken: Story = { args: { round: 'brindle-residents-2026', 'voter-token': DEMO_VOTER_TOKENS[0] } };

/** The same round without a token: the resident is asked to sign in first. */
export const SignInNeeded: Story = { args: { round: 'brindle-residents-2026' } };

/** Not open yet: says when voting opens, in the resident's time zone. */
export const Upcoming: Story = { args: { round: 'green-streets-2027' } };

/** Closed, with a link to the results. */
export const Closed: Story = { args: { round: 'fernwick-2025', 'results-url': '/results/fernwick-2025' } };

/** The round's title one level deeper, for a page whose outline needs it. */
export const HeadingLevel3: Story = { args: { 'heading-level': 3 } };

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

const form = (canvas: HTMLElement) => canvas.querySelector('civic-vote-form') as CivicVoteForm;

/** Waits until the form's shadow root has `selector`, then returns it. */
async function shown(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = form(canvas)?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) {
      await form(canvas).updateComplete;
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The vote form never showed ${selector}`);
}

/** Chooses the first `count` proposals, checks the vote and submits it. */
async function vote(canvas: HTMLElement, count: number, submit = true) {
  const boxes = [...(await shown(canvas, '[part~="ballot"]')).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  boxes.slice(0, count).forEach((box) => box.click());
  await form(canvas).updateComplete;
  (await shown(canvas, '[part~="continue-button"]')).click();
  if (submit) (await shown(canvas, '[part~="submit-button"]')).click();
}

/** Check your vote: every choice with its cost and the total, each with a way to change it. */
export const Review: Story = {
  play: async ({ canvasElement }) => {
    await vote(canvasElement, 3, false);
    await shown(canvasElement, '[part~="review"]');
  },
};

/** The receipt, with its number to copy or print, after a vote is received. */
export const Receipt: Story = {
  args: { 'receipt-check-url': 'https://fernwick.example/check-my-vote' },
  play: async ({ canvasElement }) => {
    await vote(canvasElement, 2);
    await shown(canvasElement, '[part~="receipt"]');
  },
};

/** A blocked submit: GOV.UK's error summary, focused, linking to each problem. */
export const ErrorSummary: Story = {
  args: { round: 'ashcombe-estate-2026' },
  play: async ({ canvasElement }) => {
    const input = (await shown(canvasElement, '#code')) as HTMLInputElement;
    input.value = 'ASH-4821-KT';
    (await shown(canvasElement, '[part~="continue-button"]')).click();
    await vote(canvasElement, 1, false);
    await shown(canvasElement, '[part~="error-summary"]');
  },
};

/** A backend whose ballots answer as `refuse` says; everything else is the demo. */
function refusing(refuse: () => Promise<never>): CivicClient {
  const real = createMemoryClient();
  return { ...real, submitBallot: refuse };
}

/** The server says this voter has voted: a state, not an error. */
export const AlreadyVoted: Story = {
  parameters: { client: refusing(() => Promise.reject(new CivicError('conflict', 'Story: already voted', { status: 409 }))) },
  play: async ({ canvasElement }) => {
    await vote(canvasElement, 1);
    await shown(canvasElement, '[part~="notice"]');
  },
};

/** No connection when the resident submits: the vote is saved on the device, to be sent later. */
export const SavedOffline: Story = {
  args: { round: 'story-offline' },
  parameters: {
    // Its own round, so that no other story's backend can ever receive this queued ballot.
    client: (() => {
      const seed = defaultSeed();
      const round = { ...seed.rounds[0]!, round: { ...seed.rounds[0]!.round, id: 'story-offline' } };
      round.proposals = round.proposals.map((p) => ({ ...p, id: `offline-${p.id}`, roundId: 'story-offline' }));
      const real = createMemoryClient({ ...seed, rounds: [round] });
      return { ...real, submitBallot: () => Promise.reject(new CivicError('network', 'Story: offline')) } satisfies CivicClient;
    })(),
  },
  play: async ({ canvasElement }) => {
    await vote(canvasElement, 1);
    await shown(canvasElement, '[part~="notice"]');
  },
};

/** A kiosk in the library: the receipt says when the screen clears for the next person, with "Finish". */
export const KioskReceipt: Story = {
  args: { kiosk: true, 'kiosk-receipt': 600 },
  play: async ({ canvasElement }) => {
    await vote(canvasElement, 2);
    await shown(canvasElement, '[part~="kiosk-notice"]');
  },
};

/** A kiosk left alone: "Are you still there?" before it forgets the choices (after 5 of its 10 idle seconds here). */
export const KioskStillThere: Story = {
  args: { kiosk: true, 'kiosk-idle': 10 },
  play: async ({ canvasElement }) => {
    const boxes = [...(await shown(canvasElement, '[part~="ballot"]')).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    boxes[0]!.click();
    for (let i = 0; i < 100 && !form(canvasElement).shadowRoot!.querySelector('[part~="kiosk-warning"]'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await shown(canvasElement, '[part~="kiosk-warning"]');
  },
};

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const RoundNotFound: Story = { args: { round: 'no-such-round' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

const PROPOSALS = defaultSeed().rounds[0]!.proposals;
const playgrounds = new Map<string, CivicClient>();

interface RulesArgs {
  kind: BallotRules['kind'];
  minLength: number;
  maxLength: number;
  minSumCostPounds: number;
  maxSumCostPounds: number;
  minPoints: number;
  maxPoints: number;
  maxSumPoints: number;
  allowAbstain: boolean;
  proposals: number;
  voterIdentity: VoterIdentity;
}

function rulesOf(args: RulesArgs): BallotRules {
  const positive = (value: number) => (value > 0 ? value : undefined);
  switch (args.kind) {
    case 'approval':
      return {
        kind: 'approval',
        minLength: positive(args.minLength),
        maxLength: positive(args.maxLength),
        minSumCost: positive(args.minSumCostPounds * 100),
        maxSumCost: positive(args.maxSumCostPounds * 100),
      };
    case 'cumulative':
      return { kind: 'cumulative', minLength: positive(args.minLength), maxLength: positive(args.maxLength), minPoints: positive(args.minPoints), maxPoints: positive(args.maxPoints), maxSumPoints: Math.max(1, args.maxSumPoints) };
    case 'ordinal':
      return { kind: 'ordinal', minLength: positive(args.minLength), maxLength: positive(args.maxLength) };
    case 'choose-1':
      return { kind: 'choose-1' };
    case 'yes-no':
      return { kind: 'yes-no', allowAbstain: args.allowAbstain };
  }
}

/** A backend with one round under the rules the controls set, kept while they stay the same. */
function playgroundClient(args: RulesArgs): CivicClient {
  const key = JSON.stringify(args);
  let client = playgrounds.get(key);
  if (!client) {
    const round: Round = {
      id: 'playground',
      title: 'Fernwick Neighbourhood Fund: rules playground',
      description: 'Change the rules in the controls below to see how the ballot follows them.',
      budget: 25_000_000,
      currency: 'GBP',
      opensAt: null,
      closesAt: null,
      status: 'open',
      rules: rulesOf(args),
      voterIdentity: args.voterIdentity,
    };
    const proposals = PROPOSALS.slice(0, Math.max(1, args.proposals)).map((p) => ({ ...p, id: `pg-${p.id}`, roundId: round.id }));
    const seed: MemorySeed = { rounds: [{ round, proposals, votingCodes: ['ASH-4821-KT'] }], simulations: [], forms: [] };
    client = createMemoryClient(seed);
    playgrounds.set(key, client);
  }
  return client;
}

/** Every rule a round can set, as controls: the ballot, its figures and its checks follow them. */
export const RulesPlayground: StoryObj<RulesArgs> = {
  parameters: { provider: false },
  argTypes: {
    kind: { control: 'select', options: ['approval', 'cumulative', 'ordinal', 'choose-1', 'yes-no'] },
    minLength: { control: { type: 'number', min: 0 }, description: 'Least proposals to choose (0: no limit)' },
    maxLength: { control: { type: 'number', min: 0 }, description: 'Most proposals to choose (0: no limit)' },
    minSumCostPounds: { control: { type: 'number', min: 0, step: 1000 }, description: 'Approval: least to spend, in pounds (0: none)' },
    maxSumCostPounds: { control: { type: 'number', min: 0, step: 1000 }, description: 'Approval: the budget, in pounds (0: none)' },
    minPoints: { control: { type: 'number', min: 0 }, description: 'Cumulative: least points on a chosen proposal' },
    maxPoints: { control: { type: 'number', min: 0 }, description: 'Cumulative: most points on one proposal' },
    maxSumPoints: { control: { type: 'number', min: 1 }, description: 'Cumulative: points to share' },
    allowAbstain: { control: 'boolean', description: 'Yes/no: whether abstaining is allowed' },
    proposals: { control: { type: 'range', min: 1, max: 20 }, description: 'How many proposals the round has' },
    voterIdentity: { control: 'select', options: ['open', 'code', 'token'], description: 'How the voter is known (code: ASH-4821-KT)' },
  },
  args: {
    kind: 'approval',
    minLength: 0,
    maxLength: 5,
    minSumCostPounds: 0,
    maxSumCostPounds: 250_000,
    minPoints: 0,
    maxPoints: 5,
    maxSumPoints: 10,
    allowAbstain: true,
    proposals: 12,
    voterIdentity: 'open',
  },
  render: (args) =>
    html`<civic-vote-form
      round="playground"
      no-leave-warning
      voter-token=${ifDefined(args.voterIdentity === 'token' ? 'playground-resident' : undefined)}
      .client=${playgroundClient(args)}
    ></civic-vote-form>`,
};
