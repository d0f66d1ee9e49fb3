import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/results/results.js';
import { createMemoryClient } from '../src/memory/index.js';
import { failingClient, silentClient } from './support/clients.js';
import { BIG_ROUND_ID, fullResultsClient, resultsSeed } from './support/results-data.js';

const meta: Meta = {
  title: 'Elements/Results',
  component: 'civic-results',
  tags: ['autodocs'],
  render: (args) => html`<civic-results
    round=${ifDefined(args.round || undefined)}
    rule=${ifDefined(args.rule || undefined)}
    pabulib-href=${ifDefined(args['pabulib-href'] || undefined)}
    heading-level=${args['heading-level']}
  ></civic-results>`,
  args: { round: 'fernwick-2025', 'heading-level': 2 },
  // A stand-in backend answering the full results (why each proposal was or was not funded, how many
  // of each voter's choices were): the in-browser one leaves those out until its tally explains itself.
  parameters: { client: fullResultsClient() },
};
export default meta;

type Story = StoryObj;

/** Fernwick's 2025 round, decided by equal shares: the bus seats (6 votes) are funded, the crossing (9) is not. */
export const EqualShares: Story = {};

/** The same round by most votes first, which the round also allows residents to see. */
export const MostVotesFirst: Story = { args: { rule: 'greedy' } };

/** Every "Why?" opened, as a resident checking the outcome would. */
export const WhyOpened: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('civic-results')!;
    await customElements.whenDefined('civic-results');
    for (let tries = 0; tries < 50 && !element.shadowRoot?.querySelector('[part~="why-button"]'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="why-button"]').forEach((button) => button.click());
  },
};

/** With the round's pabulib file, where the council publishes it. */
export const WithPabulibDownload: Story = { args: { 'pabulib-href': 'https://fernwick.example/open-data/fernwick-2025.pb' } };

/** A borough-wide round of 199 proposals, with threshold and no-vote explanations. */
export const LargeRound: Story = { args: { round: BIG_ROUND_ID } };

/** From a backend that sends no explanations, ballot count or funded choices (before the contract had them). */
export const OlderBackend: Story = { parameters: { client: createMemoryClient() } };

/** Voting is still open and the round does not publish live results: it says when it will. */
export const NotPublishedYet: Story = { args: { round: 'fernwick-2026' } };

function liveClient() {
  const seed = resultsSeed();
  seed.rounds[0]!.round.results = { rules: ['greedy', 'equal-shares'], live: true };
  seed.rounds[0]!.ballots = [
    ['ash-pocket-park', 'bp-play', 'cw-towpath'], ['bp-play', 'bp-lighting'], ['sj-playground', 'sj-hall', 'ash-fridge'],
    ['el-crossing', 'ash-pocket-park'], ['bp-play', 'cw-youth', 'sj-playground'], ['ash-street-trees', 'el-orchard', 'cw-planters'],
  ];
  return createMemoryClient(seed);
}

/** An open round that shows its results as the votes come in. */
export const LiveWhileOpen: Story = { args: { round: 'fernwick-2026' }, parameters: { client: liveClient() } };

function emptyClient() {
  const seed = resultsSeed();
  seed.rounds[1]!.ballots = [];
  return createMemoryClient(seed);
}

/** A closed round nobody voted in. */
export const NobodyVoted: Story = { parameters: { client: emptyClient() } };

/** Right to left, as the page's `dir` sets it: the charts grow from the right. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NoSuchRound: Story = { args: { round: 'no-such-round' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

export const MissingRound: Story = { args: { round: '' } };
