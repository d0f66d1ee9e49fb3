import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { Proposal } from '../src/domain/types.js';
import { defaultSeed } from '../src/memory/index.js';
import '../src/elements/proposal-card/proposal-card.js';
import { failingClient, silentClient } from './support/clients.js';
import { messyTitles } from './support/messy-texts.js';

const proposals = defaultSeed().rounds[0]!.proposals;
const withImage = proposals.find((p) => p.imageUrl)!;
const withoutImage = proposals.find((p) => !p.imageUrl)!;

const meta: Meta = {
  title: 'Elements/Proposal card',
  component: 'civic-proposal-card',
  tags: ['autodocs'],
  render: (args) => html`<civic-proposal-card
    proposal-id=${args['proposal-id']}
    currency=${ifDefined(args.currency || undefined)}
    heading-level=${args['heading-level']}
  ></civic-proposal-card>`,
  args: { 'proposal-id': withImage.id, 'heading-level': 2 },
};
export default meta;

type Story = StoryObj;

/** Loaded by id from the backend the provider gives it. */
export const Default: Story = {};

export const WithoutImage: Story = { args: { 'proposal-id': withoutImage.id } };

/** Given the proposal directly with `.proposal`: no backend needed. */
export const GivenDirectly: Story = {
  parameters: { provider: false },
  render: () => html`<civic-proposal-card .proposal=${withImage} currency="GBP"></civic-proposal-card>`,
};

const statuses: Proposal['status'][] = ['proposed', 'shortlisted', 'funded', 'not-funded', 'withdrawn', 'delivered'];

/** Every status a proposal can have. */
export const Statuses: Story = {
  parameters: { provider: false },
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px">
    ${statuses.map((status) => html`<civic-proposal-card .proposal=${{ ...withoutImage, status }}></civic-proposal-card>`)}
  </div>`,
};

/** Buttons in the `actions` slot, as a ballot would add them. */
export const WithActions: Story = {
  render: (args) => html`<civic-proposal-card proposal-id=${args['proposal-id']}>
    <button slot="actions" type="button">Add to my vote</button>
  </civic-proposal-card>`,
};

/** Real titles from city rounds: long, with emoji, in Cyrillic, with a leading zero-width space. */
export const MessyRealText: Story = {
  parameters: { provider: false },
  render: () => html`<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px">
    ${Object.values(messyTitles).map(
      (title) => html`<civic-proposal-card .proposal=${{ ...withoutImage, title, area: 'Łostowice – Świętokrzyska' }} currency="PLN"></civic-proposal-card>`,
    )}
  </div>`,
};

/** A full description in HTML from a council's CMS, sanitised when a resident opens it with "Read more" (opened here). */
export const HtmlDescription: Story = {
  args: { 'proposal-id': 'ash-pocket-park' },
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('civic-proposal-card')!;
    await waitFor(() => expect(card.shadowRoot?.querySelector('[part~="read-more"]')).toBeTruthy());
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="read-more"]')!.click();
    await waitFor(() => expect(card.shadowRoot!.querySelector('[part~="description"] li')).toBeTruthy());
  },
};

/** A plain-text description: its line breaks are its paragraphs. */
export const PlainDescription: Story = { args: { 'proposal-id': 'bp-play' } };

/** Right to left, as the page's `dir` sets it. */
export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Loading: Story = { parameters: { client: silentClient() } };

export const NetworkError: Story = { parameters: { client: failingClient('network') } };

export const NotFound: Story = { args: { 'proposal-id': 'no-such-proposal' } };

/** On a page that gave it neither `api` nor a provider. */
export const NotSetUp: Story = { parameters: { provider: false } };

export const MissingProposalId: Story = {
  render: () => html`<civic-proposal-card></civic-proposal-card>`,
};
