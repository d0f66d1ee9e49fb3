import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/proposal-card/proposal-card.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import type { Proposal } from '../src/domain/types.js';
import type { CivicProposalCard } from '../src/elements/proposal-card/proposal-card.js';
import { failingClient } from '../stories/support/clients.js';
import { runConformance } from './support/conformance.js';

const seed = defaultSeed();
const pictured = seed.rounds[0]!.proposals.find((p) => p.imageUrl && p.imageAlt)!;

function part(card: CivicProposalCard, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector(`[part~="${name}"]`);
}

async function cardFor(proposal: Proposal, attributes = '') {
  const card = await fixture<CivicProposalCard>(html`<civic-proposal-card .proposal=${proposal}></civic-proposal-card>`);
  for (const [name, value] of attributes ? attributes.split(' ').map((a) => a.split('=')) : []) card.setAttribute(name!, value!);
  await card.updateComplete;
  return card;
}

describe('civic-proposal-card', () => {
  runConformance({ tag: 'civic-proposal-card', attributes: { 'proposal-id': pictured.id }, done: '[part~="base"]' });

  it('shows the title, status, summary, cost, area, supporters and categories', async () => {
    const card = await cardFor({ ...pictured, supporters: 1234, categories: ['Green spaces', 'Play'] });
    expect(part(card, 'title')!.textContent!.trim()).to.equal(pictured.title);
    expect(part(card, 'status')!.textContent).to.equal('Shortlisted');
    expect(part(card, 'summary')!.textContent).to.equal(pictured.summary);
    expect(part(card, 'cost')!.textContent).to.equal('£48,000');
    const details = [...part(card, 'details')!.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(details).to.deep.equal([['Cost', '£48,000'], ['Area', pictured.area], ['Supporters', '1,234']]);
    expect([...part(card, 'categories')!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Green spaces', 'Play']);
    await expect(card).to.be.accessible();
  });

  it('names the article after its title, at the heading level the page asks for', async () => {
    const card = await cardFor(pictured, 'heading-level=2');
    const article = part(card, 'base')!;
    expect(card.shadowRoot!.getElementById(article.getAttribute('aria-labelledby')!)).to.equal(part(card, 'title'));
    expect(part(card, 'title')!.getAttribute('aria-level')).to.equal('2');
    card.headingLevel = 12;
    await card.updateComplete;
    expect(part(card, 'title')!.getAttribute('aria-level'), 'clamped to a real heading level').to.equal('6');
  });

  it('shows the picture with its description, or as decoration when it has none', async () => {
    const described = await cardFor(pictured);
    expect(part(described, 'image')!.getAttribute('alt')).to.equal(pictured.imageAlt);
    const decorative = await cardFor({ ...pictured, imageAlt: null });
    expect(part(decorative, 'image')!.getAttribute('alt')).to.equal('');
    await expect(decorative).to.be.accessible();
  });

  it('drops a picture that fails to load instead of showing a broken image', async () => {
    const card = await cardFor({ ...pictured, imageUrl: '/no-such-picture.png' });
    await waitUntil(() => !part(card, 'image'), 'the broken picture stayed', { timeout: 3000 });
    expect(part(card, 'title')).to.exist;
  });

  it('links the title to the proposal’s page, but never to a script URL', async () => {
    const linked = await cardFor({ ...pictured, url: 'https://fernwick.example/ideas/1' });
    expect(part(linked, 'title')!.querySelector('a')!.getAttribute('href')).to.equal('https://fernwick.example/ideas/1');
    const mail = await cardFor({ ...pictured, url: 'mailto:ward3@fernwick.gov.uk' });
    expect(part(mail, 'title')!.querySelector('a')!.getAttribute('href'), 'the URL policy the REST schemas share').to.equal('mailto:ward3@fernwick.gov.uk');
    const hostile = await cardFor({ ...pictured, url: 'javascript:alert(1)', imageUrl: 'javascript:alert(2)' });
    expect(part(hostile, 'title')!.querySelector('a'), 'no link').to.equal(null);
    expect(part(hostile, 'image'), 'no image').to.equal(null);
  });

  it('shows text from the backend as text, never as markup', async () => {
    const card = await cardFor({ ...pictured, title: '<img src=x onerror=alert(1)>Benches' });
    expect(part(card, 'title')!.querySelector('img')).to.equal(null);
    expect(part(card, 'title')!.textContent!.trim()).to.equal('<img src=x onerror=alert(1)>Benches');
  });

  it('writes the cost in the currency of the proposal’s round, unless told one', async () => {
    const euros = structuredClone(seed);
    euros.rounds[0]!.round.currency = 'EUR';
    const client = createMemoryClient(euros);
    const fromRound = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${client} proposal-id=${pictured.id}></civic-proposal-card>`);
    await waitUntil(() => part(fromRound, 'cost'), 'never loaded', { timeout: 3000 });
    expect(part(fromRound, 'cost')!.textContent).to.equal('€48,000');
    const told = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${client} proposal-id=${pictured.id} currency="PLN"></civic-proposal-card>`);
    await waitUntil(() => part(told, 'cost'), 'never loaded', { timeout: 3000 });
    expect(part(told, 'cost')!.textContent!.replace(/\s/g, ' ')).to.equal('PLN 48,000');
  });

  it('writes pence only when an amount has them', async () => {
    const card = await cardFor({ ...pictured, cost: 1_234_567 });
    expect(part(card, 'cost')!.textContent).to.equal('£12,345.67');
  });

  it('shows the actions slot only when the page puts something in it', async () => {
    const bare = await cardFor(pictured);
    expect(part(bare, 'actions')!.hidden).to.equal(true);
    const withButton = await fixture<CivicProposalCard>(html`<civic-proposal-card .proposal=${pictured}><button slot="actions">Add to my vote</button></civic-proposal-card>`);
    await withButton.updateComplete;
    expect(part(withButton, 'actions')!.hidden).to.equal(false);
    expect(part(withButton, 'actions')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('reads an English title left to right on a right-to-left page, and keeps the card right to left', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><civic-proposal-card .proposal=${pictured}></civic-proposal-card></div>`);
    const card = wrapper.querySelector<CivicProposalCard>('civic-proposal-card')!;
    await card.updateComplete;
    expect(getComputedStyle(part(card, 'title')!).direction).to.equal('ltr');
    expect(getComputedStyle(part(card, 'summary')!).direction).to.equal('ltr');
    expect(getComputedStyle(part(card, 'details')!).direction).to.equal('rtl');
    // The detail labels sit on the right in right-to-left.
    const label = part(card, 'details')!.querySelector('dt')!.getBoundingClientRect();
    const value = part(card, 'cost')!.getBoundingClientRect();
    expect(label.left).to.be.greaterThan(value.left);
    await expect(wrapper).to.be.accessible();
  });

  it('never breaks an amount across lines, even in a narrow column', async () => {
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card style="inline-size: 240px" .proposal=${{ ...pictured, cost: 121_934_100 }} currency="PLN"></civic-proposal-card>`);
    const cost = part(card, 'cost')!;
    const lineHeight = parseFloat(getComputedStyle(cost).lineHeight);
    expect(cost.getBoundingClientRect().height).to.be.below(lineHeight * 1.5);
  });

  it('given its proposal, writes the cost in the currency of the proposal’s round', async () => {
    const euros = structuredClone(seed);
    euros.rounds[0]!.round.currency = 'EUR';
    const client = createMemoryClient(euros, { latencyMs: 50 });
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${client} .proposal=${{ ...pictured, roundId: euros.rounds[0]!.round.id }}></civic-proposal-card>`);
    expect(part(card, 'cost')!.textContent, 'no amount in the wrong currency while it asks').to.equal('');
    expect(part(card, 'title')!.textContent!.trim(), 'the rest of the card shows at once').to.equal(pictured.title);
    await waitUntil(() => part(card, 'cost')!.textContent === '€48,000', `the cost stayed "${part(card, 'cost')!.textContent}"`, { timeout: 3000 });
    expect(part(card, 'cost')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('given its proposal and a proposal-id, shows the proposal it was given and loads nothing', async () => {
    const asked: string[] = [];
    const client = createMemoryClient(seed);
    const counting = { ...client, getProposal: (id: string, options?: object) => (asked.push(id), client.getProposal(id, options)) };
    const errors: Event[] = [];
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${counting} .proposal=${pictured} currency="GBP" proposal-id="no-such-proposal" @civic-error=${(event: Event) => errors.push(event)}></civic-proposal-card>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await card.updateComplete;
    expect(asked).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(part(card, 'title')!.textContent!.trim()).to.equal(pictured.title);
  });

  it('given its proposal, does not announce an error when its round cannot be asked, and shows pounds', async () => {
    const errors: Event[] = [];
    const card = await fixture<CivicProposalCard>(html`<civic-proposal-card .client=${failingClient('network')} .proposal=${{ ...pictured, roundId: 'r1' }} @civic-error=${(event: Event) => errors.push(event)}></civic-proposal-card>`);
    await waitUntil(() => part(card, 'cost')!.textContent === '£48,000', 'never fell back', { timeout: 3000 });
    expect(errors).to.deep.equal([]);
  });
});
