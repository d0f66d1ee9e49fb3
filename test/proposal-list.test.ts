import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/proposal-list/proposal-list.js';
import '../src/elements/provider/provider.js';
import type { CivicClient } from '../src/client/client.js';
import { VISITOR_SEED_KEY } from '../src/core/visitor-seed.js';
import { orderSeed } from '../src/domain/proposal-query/index.js';
import type { Proposal, ProposalQuery } from '../src/domain/types.js';
import type { CivicProposalList } from '../src/elements/proposal-list/proposal-list.js';
import { ANNOUNCE_AFTER_MS } from '../src/elements/proposal-list/announcer.js';
import { createRestClient } from '../src/client/rest/index.js';
import { createMemoryClient, defaultSeed, type MemorySeed } from '../src/memory/index.js';
import type { ReceivedRequest, ScriptedResponse } from './node/support/scripted-http.mjs';
import { runConformance } from './support/conformance.js';
import { textIn } from '../src/domain/localized-text.js';

const seed = defaultSeed();
const ROUND = 'fernwick-2026';
const seeded = seed.rounds[0]!.proposals;

function part(list: CivicProposalList, name: string): HTMLElement | null {
  return list.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function cards(list: CivicProposalList): HTMLElement[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('civic-proposal-card')];
}

function titles(list: CivicProposalList): string[] {
  return cards(list).map((card) => (card as HTMLElement & { proposal: Proposal }).proposal.title as string);
}

function ids(list: CivicProposalList): string[] {
  return cards(list).map((card) => (card as HTMLElement & { proposal: Proposal }).proposal.id);
}

