import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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

const withoutUrl = (): Proposal => ({ ...pictured, url: null });

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

  describe('its full description', () => {
    const described: Proposal = { ...pictured, descriptionFormat: 'text', description: 'First paragraph.\n\nSecond paragraph, with <script>window.cardPwned = 1</script> shown as text.' };
    const hostileHtml =
      '<h2>Plan</h2><p onclick="window.cardPwned=1">Safe <strong>bold</strong> and <em>emphasis</em>, <abbr title="Transport for London">TfL</abbr>.</p>' +
      '<ul><li>one</li><li>two</li></ul>' +
      '<p><a href="https://fernwick.example/plan" target="_blank" onmouseover="window.cardPwned=1">the plan</a> ' +
      '<a href="javascript:window.cardPwned=1">a trap</a></p>' +
      '<img src="x" onerror="window.cardPwned=1"><style>p{display:none}</style><form action="/steal"><input name="card"></form>' +
      '<script>window.cardPwned=1</script><iframe src="/"></iframe><svg><circle r="5"></circle></svg><p style="color:red">styled</p>';

    afterEach(() => delete (window as { cardPwned?: number }).cardPwned);

    it('opens with "Read more" and folds with "Read less", keeping focus on the button', async () => {
      const card = await cardFor(described);
      const button = part(card, 'read-more') as HTMLButtonElement;
      const region = part(card, 'description')!;
      expect(button.textContent!.trim()).to.equal('Read more');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(region.id);
      expect(region.hidden).to.equal(true);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await card.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Read less');
      expect(region.hidden).to.equal(false);
      expect(region.textContent).to.contain('Second paragraph');
      expect(card.shadowRoot!.activeElement, 'focus stays on the same button').to.equal(button);
      await expect(card).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await card.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(region.hidden).to.equal(true);
      expect(card.shadowRoot!.activeElement).to.equal(button);
    });

    it('shows a plain description as text, its line breaks as paragraphs and markup as characters', async () => {
      const card = await cardFor(described);
      (part(card, 'read-more') as HTMLButtonElement).click();
      await card.updateComplete;
      const region = part(card, 'description')!;
      expect(region.querySelector('script')).to.equal(null);
      expect(region.textContent).to.contain('<script>window.cardPwned = 1</script>');
      expect(getComputedStyle(region).whiteSpace).to.equal('pre-line');
      expect((window as { cardPwned?: number }).cardPwned).to.equal(undefined);
    });

    it('sanitises an HTML description: text, lists and safe links stay; images, styles, forms, scripts and handlers go', async () => {
      const card = await cardFor({ ...pictured, description: hostileHtml, descriptionFormat: 'html' });
      (part(card, 'read-more') as HTMLButtonElement).click();
      const region = part(card, 'description')!;
      await waitUntil(() => region.querySelector('ul'), 'the description never showed', { timeout: 4000 });
      expect([...region.querySelectorAll('*')].map((el) => el.localName).sort()).to.deep.equal(
        ['a', 'a', 'abbr', 'em', 'li', 'li', 'p', 'p', 'p', 'p', 'p', 'strong', 'ul'],
      );
      const [safe, trap] = [...region.querySelectorAll('a')];
      expect(safe!.getAttribute('href')).to.equal('https://fernwick.example/plan');
      expect(safe!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(safe!.hasAttribute('target')).to.equal(false);
      expect(trap!.hasAttribute('href'), 'a javascript: link loses its address').to.equal(false);
      const attributes = [...region.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
      expect(attributes.filter((name) => !['href', 'rel', 'title'].includes(name))).to.deep.equal([]);
      expect(region.textContent, 'headings keep their words, as a paragraph').to.contain('Plan');
      expect(region.textContent).to.contain('styled');
      expect(region.textContent).not.to.contain('cardPwned');
      region.querySelector('p')!.click();
      safe!.dispatchEvent(new MouseEvent('mouseover'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((window as { cardPwned?: number }).cardPwned).to.equal(undefined);
      await expect(card).to.be.accessible();
    });

    it('shows no "Read more" for a proposal without a description', async () => {
      const card = await cardFor({ ...pictured, description: '  ' });
      expect(part(card, 'read-more')).to.equal(null);
    });

    it('folds the description again when given another proposal', async () => {
      const card = await cardFor(described);
      (part(card, 'read-more') as HTMLButtonElement).click();
      await card.updateComplete;
      card.proposal = { ...described, id: 'another', description: 'Another text.' };
      await card.updateComplete;
      expect(part(card, 'read-more')!.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('with real messy texts, from 280px to 1200px wide', () => {
    // Real names from city rounds, and 60-letter words as Hungarian and Polish compounds run to.
    const hungarian = 'Megszentségteleníthetetlenségeskedéseitekértközösségfejlesztés';
    const polish = 'Konstantynopolitańczykowianeczkówprzeciwdziałaniubezdomnościpsów';
    const widths = [280, 320, 480, 640, 800, 1200];
    let messy: string[] = [];
    before(async () => {
      const texts: Array<{ text: string }> = await (await fetch('/test/fixtures/texts/pabulib_messy_project_texts.json')).json();
      messy = texts.map((entry) => entry.text);
    });

    /** Every element of the card that sticks out of it, sideways. */
    function overflowing(card: CivicProposalCard): string[] {
      const base = part(card, 'base')!;
      const box = base.getBoundingClientRect();
      const out: string[] = [];
      if (base.scrollWidth > base.clientWidth + 1) out.push(`the card scrolls (${base.scrollWidth} > ${base.clientWidth})`);
      for (const element of base.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.width && (rect.left < box.left - 1 || rect.right > box.right + 1)) out.push(`${element.localName}.${element.className}: ${Math.round(rect.left)}–${Math.round(rect.right)} outside ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
      return out;
    }

    for (const dir of ['ltr', 'rtl']) {
      it(`never overflows the card and wraps long words (${dir})`, async () => {
        const proposals = messy.map((text, i) => ({
          ...pictured,
          id: `m${i}`,
          title: i % 2 ? text : `${text} ${hungarian}`,
          summary: `${messy[(i + 1) % messy.length]} ${polish}`,
          area: messy[(i + 2) % messy.length]!,
          categories: [messy[(i + 3) % messy.length]!, hungarian],
          cost: 121_934_100 + i,
          supporters: 1_234_567,
          description: `${polish} ${text}`,
          imageUrl: i % 3 ? pictured.imageUrl : null,
        }));
        const wrapper = await fixture<HTMLElement>(html`<div dir=${dir}></div>`);
        for (const width of widths) {
          wrapper.style.inlineSize = `${width}px`;
          for (const proposal of proposals) {
            const card = document.createElement('civic-proposal-card');
            card.proposal = proposal;
            card.currency = 'PLN';
            wrapper.replaceChildren(card);
            await card.updateComplete;
            (part(card, 'read-more') as HTMLButtonElement).click();
            await card.updateComplete;
            expect(overflowing(card), `${width}px, "${proposal.title.slice(0, 40)}"`).to.deep.equal([]);
          }
        }
      });
    }

    it('lays the details out beside their labels when there is room, above them when narrow', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 280px"><civic-proposal-card .proposal=${pictured}></civic-proposal-card></div>`);
      const card = wrapper.firstElementChild as CivicProposalCard;
      await card.updateComplete;
      const label = () => part(card, 'details')!.querySelector('dt')!.getBoundingClientRect();
      const value = () => part(card, 'cost')!.getBoundingClientRect();
      expect(value().top, 'narrow: the cost under its label').to.be.at.least(label().bottom - 1);
      wrapper.style.inlineSize = '600px';
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(value().left, 'wide: the cost beside its label').to.be.at.least(label().right);
    });
  });

  it('fires a cancelable civic-proposal-select when its title is opened, leaving modified clicks to the browser', async () => {
    const card = await cardFor({ ...pictured, url: 'https://fernwick.example/ideas/1' });
    const link = part(card, 'title')!.querySelector('a')!;
    const heard = oneEvent(card, 'civic-proposal-select');
    card.addEventListener('civic-proposal-select', (event) => event.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
    link.dispatchEvent(click);
    expect(((await heard) as CustomEvent).detail.proposal.id).to.equal(pictured.id);
    expect(click.defaultPrevented, 'the host kept the page').to.equal(true);
    let fired = false;
    card.addEventListener('civic-proposal-select', () => (fired = true));
    const newTab = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, ctrlKey: true });
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.dispatchEvent(newTab);
    expect(fired, 'a ctrl-click opens a new tab and is not a selection').to.equal(false);
    const plain = await cardFor(withoutUrl());
    expect(part(plain, 'title')!.querySelector('button'), 'no button unless selectable').to.equal(null);
    plain.selectable = true;
    await plain.updateComplete;
    expect(part(plain, 'title')!.querySelector('button')).to.exist;
    await expect(plain).to.be.accessible();
  });
});
