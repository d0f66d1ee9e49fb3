import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { runConformance } from './support/conformance.js';
import type { CivicProposalCard } from '../src/elements/proposal-card/proposal-card.js';
import { textIn } from '../src/domain/localized-text.js';

const seed = defaultSeed();
const proposal = seed.rounds[0]!.proposals[0]!;

function shadowText(element: Element): string {
  return element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
}

async function cardShows(card: CivicProposalCard, text: string) {
  await waitUntil(() => shadowText(card).includes(text), `the card never showed "${text}"`, { timeout: 3000 });
}

describe('civic-provider', () => {
  // The provider shows nothing of its own: the suite looks at a card it connects.
  runConformance({
    tag: 'civic-provider',
    loads: false,
    done: '[part~="base"]',
    shownBy: { children: `<civic-proposal-card proposal-id="${proposal.id}"></civic-proposal-card>`, select: (provider) => provider.querySelector('civic-proposal-card')! },
  });

  it('hands its client to the elements inside it', async () => {
    const client = createMemoryClient(seed);
    const page = await fixture(html`
      <civic-provider .client=${client}>
        <section><civic-proposal-card proposal-id=${proposal.id}></civic-proposal-card></section>
      </civic-provider>
    `);
    const card = page.querySelector('civic-proposal-card')!;
    await cardShows(card, textIn(proposal.title, 'en'));
    expect(shadowText(card)).to.include('£48,000');
    await expect(page).to.be.accessible();
  });

  it('builds the in-browser backend from api="memory:"', async () => {
    const page = await fixture(html`
      <civic-provider api="memory:"><civic-proposal-card proposal-id=${proposal.id}></civic-proposal-card></civic-provider>
    `);
    await cardShows(page.querySelector('civic-proposal-card')!, textIn(proposal.title, 'en'));
  });

  it('lets an inner provider override what it sets and inherit the rest', async () => {
    const page = await fixture(html`
      <civic-provider .client=${createMemoryClient(seed)} locale="en-GB">
        <civic-proposal-card id="outer" proposal-id=${proposal.id}></civic-proposal-card>
        <civic-provider locale="de-DE">
          <civic-proposal-card id="inner" proposal-id=${proposal.id}></civic-proposal-card>
        </civic-provider>
      </civic-provider>
    `);
    const outer = page.querySelector<CivicProposalCard>('#outer')!;
    const inner = page.querySelector<CivicProposalCard>('#inner')!;
    await cardShows(outer, '£48,000');
    // The inner card got the outer backend, and formats money the German way.
    await cardShows(inner, '48.000 £');
  });

  it('reaches elements added after it, and follows a change of client', async () => {
    const first = createMemoryClient(seed);
    const renamed = structuredClone(seed);
    renamed.rounds[0]!.proposals[0]!.title = 'A renamed pocket park';
    const provider = await fixture<HTMLElement & { client?: CivicClient }>(html`<civic-provider .client=${first}></civic-provider>`);
    const card = document.createElement('civic-proposal-card');
    card.proposalId = proposal.id;
    provider.append(card);
    await cardShows(card, textIn(proposal.title, 'en'));
    provider.client = createMemoryClient(renamed);
    await cardShows(card, 'A renamed pocket park');
  });
});

describe('an element on its own', () => {
  it('works outside a provider with its own api attribute', async () => {
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card api="memory:" proposal-id=${proposal.id}></civic-proposal-card>`);
    await cardShows(card, textIn(proposal.title, 'en'));
    await expect(card).to.be.accessible();
  });

  it('explains what is missing instead of showing a blank box when it has no backend', async () => {
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card proposal-id="anything"></civic-proposal-card>`);
    const note = card.shadowRoot!.querySelector('[part="missing"]');
    expect(note, 'a visible note').to.exist;
    expect(note!.textContent).to.include('api attribute');
    expect(note!.textContent).to.include('civic-provider');
    expect((note as HTMLElement).offsetHeight).to.be.greaterThan(0);
    await expect(card).to.be.accessible();
  });

  it('says which attribute is missing when it has a backend but no proposal-id', async () => {
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card api="memory:"></civic-proposal-card>`);
    expect(card.shadowRoot!.querySelector('[part="missing"]')!.textContent).to.include('proposal-id');
  });

  it('prefers its own client to the provider around it', async () => {
    const own = structuredClone(seed);
    own.rounds[0]!.proposals[0]!.title = 'Only in the element’s own backend';
    const page = await fixture(html`
      <civic-provider .client=${createMemoryClient(seed)}>
        <civic-proposal-card .client=${createMemoryClient(own)} proposal-id=${proposal.id}></civic-proposal-card>
      </civic-provider>
    `);
    await cardShows(page.querySelector('civic-proposal-card')!, 'Only in the element’s own backend');
  });
});

describe('loading and failure', () => {
  it('tells screen readers it is loading, then shows the proposal', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const memory = createMemoryClient(seed);
    const slow: CivicClient = { ...memory, getProposal: async (id, options) => (await gate, memory.getProposal(id, options)) };
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${slow} proposal-id=${proposal.id}></civic-proposal-card>`);
    const status = card.shadowRoot!.querySelector('[role="status"]');
    expect(status?.textContent).to.include('Loading proposal');
    await expect(card).to.be.accessible();
    release();
    await cardShows(card, textIn(proposal.title, 'en'));
  });

  it('shows a clear error with a retry that works, and fires civic-error out of the shadow roots', async () => {
    let fail = true;
    const memory = createMemoryClient(seed);
    const flaky: CivicClient = {
      ...memory,
      getProposal: (id, options) => (fail ? Promise.reject(new CivicError('network', 'offline')) : memory.getProposal(id, options)),
    };
    const errorEvent = oneEvent(document, 'civic-error');
    const host = await fixture(html`<div></div>`);
    // The card lives inside another component's shadow root: the event must still reach document.
    const shadow = host.attachShadow({ mode: 'open' });
    const card = document.createElement('civic-proposal-card');
    card.client = flaky;
    card.proposalId = proposal.id;
    shadow.append(card);
    const event = await errorEvent;
    expect(event.detail).to.be.instanceOf(CivicError);
    expect(event.detail.code).to.equal('network');
    expect(event.composed && event.bubbles).to.equal(true);
    await waitUntil(() => card.shadowRoot!.querySelector('[role="alert"]'));
    expect(shadowText(card)).to.include('We could not reach the server');
    await expect(card).to.be.accessible();
    fail = false;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await cardShows(card, textIn(proposal.title, 'en'));
  });

  it('says a proposal could not be found', async () => {
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card api="memory:" proposal-id="no-such-proposal"></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('[role="alert"]'));
    expect(shadowText(card)).to.include('could not find');
  });
});
