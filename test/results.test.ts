import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/results/results.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import type { CivicResults } from '../src/elements/results/results.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { BIG_ROUND_ID, fullResultsClient, resultsSeed } from '../stories/support/results-data.js';
import { getLocale, registerLocale, useLocale } from '../src/i18n/localize.js';
import { runConformance, untranslatedTexts } from './support/conformance.js';

function part(element: CivicResults, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function parts(element: CivicResults, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function shows(element: CivicResults, name: string) {
  await waitUntil(() => part(element, name), `never showed ${name}; shows "${text(element.shadowRoot!.firstElementChild)}"`, { timeout: 4000 });
}

async function results(client: CivicClient, round = 'fernwick-2025', attributes = '') {
  const element = await fixture<CivicResults>(html`<civic-results .client=${client} round=${round}></civic-results>`);
  for (const [name, value] of attributes ? attributes.split(' ').map((a) => a.split('=')) : []) element.setAttribute(name!, value!);
  await shows(element, 'summary');
  return element;
}

/** The table's body rows as the cells' texts; the result cell without its "Why?" button. */
function tableRows(element: CivicResults, table = 'table'): string[][] {
  return [...part(element, table)!.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => text(cell.querySelector('.tag') ?? cell)),
  );
}

/** Counts each method call of a client, to tell what an element asked of its backend. */
function counting(client: CivicClient) {
  const calls: Array<[string, unknown[]]> = [];
  const counted = Object.fromEntries(
    Object.entries(client).map(([name, method]) => [name, (...args: unknown[]) => (calls.push([name, args]), (method as (...a: unknown[]) => unknown)(...args))]),
  ) as unknown as CivicClient;
  return { client: counted, calls };
}

describe('civic-results', () => {
  runConformance({ tag: 'civic-results', attributes: { round: 'fernwick-2025' }, done: '[part~="summary"]' });

  it('shows the money spent on the funded projects and every project’s votes, cost and result', async () => {
    const element = await results(fullResultsClient());
    expect(text(part(element, 'summary')!.querySelector('.summary__spent'))).to.equal('£91,000 of £120,000 spent on 6 projects.');
    expect(text(part(element, 'summary'))).to.contain('30 ballots counted.');
    expect(text(part(element, 'table')!.querySelector('caption'))).to.equal('Every project with its result, votes, cost and area');
    expect(tableRows(element)).to.deep.equal([
      ['Cycle hangar for Wharf Court', 'Funded', '9', '£5,500', 'Canal Wharf'],
      ['Chairs and tables for Canal Wharf hall', 'Funded', '6', '£7,500', 'Canal Wharf'],
      ['Seats at four bus stops', 'Funded', '6', '£11,000', 'Ashcombe'],
      ['Underpass mural and lighting', 'Funded', '11', '£21,000', 'Elmhurst'],
      ['Larger tree pits on Cotter Lane', 'Funded', '7', '£14,000', 'Brindle Park'],
      ['Sensory garden at Ashcombe school', 'Funded', '13', '£32,000', 'Ashcombe'],
      ['Crossing island on Fern Road', 'Not funded', '9', '£36,000', 'Elmhurst'],
      ["Outdoor gym in St Jude's Park", 'Not funded', '8', '£45,000', "St Jude's"],
    ]);
    const headers = [...part(element, 'table')!.querySelectorAll('th')];
    expect(headers.slice(0, 5).map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    expect(headers[5]!.getAttribute('scope'), 'each row is named by its project').to.equal('row');
    await expect(element).to.be.accessible();
  });

  it('draws the funded projects’ votes in a chart that screen readers skip, with the table’s numbers', async () => {
    const element = await results(fullResultsClient());
    const chart = part(element, 'chart')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    const rows = [...chart.querySelectorAll('.chart__row')];
    expect(rows.map((row) => text(row.querySelector('.chart__label')))).to.deep.equal(tableRows(element).filter((row) => row[1] === 'Funded').map((row) => row[0]));
    expect(text(rows[5]!.querySelector('.chart__value'))).to.equal('13 votes£32,000');
    // Bars are as long as the votes: the garden's 13 is the longest, the chairs' 6 under half of it.
    const width = (row: Element) => row.querySelector('svg')!.getBoundingClientRect().width;
    const track = rows[5]!.querySelector('.chart__track')!.getBoundingClientRect().width;
    expect(width(rows[5]!)).to.be.closeTo(track, 1);
    expect(width(rows[1]!)).to.be.closeTo((track * 6) / 13, 1);
  });

  it('explains each rule and switches between them with the arrow keys, keeping focus', async () => {
    const { client, calls } = counting(fullResultsClient());
    const element = await results(client);
    const radios = [...part(element, 'rules')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => [radio.value, radio.checked])).to.deep.equal([['equal-shares', true], ['greedy', false]]);
    const hints = radios.map((radio) => text(element.shadowRoot!.getElementById(radio.getAttribute('aria-describedby')!)));
    expect(hints).to.deep.equal([
      'The budget is split equally between voters; a project is funded when its supporters can pay for it together. This rule decides the round.',
      'Projects are funded in order of votes while the money lasts.',
    ]);
    expect(text(part(element, 'rules')!.querySelector('legend'))).to.equal('How the votes are counted');
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => text(part(element, 'summary')?.querySelector('.summary__spent') ?? null).startsWith('£116,000'), 'the greedy results never came', { timeout: 4000 });
    expect(element.rule).to.equal('greedy');
    expect(element.shadowRoot!.activeElement, 'focus stays on the rule chosen').to.equal(part(element, 'rules')!.querySelector('input[value="greedy"]'));
    expect(text(part(element, 'summary'))).to.contain('This round is decided by equal shares. These figures show what most votes first would have funded instead.');
    expect(tableRows(element).map((row) => row[1])).to.deep.equal(['Funded', 'Funded', 'Funded', 'Funded', 'Funded', 'Funded', 'Not funded', 'Not funded']);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => text(part(element, 'summary')?.querySelector('.summary__spent') ?? null).startsWith('£91,000'), 'equal shares never came back', { timeout: 4000 });
    expect(calls.filter(([name]) => name === 'getResults').map(([, args]) => (args[1] as { rule: string }).rule)).to.deep.equal(['equal-shares', 'greedy', 'equal-shares']);
    expect(calls.filter(([name]) => name === 'listProposals'), 'the proposals are loaded once').to.have.length(1);
  });

  it('shows the rule a round is counted by, without a switch, when it allows one', async () => {
    const seed = defaultSeed();
    seed.rounds.find(({ round }) => round.id === 'fernwick-2025')!.round.results = { rules: ['greedy'] };
    const element = await results(createMemoryClient(seed));
    // A boolean, not the element: a failing assertion on a DOM node makes the runner serialise the page.
    expect(part(element, 'rules')!.querySelector('input') === null, 'no rule switch').to.equal(true);
    expect(text(part(element, 'rules'))).to.equal('How the votes are counted Most votes first Projects are funded in order of votes while the money lasts.');
  });

  it('says why each project was or was not funded, behind a “Why?” button that works by keyboard', async () => {
    const element = await results(fullResultsClient());
    const buttons = parts(element, 'why-button');
    expect(buttons).to.have.length(8);
    const [first] = buttons;
    expect(text(first!)).to.equal('Why? Cycle hangar for Wharf Court');
    expect(first!.getAttribute('aria-expanded')).to.equal('false');
    const sentence = element.shadowRoot!.getElementById(first!.getAttribute('aria-controls')!)!;
    expect(sentence.hidden).to.equal(true);
    first!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(first!.getAttribute('aria-expanded')).to.equal('true');
    expect(sentence.hidden).to.equal(false);
    expect(text(sentence)).to.equal('Funded: 9 voters shared its £5,500, each paying at most £611.12.');
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(first!.getAttribute('aria-expanded')).to.equal('false');
    expect(sentence.hidden).to.equal(true);

    buttons.forEach((button) => button.click());
    await element.updateComplete;
    const why = () => parts(element, 'why').map(text);
    expect(why()[6]).to.equal('Not funded: it needed £36,000 and its 9 supporters had £32,594.73 left.');
    await expect(element).to.be.accessible();

    // The open ones stay open under the other rule, so the two can be compared.
    element.rule = 'greedy';
    await waitUntil(() => why()[0]?.startsWith('Funded: it was 1st'), `greedy never explained: ${why()[0]}`, { timeout: 4000 });
    expect(why()).to.deep.equal([
      'Funded: it was 1st by votes and £120,000 was still unspent.',
      'Funded: it was 2nd by votes and £88,000 was still unspent.',
      'Funded: it was 3rd by votes and £67,000 was still unspent.',
      'Funded: it was 3rd by votes and £61,500 was still unspent.',
      'Funded: it was 6th by votes and £25,500 was still unspent.',
      'Funded: it was 7th by votes and £11,500 was still unspent.',
      'Not funded: it needed £45,000 but only £25,500 was left when its turn came.',
      'Not funded: it needed £11,000 but only £4,000 was left when its turn came.',
    ]);
  });

  it('says when a project had no votes or too few', async () => {
    const element = await results(fullResultsClient(), BIG_ROUND_ID);
    const sentences = new Set<string>();
    for (const button of parts(element, 'why-button')) button.click();
    await element.updateComplete;
    for (const why of parts(element, 'why')) sentences.add(text(why).replace(/[\d,£]+/g, 'N'));
    expect([...sentences].sort()).to.deep.equal([
      'Funded: it was Nnd by votes and N was still unspent.',
      'Funded: it was Nrd by votes and N was still unspent.',
      'Funded: it was Nst by votes and N was still unspent.',
      'Funded: it was Nth by votes and N was still unspent.',
      'Not funded: a project needed at least N votes; it had N.',
      'Not funded: it needed N but only N was left when its turn came.',
      'Not funded: nobody voted for it.',
    ]);
  });

  it('loads every proposal of a round of 199, a hundred at a time', async () => {
    const { client, calls } = counting(fullResultsClient());
    const element = await results(client, BIG_ROUND_ID);
    expect(tableRows(element)).to.have.length(199);
    expect(calls.filter(([name]) => name === 'listProposals').map(([, args]) => args[1])).to.deep.equal([{ page: 1, pageSize: 100 }, { page: 2, pageSize: 100 }]);
  });

  it('says how many of each voter’s choices were funded, in a chart and a table', async () => {
    const element = await results(fullResultsClient());
    const choices = part(element, 'choices')!;
    expect(text(choices.querySelector('.headline'))).to.equal('90% of voters have at least one project they chose funded.');
    expect(tableRows(element, 'choices-table')).to.deep.equal([
      ['0', '3', '10%'],
      ['1', '10', '33.3%'],
      ['2', '9', '30%'],
      ['3', '8', '26.7%'],
    ]);
    const chart = choices.querySelector('[part~="chart"]')!;
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    expect([...chart.querySelectorAll('.chart__row')].map((row) => text(row))).to.deep.equal([
      '0 of their projects funded 3 voters (10%)',
      '1 of their projects funded 10 voters (33.3%)',
      '2 of their projects funded 9 voters (30%)',
      '3 of their projects funded 8 voters (26.7%)',
    ]);
  });

  it('shows the money each area’s funded projects took', async () => {
    const element = await results(fullResultsClient());
    expect(tableRows(element, 'area-table')).to.deep.equal([
      ['Ashcombe', '2', '£43,000', '47.3%'],
      ['Elmhurst', '1', '£21,000', '23.1%'],
      ['Brindle Park', '1', '£14,000', '15.4%'],
      ['Canal Wharf', '2', '£13,000', '14.3%'],
      ["St Jude's", '0', '£0', '0%'],
    ]);
  });

  it('works with an older backend that sends no explanations, ballot count or funded choices', async () => {
    const seed = defaultSeed();
    seed.rounds.find(({ round }) => round.id === 'fernwick-2025')!.round.results = { rules: ['greedy'] };
    const current = createMemoryClient(seed);
    // A backend written before the contract had the optional fields answers without them.
    const older: CivicClient = {
      ...current,
      getResults: async (roundId, options) => {
        const { ballots: _, fundedChoices: __, equalShares: ___, ...rest } = await current.getResults(roundId, options);
        return { ...rest, proposals: rest.proposals.map(({ explanation: _e, ...proposal }) => proposal) };
      },
    };
    const element = await results(older);
    expect(text(part(element, 'summary')!.querySelector('.summary__spent'))).to.equal('£116,000 of £120,000 spent on 6 projects.');
    expect(text(part(element, 'summary'))).not.to.contain('ballots');
    expect(tableRows(element)).to.have.length(8);
    expect(parts(element, 'why-button'), 'no “Why?” without an answer').to.deep.equal([]);
    expect(part(element, 'choices')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('downloads the table as a CSV file that a spreadsheet opens safely', async () => {
    const seed = resultsSeed();
    seed.rounds[1]!.proposals.find((p) => p.id === 'n25-crossing')!.title = '=HYPERLINK("https://evil.example","Crossing, "island"")';
    const element = await results(fullResultsClient(seed));
    const link = part(element, 'csv-link') as HTMLAnchorElement;
    expect(link.getAttribute('download')).to.equal('fernwick-2025-results-equal-shares.csv');
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    expect(link.href).to.match(/^blob:/);
    const blob = await (await fetch(link.href)).blob();
    expect(blob.type).to.match(/^text\/csv/);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a UTF-8 byte order mark, so Excel reads accents').to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).to.equal('"Project","Result","Votes","Cost (GBP)","Area","Why"');
    expect(lines[1]).to.equal('"Cycle hangar for Wharf Court","Funded","9","5500","Canal Wharf","Funded: 9 voters shared its £5,500, each paying at most £611.12."');
    expect(lines[7]).to.equal(
      `"'=HYPERLINK(""https://evil.example"",""Crossing, ""island"""")","Not funded","9","36000","Elmhurst","Not funded: it needed £36,000 and its 9 supporters had £32,594.73 left."`,
    );
    expect(lines).to.have.length(10);
    expect(lines[9], 'the file ends with a line break').to.equal('');
  });

  it('offers the pabulib file only when the page gives its address, and never a script URL', async () => {
    const element = await results(fullResultsClient());
    expect(part(element, 'pabulib-link')).to.equal(null);
    element.pabulibHref = 'https://fernwick.example/open-data/fernwick-2025.pb';
    await element.updateComplete;
    expect(part(element, 'pabulib-link')!.getAttribute('href')).to.equal('https://fernwick.example/open-data/fernwick-2025.pb');
    expect(part(element, 'pabulib-link')!.hasAttribute('download')).to.equal(true);
    element.pabulibHref = 'javascript:alert(1)';
    await element.updateComplete;
    expect(part(element, 'pabulib-link')).to.equal(null);
  });

  it('says when the results will be published, and asks for none, while voting is open', async () => {
    const { client, calls } = counting(fullResultsClient());
    const element = await fixture<CivicResults>(html`<civic-results .client=${client} round="fernwick-2026"></civic-results>`);
    await shows(element, 'not-published');
    const round = await client.getRound('fernwick-2026');
    const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(round.closesAt!));
    expect(text(part(element, 'not-published'))).to.equal(`The results are not published yet They will be published when voting closes on ${when}.`);
    expect(calls.map(([name]) => name)).not.to.include('getResults');
    await expect(element).to.be.accessible();
  });

  it('shows live results while voting is open when the round publishes them, saying they may change', async () => {
    const seed = resultsSeed();
    seed.rounds[0]!.round.results = { rules: ['greedy'], live: true };
    const client = createMemoryClient(seed);
    const empty = await fixture<CivicResults>(html`<civic-results .client=${client} round="fernwick-2026"></civic-results>`);
    await shows(empty, 'empty');
    expect(text(part(empty, 'empty'))).to.equal('No votes have been counted yet.');
    await expect(empty).to.be.accessible();
    await client.submitBallot({ roundId: 'fernwick-2026', kind: 'approval', selections: ['ash-pocket-park', 'bp-play'] });
    const element = await results(client, 'fernwick-2026');
    expect(text(part(element, 'summary'))).to.contain('Voting is still open, so these results may change.');
  });

  it('says so when nobody voted', async () => {
    const seed = resultsSeed();
    seed.rounds[1]!.ballots = [];
    const element = await fixture<CivicResults>(html`<civic-results .client=${createMemoryClient(seed)} round="fernwick-2025"></civic-results>`);
    await shows(element, 'empty');
    expect(text(part(element, 'empty'))).to.equal('Nobody voted in this round, so no project was funded.');
    await expect(element).to.be.accessible();
  });

  it('keeps the rule switch when the results fail to load, and tries again', async () => {
    const backend = fullResultsClient();
    let fail = true;
    const client = { ...backend, getResults: (...args: Parameters<CivicClient['getResults']>) => (fail ? Promise.reject(new CivicError('network', 'offline')) : backend.getResults(...args)) };
    const heard = oneEvent(document, 'civic-error');
    const element = await fixture<CivicResults>(html`<civic-results .client=${client} round="fernwick-2025"></civic-results>`);
    expect(((await heard) as CustomEvent).detail.code).to.equal('network');
    await shows(element, 'retry-button');
    expect(part(element, 'rules')).to.exist;
    await expect(element).to.be.accessible();
    fail = false;
    part(element, 'retry-button')!.click();
    await shows(element, 'summary');
  });

  it('says the results are not published when the server says so', async () => {
    const backend = fullResultsClient();
    const client = { ...backend, getResults: () => Promise.reject(new CivicError('unauthorized', 'results-not-published', { status: 403 })) };
    const element = await fixture<CivicResults>(html`<civic-results .client=${client} round="fernwick-2025"></civic-results>`);
    await shows(element, 'not-published');
  });

  it('puts its section headings at the level the page asks for', async () => {
    const element = await results(fullResultsClient(), 'fernwick-2025', 'heading-level=3');
    const headings = [...element.shadowRoot!.querySelectorAll('[role="heading"]')];
    expect(headings.map((h) => [text(h), h.getAttribute('aria-level')])).to.deep.equal([
      ['Funded projects', '3'],
      ['Money by area', '3'],
      ['Voters whose choices were funded', '3'],
    ]);
  });

  it('mirrors its charts on a right-to-left page', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><civic-results .client=${fullResultsClient()} round="fernwick-2025"></civic-results></div>`);
    const element = wrapper.querySelector<CivicResults>('civic-results')!;
    await shows(element, 'summary');
    const row = part(element, 'chart')!.querySelector('.chart__row')!;
    const track = row.querySelector('.chart__track')!.getBoundingClientRect();
    const bar = row.querySelector('svg')!.getBoundingClientRect();
    expect(bar.width).to.be.lessThan(track.width);
    expect(bar.right, 'bars grow from the right').to.be.closeTo(track.right, 1);
    const meter = part(element, 'summary')!.querySelector('.meter')!;
    expect(meter.querySelector('svg')!.getBoundingClientRect().right).to.be.closeTo(meter.getBoundingClientRect().right - 1, 1);
    await expect(wrapper).to.be.accessible();
  });

  describe('in the pseudo-locale', () => {
    let before: string;
    beforeEach(async () => {
      before = getLocale();
      registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));
      await useLocale('en-XA');
    });
    afterEach(() => useLocale(before));

    const live = () => {
      const seed = resultsSeed();
      seed.rounds[0]!.round.results = { rules: ['greedy'], live: true };
      seed.rounds[0]!.ballots = [['ash-pocket-park', 'bp-play']];
      return createMemoryClient(seed);
    };
    const nobody = () => {
      const seed = resultsSeed();
      seed.rounds[1]!.ballots = [];
      return createMemoryClient(seed);
    };
    const states: Array<[string, () => CivicClient, string, string]> = [
      ['equal shares, every “Why?” open', fullResultsClient, 'fernwick-2025', 'summary'],
      ['most votes first, every “Why?” open', fullResultsClient, 'fernwick-2025 greedy', 'summary'],
      ['not published', fullResultsClient, 'fernwick-2026', 'not-published'],
      ['live', live, 'fernwick-2026', 'summary'],
      ['nobody voted', nobody, 'fernwick-2025', 'empty'],
    ];
    for (const [state, client, round, shown] of states) {
      it(`leaves no untranslated text: ${state}`, async () => {
        const [id, rule] = round.split(' ');
        const element = await fixture<CivicResults>(html`<civic-results .client=${client()} round=${id!} rule=${rule ?? 'equal-shares'}></civic-results>`);
        await shows(element, shown);
        parts(element, 'why-button').forEach((button) => button.click());
        await element.updateComplete;
        expect(untranslatedTexts(element)).to.deep.equal([]);
      });
    }
  });
});