/** Resolves once the list shows the results of what it was last asked. */
async function settled(list: CivicProposalList): Promise<void> {
  // A change a test just made renders first (and starts loading), then the answer.
  await list.updateComplete;
  await waitUntil(
    () => list.shadowRoot!.querySelector('.results[aria-busy="false"]') || part(list, 'error'),
    'the list never settled',
    { timeout: 4000 },
  );
  await list.updateComplete;
  await Promise.all(cards(list).map((card) => (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
}

/** A backend that records every query it is asked. */
function recording(client: CivicClient): { client: CivicClient; queries: ProposalQuery[] } {
  const queries: ProposalQuery[] = [];
  return { client: { ...client, listProposals: (id, query, options) => (queries.push({ ...query }), client.listProposals(id, query, options)) }, queries };
}

async function listOf(client: CivicClient, attributes: Record<string, string> = {}): Promise<CivicProposalList> {
  const list = document.createElement('civic-proposal-list');
  list.setAttribute('round', ROUND);
  for (const [name, value] of Object.entries(attributes)) list.setAttribute(name, value);
  list.client = client;
  await fixture(html`<div style="inline-size: 960px">${list}</div>`);
  await settled(list);
  return list;
}

/** Types as a resident does: focus the search box, then real key presses. */
async function typeSearch(list: CivicProposalList, text: string): Promise<void> {
  const input = part(list, 'search') as HTMLInputElement;
  input.focus();
  await sendKeys({ type: text });
  await settled(list);
}

async function choose(list: CivicProposalList, name: 'area-select' | 'category-select' | 'sort-select', value: string): Promise<void> {
  const select = part(list, name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(list);
}

function oneRoundSeed(proposals: Proposal[]): MemorySeed {
  return { rounds: [{ round: { ...seed.rounds[0]!.round }, proposals: proposals.map((p) => ({ ...p, roundId: ROUND })) }], simulations: [], forms: [] };
}

describe('civic-proposal-list', () => {
  runConformance({ tag: 'civic-proposal-list', attributes: { round: ROUND }, done: '[part~="list"]' });

  beforeEach(() => localStorage.removeItem(VISITOR_SEED_KEY));

  it('shows the round’s proposals as cards, one page at a time, saying how many there are', async () => {
    const list = await listOf(createMemoryClient(seed));
    expect(cards(list)).to.have.length(12);
    expect(part(list, 'count')!.textContent!.trim()).to.equal('20 proposals. Page 1 of 2');
    expect(part(list, 'list')!.getAttribute('role')).to.equal('list');
    // The round's currency, given to each card so that no card asks the backend again.
    expect(cards(list)[0]!.getAttribute('currency')).to.equal('GBP');
    await expect(list).to.be.accessible();
  });

  it('shows the round of the provider it sits in, when it names none', async () => {
    const wrapper = await fixture(html`<civic-provider .client=${createMemoryClient(seed)} round=${ROUND}><civic-proposal-list></civic-proposal-list></civic-provider>`);
    const list = wrapper.querySelector('civic-proposal-list')!;
    await settled(list);
    expect(cards(list)).to.have.length(12);
  });

  it('renders only the page it shows, however many proposals the round has', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...seeded[i % seeded.length]!, id: `p${i}` }));
    const list = await listOf(createMemoryClient(oneRoundSeed(many)));
    expect(cards(list)).to.have.length(12);
    expect(part(list, 'count')!.textContent).to.contain('200 proposals');
  });

  it('filters by the round’s areas and categories', async () => {
    const list = await listOf(createMemoryClient(seed));
    const areas = [...(part(list, 'area-select') as HTMLSelectElement).options].map((option) => option.textContent);
    expect(areas).to.deep.equal(['All areas', ...seed.rounds[0]!.round.areas!]);
    await choose(list, 'area-select', 'Canal Wharf');
    expect(ids(list).sort()).to.deep.equal(seeded.filter((p) => p.area === 'Canal Wharf').map((p) => p.id).sort());
    expect(part(list, 'count')!.textContent!.trim()).to.equal('4 proposals match');
    await choose(list, 'category-select', 'Play');
    expect(ids(list)).to.deep.equal(['cw-youth']);
    expect(part(list, 'count')!.textContent!.trim()).to.equal('1 proposal matches');
    await expect(list).to.be.accessible();
  });

  it('finds proposals whatever the case and accents: "laka" finds "Łąka", "cafe" finds "café"', async () => {
    const base = seeded[0]!;
    const proposals = [
      { ...base, id: 'laka', title: 'Łąka kwietna przy szkole', summary: 'Kwiaty dla pszczół.' },
      { ...base, id: 'cafe', title: 'Repair café tools', summary: 'Monthly sessions.' },
      { ...base, id: 'other', title: 'Benches', summary: 'Somewhere to sit.' },
    ];
    const list = await listOf(createMemoryClient(oneRoundSeed(proposals)));
    await typeSearch(list, 'laka');
    expect(ids(list)).to.deep.equal(['laka']);
    (part(list, 'search') as HTMLInputElement).select();
    await typeSearch(list, 'CAFE');
    expect(ids(list)).to.deep.equal(['cafe']);
  });

  it('sorts by cost both ways, by title and by supporters', async () => {
    const list = await listOf(createMemoryClient(seed), { 'page-size': '100' });
    const byCost = [...seeded].sort((a, b) => a.cost - b.cost || textIn(a.title, 'en').localeCompare(textIn(b.title, 'en')));
    await choose(list, 'sort-select', 'cost-asc');
    expect(titles(list)).to.deep.equal(byCost.map((p) => p.title));
    await choose(list, 'sort-select', 'cost-desc');
    expect(titles(list)[0]).to.equal('New play equipment for Brindle Rec');
    await choose(list, 'sort-select', 'title');
    expect(titles(list)).to.deep.equal([...titles(list)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    await choose(list, 'sort-select', 'supporters');
    expect(titles(list)[0]).to.equal('New play equipment for Brindle Rec');
    // The note about the fair order goes with it.
    expect(part(list, 'sort-hint')).to.equal(null);
  });

  it('keeps one resident’s random order across pages and visits, and gives another resident another', async () => {
    const backend = createMemoryClient(seed);
    const allPages = async (list: CivicProposalList) => {
      const seen = ids(list);
      (list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement).click();
      await settled(list);
      return [...seen, ...ids(list)];
    };
    const first = await allPages(await listOf(backend));
    expect(new Set(first).size, 'no proposal twice, none left out').to.equal(seeded.length);
    expect(part(await listOf(backend), 'sort-hint')!.textContent).to.contain('random order');
    const afterReload = await allPages(await listOf(createMemoryClient(seed)));
    expect(afterReload, 'the same order on a new visit, from another backend instance').to.deep.equal(first);
    localStorage.removeItem(VISITOR_SEED_KEY);
    const anotherResident = await allPages(await listOf(backend));
    expect(anotherResident).to.not.deep.equal(first);
    expect([...anotherResident].sort()).to.deep.equal([...first].sort());
  });

  it('sends the backend a seed made from the resident’s own value and the round, the same on every page', async () => {
    const { client, queries } = recording(createMemoryClient(seed));
    const list = await listOf(client);
    (list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement).click();
    await settled(list);
    const expected = orderSeed(localStorage.getItem(VISITOR_SEED_KEY)!, ROUND);
    expect(queries.map((query) => [query.sort, query.seed, query.page])).to.deep.equal([
      ['random', expected, 1],
      ['random', expected, 2],
    ]);
  });

  it('announces how many proposals match once the resident pauses, not on every keystroke', async () => {
    const list = await listOf(createMemoryClient(seed, { latencyMs: 20 }));
    const region = part(list, 'announcement')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said: string[] = [];
    new MutationObserver(() => region.textContent!.trim() && said.push(region.textContent!.trim())).observe(region, { subtree: true, childList: true, characterData: true });
    const parks = seeded.filter((p) => `${p.title} ${p.summary}`.toLowerCase().includes('park')).length;
    await typeSearch(list, 'park');
    expect(said, 'nothing while typing').to.deep.equal([]);
    expect(part(list, 'count')!.textContent!.trim(), 'the visible count follows at once').to.equal(`${parks} proposals match`);
    await waitUntil(() => said.length > 0, 'never announced', { timeout: ANNOUNCE_AFTER_MS * 3 });
    await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_AFTER_MS / 2));
    expect(said).to.deep.equal([`${parks} proposals match`]);
    expect(getComputedStyle(region).position, 'heard, not seen: the count shows already').to.equal('absolute');
  });

  it('says when nothing matches, and "clear the filters" brings every proposal back with focus on the count', async () => {
    const list = await listOf(createMemoryClient(seed));
    await choose(list, 'area-select', 'Elmhurst');
    await typeSearch(list, 'zzzz');
    expect(cards(list)).to.have.length(0);
    expect(part(list, 'empty')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('No proposals match: clear the filters');
    await expect(list).to.be.accessible();
    const clear = part(list, 'clear-button') as HTMLButtonElement;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await settled(list);
    expect(cards(list)).to.have.length(12);
    expect((part(list, 'search') as HTMLInputElement).value).to.equal('');
    expect((part(list, 'area-select') as HTMLSelectElement).value).to.equal('');
    expect(list.shadowRoot!.activeElement).to.equal(part(list, 'count'));
  });

  it('says so when a round has no proposals yet', async () => {
    const list = await listOf(createMemoryClient(oneRoundSeed([])));
    expect(part(list, 'empty')!.textContent!.trim()).to.equal('There are no proposals in this round yet.');
    expect(part(list, 'clear-button')).to.equal(null);
  });

  it('moves between pages with the keyboard, marking the current page and putting focus on the count', async () => {
    const list = await listOf(createMemoryClient(seed), { 'page-size': '5' });
    const pageOne = ids(list);
    const next = list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await settled(list);
    expect(part(list, 'count')!.textContent!.trim()).to.equal('20 proposals. Page 2 of 4');
    expect(list.shadowRoot!.activeElement).to.equal(part(list, 'count'));
    await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_AFTER_MS * 1.5));
    expect(part(list, 'announcement')!.textContent!.trim(), 'read where focus is, not announced twice').to.equal('');
    expect(ids(list)).to.have.length(5);
    expect(ids(list).some((id) => pageOne.includes(id))).to.equal(false);
    const current = list.shadowRoot!.querySelector('[aria-current="page"]')!;
    expect(current.getAttribute('aria-label')).to.equal('Page 2');
    const pageFour = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pagination__page')].find((b) => b.textContent!.trim() === '4')!;
    pageFour.click();
    await settled(list);
    expect(list.shadowRoot!.querySelector('.pagination__next')).to.equal(null);
    expect(list.shadowRoot!.querySelector('.pagination__previous')).to.exist;
    await expect(list).to.be.accessible();
  });

  it('keeps the filters when loading results fails, and tries again when asked', async () => {
    const backend = createMemoryClient(seed);
    let failing = false;
    const client: CivicClient = {
      ...backend,
      listProposals: (...args) => (failing ? Promise.reject(Object.assign(new Error('offline'), { name: 'CivicError', code: 'network' })) : backend.listProposals(...args)),
    };
    const list = await listOf(client);
    failing = true;
    const heard = oneEvent(list, 'civic-error');
    await choose(list, 'area-select', 'Ashcombe');
    expect((await heard).detail.code).to.equal('network');
    expect(part(list, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(list, 'filters'), 'the filters stay').to.exist;
    await expect(list).to.be.accessible();
    failing = false;
    (part(list, 'retry-button') as HTMLButtonElement).click();
    await settled(list);
    expect(ids(list).sort()).to.deep.equal(seeded.filter((p) => p.area === 'Ashcombe').map((p) => p.id).sort());
  });

  it('goes to the last page when the page it is given is past the end', async () => {
    const list = await listOf(createMemoryClient(seed), { page: '9' });
    await waitUntil(() => list.page === 2, 'stayed on page 9', { timeout: 3000 });
    await settled(list);
    expect(cards(list)).to.have.length(8);
  });

  it('shows the host’s actions in each card, made once per proposal, keeping focus while results change', async () => {
    const made: string[] = [];
    const chosen: string[] = [];
    const list = document.createElement('civic-proposal-list');
    list.setAttribute('round', ROUND);
    list.client = createMemoryClient(seed);
    list.renderActions = (proposal) => {
      made.push(proposal.id);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = `Add ${proposal.title} to my vote`;
      button.addEventListener('click', () => chosen.push(proposal.id));
      return button;
    };
    await fixture(html`<div style="inline-size: 960px">${list}</div>`);
    await settled(list);
    expect(made).to.have.length(12);
    const firstCard = cards(list)[0]!;
    const button = firstCard.querySelector('button')!;
    expect(button.parentElement!.assignedSlot?.name, 'in the card’s actions slot').to.equal('actions');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal([(firstCard as HTMLElement & { proposal: Proposal }).proposal.id]);
    // A search that keeps this proposal: the same button, still focused, not made again.
    list.search = ' ';
    await settled(list);
    expect(cards(list)[0]!.querySelector('button')).to.equal(button);
    expect(list.shadowRoot!.activeElement).to.equal(button);
    expect(made).to.have.length(12);
    await expect(list).to.be.accessible();
  });

  it('fires civic-proposal-select when a resident opens a proposal, and lets the host keep the page where it is', async () => {
    const linked = seeded.map((p, i) => (i === 0 ? { ...p, url: 'https://fernwick.example/ideas/1' } : p));
    const list = await listOf(createMemoryClient(oneRoundSeed(linked)), { 'page-size': '100', selectable: '' });
    const card = cards(list).find((c) => (c as HTMLElement & { proposal: Proposal }).proposal.id === linked[0]!.id)!;
    const link = card.shadowRoot!.querySelector('[part~="title"] a') as HTMLAnchorElement;
    const before = location.href;
    list.addEventListener('civic-proposal-select', (event) => event.preventDefault(), { once: true });
    const heard = oneEvent(document, 'civic-proposal-select');
    link.focus();
    await sendKeys({ press: 'Enter' });
    const event = (await heard) as CustomEvent<{ proposal: Proposal }>;
    expect(event.detail.proposal.id).to.equal(linked[0]!.id);
    expect(event.target, 'heard outside as coming from the list').to.equal(list);
    expect(location.href, 'the host kept the page').to.equal(before);
    // Without a link of its own, a title is a button when the list is selectable.
    const other = cards(list).find((c) => (c as HTMLElement & { proposal: Proposal }).proposal.id === linked[1]!.id)!;
    const button = other.shadowRoot!.querySelector('[part~="title"] button') as HTMLButtonElement;
    const again = oneEvent(list, 'civic-proposal-select');
    button.focus();
    await sendKeys({ press: 'Space' });
    expect(((await again) as CustomEvent<{ proposal: Proposal }>).detail.proposal.id).to.equal(linked[1]!.id);
  });

  it('lays out right to left on a right-to-left page: labels, pages and counts start on the right', async () => {
    const wrapper = await fixture(html`<div dir="rtl" style="inline-size: 960px"><civic-proposal-list round=${ROUND} .client=${createMemoryClient(seed)}></civic-proposal-list></div>`);
    const list = wrapper.firstElementChild as CivicProposalList;
    await settled(list);
    const count = part(list, 'count')!;
    expect(getComputedStyle(count).direction).to.equal('rtl');
    const next = list.shadowRoot!.querySelector('.pagination__next')!.getBoundingClientRect();
    const pageOne = list.shadowRoot!.querySelector('.pagination__page')!.getBoundingClientRect();
    expect(next.right, 'Next is on the left').to.be.below(pageOne.left);
    const search = part(list, 'search')!.getBoundingClientRect();
    const sort = part(list, 'sort-select')!.getBoundingClientRect();
    expect(search.right).to.be.closeTo(list.getBoundingClientRect().right, 1);
    expect(sort.left).to.be.closeTo(list.getBoundingClientRect().left, 1);
    await expect(wrapper).to.be.accessible();
  });

  it('stacks its filters and cards in one column in a phone-wide space, with nothing spilling over', async () => {
    const list = document.createElement('civic-proposal-list');
    list.setAttribute('round', ROUND);
    list.client = createMemoryClient(seed);
    await fixture(html`<div style="inline-size: 320px">${list}</div>`);
    await settled(list);
    const lefts = new Set([part(list, 'search'), part(list, 'area-select'), part(list, 'category-select'), part(list, 'sort-select')].map((el) => Math.round(el!.getBoundingClientRect().left)));
    expect(lefts.size).to.equal(1);
    const base = part(list, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    const first = cards(list)[0]!.getBoundingClientRect();
    expect(first.width).to.be.closeTo(320, 1);
  });

  describe('in the page’s URL', () => {
    let start: string;
    beforeEach(() => (start = location.href));
    afterEach(() => history.replaceState(history.state, '', start));

    const param = (name: string) => new URL(location.href).searchParams.get(name);
    const back = async (list: CivicProposalList) => {
      const popped = oneEvent(window, 'popstate');
      history.back();
      await popped;
      await settled(list);
    };

    it('without sync-url, never touches the page’s address or history', async () => {
      const entries = history.length;
      const list = await listOf(createMemoryClient(seed), { 'page-size': '2' });
      await choose(list, 'area-select', 'Ashcombe');
      await typeSearch(list, 'a');
      (list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement).click();
      await settled(list);
      expect(location.href).to.equal(start);
      expect(history.length).to.equal(entries);
    });

    it('keeps the filters, sort and page in the query string, and the back button brings each back', async () => {
      const list = await listOf(createMemoryClient(seed), { 'sync-url': '', 'page-size': '2' });
      expect(location.href, 'an untouched list adds nothing').to.equal(start);
      await choose(list, 'area-select', 'Ashcombe');
      await choose(list, 'sort-select', 'cost-desc');
      const firstPage = ids(list);
      (list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement).click();
      await settled(list);
      expect([param('area'), param('sort'), param('page')]).to.deep.equal(['Ashcombe', 'cost-desc', '2']);
      expect(param('wtr-session-id'), 'the page’s own parameters stay').to.equal(new URL(start).searchParams.get('wtr-session-id'));

      await back(list);
      expect(param('page')).to.equal(null);
      expect(ids(list)).to.deep.equal(firstPage);
      await back(list);
      expect((part(list, 'sort-select') as HTMLSelectElement).value).to.equal('random');
      await back(list);
      expect((part(list, 'area-select') as HTMLSelectElement).value).to.equal('');
      expect(part(list, 'count')!.textContent).to.contain('20 proposals');
      expect(location.href).to.equal(start);
    });

    it('adds one history entry for a search, not one per letter', async () => {
      // Earlier tests went back: an entry of our own drops the entries ahead, so the count is exact.
      history.pushState(history.state, '', location.href);
      const list = await listOf(createMemoryClient(seed), { 'sync-url': '' });
      const entries = history.length;
      await typeSearch(list, 'trees');
      expect(param('q')).to.equal('trees');
      expect(history.length).to.equal(entries + 1);
    });

    it('opens a shared link as it was shared', async () => {
      const shared = new URL(start);
      for (const [name, value] of Object.entries({ q: 'trees', area: 'Ashcombe', sort: 'title', page: '1' })) shared.searchParams.set(name, value);
      history.replaceState(history.state, '', shared.href);
      const list = await listOf(createMemoryClient(seed), { 'sync-url': '' });
      expect((part(list, 'search') as HTMLInputElement).value).to.equal('trees');
      expect((part(list, 'area-select') as HTMLSelectElement).value).to.equal('Ashcombe');
      expect((part(list, 'sort-select') as HTMLSelectElement).value).to.equal('title');
      expect(ids(list)).to.deep.equal(['ash-street-trees']);
    });

    it('puts a prefix before its parameter names, so two lists or the page’s own "page" do not clash', async () => {
      const shared = new URL(start);
      shared.searchParams.set('page', '7');
      history.replaceState(history.state, '', shared.href);
      const list = await listOf(createMemoryClient(seed), { 'sync-url': 'ideas-' });
      expect(part(list, 'count')!.textContent, 'the page’s own "page" is not the list’s').to.contain('Page 1 of 2');
      await choose(list, 'category-select', 'Play');
      expect([param('ideas-category'), param('page')]).to.deep.equal(['Play', '7']);
    });
  });

  it('gives the same results through the REST backend, over HTTP, as through the in-browser one', async () => {
    // The steps a resident takes; each waits for the list to settle, so requests come one at a time.
    const steps: Array<(list: CivicProposalList) => Promise<void>> = [
      async () => {},
      async (list) => {
        (list.shadowRoot!.querySelector('.pagination__next') as HTMLButtonElement).click();
        await settled(list);
      },
      async (list) => {
        const input = part(list, 'search') as HTMLInputElement;
        input.value = 'PARK';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await settled(list);
      },
      (list) => choose(list, 'sort-select', 'cost-asc'),
      (list) => choose(list, 'area-select', 'Brindle Park'),
      (list) => choose(list, 'category-select', 'Play'),
      (list) => choose(list, 'sort-select', 'random'),
    ];
    const walk = async (client: CivicClient) => {
      const list = await listOf(client, { 'page-size': '5' });
      const seen: string[][] = [];
      for (const step of steps) {
        await step(list);
        seen.push([(part(list, 'count') ?? part(list, 'empty'))!.textContent!.replace(/\s+/g, ' ').trim(), ...cards(list).map((card) => card.shadowRoot!.querySelector('[part~="base"]')!.textContent!.replace(/\s+/g, ' ').trim())]);
      }
      return seen;
    };

    const memory = createMemoryClient(seed);
    const { client: recorded, queries } = recording(memory);
    const inBrowser = await walk(recorded);

    // The HTTP server answers each request with what the in-browser backend answered the same query.
    const id = `list-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const script = async (name: string, responses: ScriptedResponse[]) => {
      const answer = await fetch(`/test-api/__script/${name}`, { method: 'POST', body: JSON.stringify(responses) });
      expect(answer.ok).to.equal(true);
    };
    await script(`${id}-round`, [{ json: await memory.getRound(ROUND) }]);
    await script(`${id}-list`, await Promise.all(queries.map(async (query) => ({ json: await memory.listProposals(ROUND, query) }))));
    const rest = createRestClient({
      baseUrl: '/test-api',
      retries: 0,
      paths: { getRound: `/${id}-round/rounds/:id`, listProposals: `/${id}-list/rounds/:id/proposals` },
    });
    const overHttp = await walk(rest);
    expect(overHttp).to.deep.equal(inBrowser);

    // And the server was asked exactly what the in-browser backend was: the random order's seed included.
    const asked: ReceivedRequest[] = await (await fetch(`/test-api/__received/${id}-list`)).json();
    const asQuery = (request: ReceivedRequest) =>
      Object.fromEntries([...new URLSearchParams(request.query)].map(([name, value]) => [name, ['page', 'pageSize', 'seed'].includes(name) ? Number(value) : value]));
    expect(asked.map(asQuery)).to.deep.equal(queries.map((query) => JSON.parse(JSON.stringify(query))));
    expect(queries.filter((query) => query.sort === 'random').every((query) => typeof query.seed === 'number')).to.equal(true);
  });
});
