import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Proposal } from '../src/domain/types.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import '../src/elements/proposal-list/proposal-list.js';
import { messyProposals } from '../bench/browser/data.js';
import { failingClient, silentClient } from './support/clients.js';

const demo = defaultSeed();
const round = demo.rounds[0]!;

/** A round of `proposals`, served by its own in-browser backend. */
function roundOf(proposals: Proposal[]) {
  return createMemoryClient({ rounds: [{ round: round.round, proposals }], simulations: [], forms: [] });
}

const meta: Meta = {
  title: 'Elements/Proposal list',
  component: 'civic-proposal-list',
  tags: ['autodocs'],
  render: (args) => html`<civic-proposal-list
    round=${args.round}
    page-size=${ifDefined(args['page-size'])}
    search=${ifDefined(args.search)}
    area=${ifDefined(args.area)}
    sort=${ifDefined(args.sort)}
    heading-level=${ifDefined(args['heading-level'])}
  ></civic-proposal-list>`,
  args: { round: round.round.id },
};
export default meta;

type Story = StoryObj;

/** Fernwick's open round: every proposal in the fair random order, twelve to a page. */
export const Default: Story = {};

/** A partner page showing the ideas of its own ward, cheapest first. */
export const OneWardByCost: Story = { args: { area: 'Canal Wharf', sort: 'cost-asc' } };

/** A search as a resident types it, without accents. */
export const Searched: Story = { args: { search: 'cafe' } };

/** Nothing matches: one click clears the filters. */
export const NoMatches: Story = { args: { search: 'skatepark' } };

/** A round with no proposals yet. */
export const EmptyRound: Story = { parameters: { client: roundOf([]) } };

/** 200 proposals, one in four with a real city's messy title; only the page shown is rendered. */
export const TwoHundredProposals: Story = { parameters: { client: roundOf(messyProposals(round.proposals, 200)) } };

/** Real texts from city rounds: long compound names, emoji, Cyrillic, no-break spaces, HTML entities left in. */
export const LongRealTexts: Story = {
  parameters: {
    client: roundOf(
      messyProposals(round.proposals, 24).map((proposal, i) => ({
        ...proposal,
        title: i % 2 ? proposal.title : `${proposal.title} Megszentségteleníthetetlenségeskedéseitekért`,
        area: 'Łostowice – Świętokrzyska',
      })),
    ),
  },
};

/** Cards without pictures. */
export const NoImages: Story = { parameters: { client: roundOf(round.proposals.map((proposal) => ({ ...proposal, imageUrl: null, imageAlt: null }))) } };

/** Proposals with full descriptions, some in HTML from a council's CMS: open one with "Read more". */
export const WithDescriptions: Story = { args: { sort: 'title', search: 'park' } };

/** The host's own buttons in each card, from `renderActions`. */
export const WithActions: Story = {
  render: (args) => html`<civic-proposal-list
    round=${args.round}
    .renderActions=${(proposal: Proposal) => html`<button type="button" class="button" @click=${() => console.info('chosen', proposal.id)}>Add to my vote</button>`}
  ></civic-proposal-list>`,
};

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

/** A partner's theme, set with `--civic-*` properties only. */
export const PartnerTheme: Story = { globals: { theme: 'partner' } };

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const RoundNotFound: Story = { args: { round: 'no-such-round' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

export const MissingRound: Story = { render: () => html`<civic-proposal-list></civic-proposal-list>` };
