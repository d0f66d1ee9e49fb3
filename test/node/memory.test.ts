import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CivicError } from '../../src/client/client.js';
import { createMemoryClient, defaultSeed, type MemorySeed } from '../../src/memory/index.js';
import { parsePabulib, toBallots, toProposals, toRound } from '../../src/domain/pabulib/index.js';
import { validateFeedback, validateSimulation } from '../../src/domain/rules/index.js';
import type { Ballot, Proposal, Round } from '../../src/domain/types.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const at = (iso: string) => () => new Date(iso);
const demo = (options = {}) => createMemoryClient(undefined, { now: () => NOW, randomSeed: 7, ...options });

/** Resolves to the CivicError a promise rejects with, failing when it resolves. */
async function civicError(promise: Promise<unknown>): Promise<CivicError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CivicError, `expected a CivicError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

function proposal(id: string, fields: Partial<Proposal> = {}): Proposal {
  return { id, title: id, summary: '', cost: 100_00, categories: [], status: 'shortlisted', ...fields };
}

function round(id: string, fields: Partial<Round> = {}): Round {
  return {
    id,
    title: id,
    description: '',
    budget: 1_000_00,
    currency: 'GBP',
    opensAt: null,
    closesAt: null,
    status: 'open',
    rules: { kind: 'approval', maxLength: 2, maxSumCost: 1_000_00 },
    // Live, so that tests can see ballots counted while the round is open.
    results: { rules: ['greedy'], live: true },
    ...fields,
  };
}

/** A seed with one round of three proposals and no simulation or form. */
function oneRound(fields: Partial<Round> = {}, extra: Partial<MemorySeed['rounds'][number]> = {}): MemorySeed {
  return { rounds: [{ round: round('r', fields), proposals: [proposal('a'), proposal('b'), proposal('c')], ...extra }], simulations: [], forms: [] };
}

const approve = (...selections: string[]): Ballot => ({ roundId: 'r', kind: 'approval', selections });

/* ---- the demo seed ---- */

test('the demo is an open £250,000 knapsack round of about 20 proposals across 5 wards, closing after now', async () => {
  const client = demo();
  const round = await client.getRound('fernwick-2026');
  assert.equal(round.status, 'open');
  assert.equal(round.currency, 'GBP');
  assert.equal(round.budget, 25_000_000);
  assert.deepEqual(round.rules, { kind: 'approval', maxLength: 5, maxSumCost: 25_000_000 });
  assert.ok(Date.parse(round.closesAt!) > NOW.getTime());
  const page = await client.listProposals('fernwick-2026', { pageSize: 100 });
  assert.ok(page.total >= 18 && page.total <= 24, `${page.total} proposals`);
  const wards = new Set(page.items.map((item) => item.area));
  assert.ok(wards.size >= 4 && wards.size <= 6);
  assert.ok(page.items.some((item) => item.imageUrl === null) && page.items.some((item) => item.imageUrl));
  assert.ok(page.items.every((item) => Number.isSafeInteger(item.cost) && item.cost > 0 && item.roundId === 'fernwick-2026'));
});

test('the demo budget simulation balances as it starts and has a council tax percent line', async () => {
  const simulation = await demo().getSimulation('fernwick-budget-2026');
  assert.deepEqual(validateSimulation(simulation, { simulationId: simulation.id, values: {} }), []);
  const spending = simulation.lines.filter((line) => line.kind === 'spending');
  const revenue = simulation.lines.filter((line) => line.kind === 'revenue');
  assert.ok(spending.length >= 5 && revenue.length === 3);
  assert.ok(revenue.some((line) => line.unit === 'percent' && line.amountPerPercent! > 0));
  assert.ok(simulation.lines.every((line) => line.impacts.length > 0));
});

test('the demo feedback form asks one question of every kind', async () => {
  const form = await demo().getForm('fernwick-feedback');
  assert.deepEqual(new Set(form.questions.map((question) => question.kind)), new Set(['rating', 'text', 'choice', 'multi-choice', 'consent']));
  assert.ok(form.questions.find((question) => question.kind === 'text')?.maxLength);
  assert.equal(validateFeedback(form, { formId: form.id, answers: {} }).length, 2, 'the rating and the consent are required');
});

test('the demo ships tens of kilobytes of data, not hundreds (its module is budgeted by npm run size)', () => {
  // A borough's rounds of every kind, a 32-line council budget and a consultation: what demo pages
  // and Storybook need, fetched only by pages with api="memory:".
  const size = JSON.stringify(defaultSeed(NOW)).length;
  assert.ok(size < 80_000, `${size} characters`);
});

/* ---- reading ---- */

test('unknown rounds, proposals, simulations and forms are not found', async () => {
  const client = demo();
  for (const call of [
    client.getRound('nope'),
    client.listProposals('nope'),
    client.getProposal('nope'),
    client.getResults('nope'),
    client.getSimulation('nope'),
    client.getForm('nope'),
    client.submitBallot(approve('a')),
  ]) {
    assert.equal((await civicError(call)).code, 'not-found');
  }
});

test('a proposal is found by its id alone', async () => {
  const found = await demo().getProposal('cw-towpath');
  assert.equal(found.title, 'Resurface the Canal Wharf towpath');
  assert.equal(found.roundId, 'fernwick-2026');
});

test('proposals are filtered by ward and by category', async () => {
  const client = demo();
  const seeded = defaultSeed(NOW).rounds[0]!.proposals;
  const ward = await client.listProposals('fernwick-2026', { area: 'Canal Wharf', pageSize: 100 });
  assert.deepEqual(ward.items.map((item) => item.id).sort(), seeded.filter((p) => p.area === 'Canal Wharf').map((p) => p.id).sort());
  const play = await client.listProposals('fernwick-2026', { category: 'Play', area: "St Jude's" });
  assert.deepEqual(play.items.map((item) => item.id), ['sj-playground']);
  assert.equal((await client.listProposals('fernwick-2026', { area: 'Nowhere' })).total, 0);
  assert.equal((await client.listProposals('fernwick-2026', { area: '', category: '', q: ' ' })).total, seeded.length, 'empty filters filter nothing');
});

const messyTexts: string[] = JSON.parse(readFileSync(new URL('../fixtures/texts/pabulib_messy_project_texts.json', import.meta.url), 'utf8')).map(
  (entry: { text: string }) => entry.text,
);

function messyClient() {
  const proposals = messyTexts.map((text, i) => proposal(`t${i}`, { title: text }));
  return createMemoryClient({ rounds: [{ round: round('r'), proposals }], simulations: [], forms: [] });
}

async function search(q: string): Promise<number[]> {
  const page = await messyClient().listProposals('r', { q, pageSize: 100 });
  return page.items.map((item) => Number(item.id.slice(1))).sort((a, b) => a - b);
}

test('text search ignores case and accents, in real messy project names', async () => {
  assert.deepEqual(await search('potoku orunskiego'), [1], 'typed without accents, stored decomposed (NFD)');
  assert.deepEqual(await search('BIENCZYC'), [4, 6, 22]);
  assert.deepEqual(await search('térfigyelő'), [17], 'the correct ő finds a name that lost it');
  assert.deepEqual(await search('chateau'), [28]);
  assert.deepEqual(await search('українських'), [0]);
});

test('text search sees through no-break spaces, zero-width spaces, variation selectors and emoji', async () => {
  assert.deepEqual(await search('street workout'), [8]);
  assert.deepEqual(await search('wodny plac'), [5]);
  assert.deepEqual(await search('drzewa i krzewy'), [6]);
  assert.deepEqual(await search('sudołem'), [3]);
  assert.deepEqual(await search('zjazd linowy'), [7]);
});

test('text search matches every word, in the title or the summary', async () => {
  const client = demo();
  const page = await client.listProposals('fernwick-2026', { q: 'TREES  ashcombe' });
  assert.deepEqual(page.items.map((item) => item.id), ['ash-street-trees']);
  const bySummary = await client.listProposals('fernwick-2026', { q: 'wheelchair' });
  assert.deepEqual(bySummary.items.map((item) => item.id).sort(), ['ash-kerbs', 'cw-towpath', 'sj-playground']);
});

function sortClient(randomSeed = 1) {
  const proposals = [
    proposal('p1', { title: 'Zebra crossing', cost: 300, supporters: 5 }),
    proposal('p2', { title: 'École garden', cost: 100, supporters: 50 }),
    proposal('p3', { title: '10 benches', cost: 200, supporters: null }),
    proposal('p4', { title: '2 benches', cost: 200, supporters: 9 }),
    proposal('p5', { title: 'allotments', cost: 400, supporters: 9 }),
  ];
  return createMemoryClient({ rounds: [{ round: round('r'), proposals }], simulations: [], forms: [] }, { randomSeed });
}

const titles = async (client: ReturnType<typeof sortClient>, sort: 'title' | 'cost-asc' | 'cost-desc' | 'supporters' | 'random') =>
  (await client.listProposals('r', { sort })).items.map((item) => item.title);

test('proposals sort by title as people read it: numbers by value, accents and case aside', async () => {
  assert.deepEqual(await titles(sortClient(), 'title'), ['2 benches', '10 benches', 'allotments', 'École garden', 'Zebra crossing']);
});

test('proposals sort by cost both ways and by supporters, ties by title', async () => {
  const client = sortClient();
  assert.deepEqual(await titles(client, 'cost-asc'), ['École garden', '2 benches', '10 benches', 'Zebra crossing', 'allotments']);
  assert.deepEqual(await titles(client, 'cost-desc'), ['allotments', 'Zebra crossing', '2 benches', '10 benches', 'École garden']);
  assert.deepEqual(await titles(client, 'supporters'), ['École garden', '2 benches', 'allotments', 'Zebra crossing', '10 benches']);
});

test('random order is the same on every call of one client, across pages, and differs between clients', async () => {
  const client = demo();
  const all = (await client.listProposals('fernwick-2026', { sort: 'random', pageSize: 100 })).items.map((item) => item.id);
  const again = (await client.listProposals('fernwick-2026', { sort: 'random', pageSize: 100 })).items.map((item) => item.id);
  assert.deepEqual(again, all);
  const paged = [];
  for (let page = 1; page <= 4; page++) paged.push(...(await client.listProposals('fernwick-2026', { sort: 'random', page, pageSize: 6 })).items.map((item) => item.id));
  assert.deepEqual(paged, all);
  const byTitle = (await client.listProposals('fernwick-2026', { pageSize: 100 })).items.map((item) => item.id);
  assert.deepEqual([...all].sort(), [...byTitle].sort());
  assert.notDeepEqual(all, byTitle);
  const other = (await demo({ randomSeed: 8 }).listProposals('fernwick-2026', { sort: 'random', pageSize: 100 })).items.map((item) => item.id);
  assert.notDeepEqual(other, all);
});

test('pages hold 12 proposals by default, at most 100, and count the total', async () => {
  const client = demo();
  const first = await client.listProposals('fernwick-2026');
  const second = await client.listProposals('fernwick-2026', { page: 2 });
  assert.equal(first.items.length, 12);
  assert.equal(first.pageSize, 12);
  assert.equal(second.items.length, first.total - 12);
  assert.equal(new Set([...first.items, ...second.items].map((item) => item.id)).size, first.total);
  assert.deepEqual((await client.listProposals('fernwick-2026', { page: 9 })).items, []);
});

test('a page, page size or sort that makes no sense is refused, naming the field', async () => {
  const client = demo();
  for (const [query, field] of [
    [{ pageSize: 101 }, 'pageSize'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ page: 1.5 }, 'page'],
    [{ sort: 'newest' }, 'sort'],
    [{ sort: 'random', seed: -1 }, 'seed'],
  ] as const) {
    const error = await civicError(client.listProposals('fernwick-2026', query as never));
    assert.equal(error.code, 'validation');
    assert.equal(error.fieldErrors[0]?.field, field);
  }
});

test('a round opens and closes by its dates, whatever its stored status', async () => {
  const seed = oneRound({ opensAt: '2026-03-01T09:00:00Z', closesAt: '2026-03-15T17:00:00Z', status: 'upcoming' });
  const before = createMemoryClient(seed, { now: at('2026-03-01T08:59:59Z') });
  const during = createMemoryClient(seed, { now: at('2026-03-01T09:00:00Z') });
  const after = createMemoryClient(seed, { now: at('2026-03-15T17:00:00Z') });
  assert.equal((await before.getRound('r')).status, 'upcoming');
  assert.equal((await during.getRound('r')).status, 'open');
  assert.equal((await after.getRound('r')).status, 'closed');
  assert.equal((await civicError(before.submitBallot(approve('a')))).code, 'closed');
  assert.equal((await civicError(after.submitBallot(approve('a')))).code, 'closed');
  assert.equal((await during.submitBallot(approve('a'))).roundId, 'r');
});

test('a closed round refuses ballots even before its closing date', async () => {
  const client = createMemoryClient(oneRound({ status: 'closed' }));
  const error = await civicError(client.submitBallot(approve('a')));
  assert.equal(error.code, 'closed');
  assert.match(error.message, /closed/);
});

/* ---- ballots ---- */

test('an accepted ballot gets a receipt stamped with the time and counts in the results', async () => {
  const client = createMemoryClient(oneRound(), { now: () => NOW });
  const receipt = await client.submitBallot(approve('a', 'b'));
  assert.equal(receipt.roundId, 'r');
  assert.equal(receipt.receivedAt, NOW.toISOString());
  assert.ok(receipt.id.length > 0);
  const results = await client.getResults('r');
  assert.deepEqual(results.proposals.map(({ id, votes }) => [id, votes]), [['a', 1], ['b', 1], ['c', 0]]);
});

test('a ballot that breaks the rules is refused with every problem code, per field', async () => {
  const client = createMemoryClient(oneRound({ rules: { kind: 'approval', maxLength: 2, maxSumCost: 150_00 } }));
  const error = await civicError(client.submitBallot(approve('a', 'b', 'c', 'zzz')));
  assert.equal(error.code, 'validation');
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [
    ['selections.zzz', 'unknown-proposal'],
    ['selections', 'too-many'],
    ['selections', 'over-budget'],
  ]);
  assert.match(error.fieldErrors[2]!.detail, /£150 over the budget of £150/);
  assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [0, 0, 0], 'nothing was counted');
});

test('a ballot of the wrong kind or without a round is refused clearly', async () => {
  const client = createMemoryClient(oneRound());
  const wrongKind = await civicError(client.submitBallot({ roundId: 'r', kind: 'ordinal', selections: ['a'] }));
  assert.deepEqual(wrongKind.fieldErrors.map(({ field, code }) => [field, code]), [['kind', 'wrong-kind']]);
  const noRound = await civicError(client.submitBallot({ kind: 'approval', selections: ['a'] } as never));
  assert.equal(noRound.code, 'validation');
  assert.equal(noRound.fieldErrors[0]?.field, 'roundId');
});

test('the same idempotency key gives the same receipt and counts the ballot once', async () => {
  const client = createMemoryClient(oneRound());
  const first = await client.submitBallot(approve('a'), { idempotencyKey: 'key-1' });
  const retry = await client.submitBallot(approve('a'), { idempotencyKey: 'key-1' });
  assert.deepEqual(retry, first);
  assert.equal((await client.getResults('r')).proposals[0]!.votes, 1);
  const other = await client.submitBallot(approve('a'), { idempotencyKey: 'key-2' });
  assert.notEqual(other.id, first.id);
});

test('a retry after the round has closed still gets its receipt', async () => {
  let now = new Date('2026-03-15T16:59:00Z');
  const client = createMemoryClient(oneRound({ closesAt: '2026-03-15T17:00:00Z' }), { now: () => now });
  const first = await client.submitBallot(approve('a'), { idempotencyKey: 'late' });
  now = new Date('2026-03-15T17:05:00Z');
  assert.deepEqual(await client.submitBallot(approve('a'), { idempotencyKey: 'late' }), first);
  assert.equal((await civicError(client.submitBallot(approve('a'), { idempotencyKey: 'new' }))).code, 'closed');
});

test('the same idempotency key with a different ballot is refused with 422, as the contract says', async () => {
  const client = createMemoryClient(oneRound());
  await client.submitBallot(approve('a'), { idempotencyKey: 'key-1' });
  const error = await civicError(client.submitBallot(approve('b'), { idempotencyKey: 'key-1' }));
  assert.equal(error.code, 'validation');
  assert.equal(error.status, 422);
  assert.equal(error.fieldErrors[0]?.field, 'Idempotency-Key');
  assert.equal((await client.getResults('r')).proposals[1]!.votes, 0, 'the refused ballot is not counted');
});

test('a receipt can be checked later: when and in which round, never the choices', async () => {
  const client = createMemoryClient(oneRound());
  const receipt = await client.submitBallot(approve('a'));
  assert.deepEqual(await client.getReceipt(receipt.id), receipt);
  assert.deepEqual(Object.keys(await client.getReceipt(receipt.id)).sort(), ['id', 'receivedAt', 'roundId']);
  assert.equal((await civicError(client.getReceipt('no-such-receipt'))).code, 'not-found');
});

test('an idempotency key that cannot be an HTTP header is refused', async () => {
  const error = await civicError(createMemoryClient(oneRound()).submitBallot(approve('a'), { idempotencyKey: 'has spaces' }));
  assert.equal(error.code, 'validation');
  assert.equal(error.fieldErrors[0]?.field, 'idempotencyKey');
});

test('an open round accepts anonymous ballots, but a voter who identifies votes once', async () => {
  const client = createMemoryClient(oneRound({ voterIdentity: 'open' }));
  await client.submitBallot(approve('a'));
  await client.submitBallot(approve('a'));
  await client.submitBallot({ ...approve('b'), voterToken: 'resident-1' });
  assert.equal((await civicError(client.submitBallot({ ...approve('c'), voterToken: 'resident-1' }))).code, 'conflict');
  assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [2, 1, 0]);
});

test('a code round needs one of its codes, typed in any case and spacing, and each code votes once', async () => {
  const client = createMemoryClient(oneRound({ voterIdentity: 'code' }, { votingCodes: ['ABCD-2345', 'WXYZ-6789'] }));
  assert.equal((await civicError(client.submitBallot(approve('a')))).code, 'unauthorized');
  assert.equal((await civicError(client.submitBallot({ ...approve('a'), votingCode: 'ABCD-0000' }))).code, 'unauthorized');
  await client.submitBallot({ ...approve('a'), votingCode: ' abcd 2345 ' });
  const reused = await civicError(client.submitBallot({ ...approve('b'), votingCode: 'ABCD2345' }));
  assert.equal(reused.code, 'conflict');
  assert.match(reused.message, /voting code has already been used/);
  await client.submitBallot({ ...approve('b'), votingCode: 'wxyz-6789' });
});

test('a token round needs a token, one of the listed ones when the seed lists them, and each votes once', async () => {
  const anyToken = createMemoryClient(oneRound({ voterIdentity: 'token' }));
  assert.equal((await civicError(anyToken.submitBallot(approve('a')))).code, 'unauthorized');
  assert.equal((await civicError(anyToken.submitBallot({ ...approve('a'), voterToken: '  ' }))).code, 'unauthorized');
  await anyToken.submitBallot({ ...approve('a'), voterToken: 'signed.by.host' });
  assert.equal((await civicError(anyToken.submitBallot({ ...approve('a'), voterToken: 'signed.by.host' }))).code, 'conflict');
  const listed = createMemoryClient(oneRound({ voterIdentity: 'token' }, { voterTokens: ['t-1'] }));
  assert.equal((await civicError(listed.submitBallot({ ...approve('a'), voterToken: 't-2' }))).code, 'unauthorized');
  await listed.submitBallot({ ...approve('a'), voterToken: 't-1' });
});

/* ---- simulations and feedback ---- */

test('a balanced simulation is received; an unbalanced one is refused and says by how much', async () => {
  const client = demo();
  const receipt = await client.submitSimulation({ simulationId: 'fernwick-budget-2026', values: { libraries: 480_000_000, parks: 800_000_000 } });
  assert.equal(receipt.receivedAt, NOW.toISOString());
  const error = await civicError(client.submitSimulation({ simulationId: 'fernwick-budget-2026', values: { 'council-tax': 0 } }));
  assert.equal(error.code, 'validation');
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [['values', 'unbalanced']]);
  // 4.99% of £1.15m, less the £38,500 the baseline had to spare.
  assert.match(error.fieldErrors[0]!.detail, /£5,700,000/);
});

test('the council’s budget starts £6.5m short; closing the gap to within its tolerance is received', async () => {
  const client = demo();
  const id = 'fernwick-council-budget-2026';
  const simulation = await client.getSimulation(id);
  assert.equal(simulation.lines.length, 32);
  assert.equal(simulation.mode, 'balance');
  const error = await civicError(client.submitSimulation({ simulationId: id, values: {} }));
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [['values', 'unbalanced']]);
  assert.match(error.fieldErrors[0]!.detail, /£6,500,000 more than the money coming in; it may be at most £250,000 more/);
  // 4.99% council tax (£7.68m) overshoots: the money left unspent must be spent too.
  const unspent = await civicError(client.submitSimulation({ simulationId: id, values: { 'council-tax-rise': 4.99 } }));
  assert.deepEqual(unspent.fieldErrors.map(({ code }) => code), ['unspent']);
  const receipt = await client.submitSimulation({ simulationId: id, values: { 'council-tax-rise': 2.99, libraries: 380_000_000, parking: 1_250_000_000, reserves: 350_000_000, parks: 680_000_000 } });
  assert.equal(typeof receipt.id, 'string');
});

test('the priorities exercise takes exactly its 100 points', async () => {
  const client = demo();
  const id = 'fernwick-priorities-2026';
  const error = await civicError(client.submitSimulation({ simulationId: id, values: { care: 40, homes: 40 } }));
  assert.deepEqual(error.fieldErrors.map(({ field, code, detail }) => [field, code, detail]), [['values', 'points-left', '20 of the 100 points are not spent yet; spend exactly 100.']]);
  await client.submitSimulation({ simulationId: id, values: { care: 40, homes: 40, green: 20 } });
});

test('a seed with a simulation set up wrongly is refused, naming the simulation and where', () => {
  const seed = defaultSeed(NOW);
  seed.simulations[0]!.lines[0]!.group = 'nowhere';
  assert.throws(() => createMemoryClient(seed), /simulation "fernwick-budget-2026" at lines\.0\.group: "nowhere" is not one of the simulation's groups/);
});

test('simulation values must stay in range, on step and off locked lines', async () => {
  const error = await civicError(demo().submitSimulation({ simulationId: 'fernwick-budget-2026', values: { debt: 0, parks: 612_345_600, fees: 2_000_000_000 } }));
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [
    ['values.debt', 'locked'],
    ['values.parks', 'off-step'],
    ['values.fees', 'out-of-range'],
  ]);
});

test('simulation and feedback submissions are idempotent too', async () => {
  const client = demo();
  const submission = { simulationId: 'fernwick-budget-2026', values: {}, comment: 'Keep libraries open' };
  const first = await client.submitSimulation(submission, { idempotencyKey: 'sim-1' });
  assert.deepEqual(await client.submitSimulation({ ...submission }, { idempotencyKey: 'sim-1' }), first);
  assert.equal((await civicError(client.submitSimulation({ ...submission, comment: 'Other' }, { idempotencyKey: 'sim-1' }))).code, 'validation');
  const response = { formId: 'fernwick-feedback', answers: { ease: 4, consent: true } };
  const received = await client.submitFeedback(response, { idempotencyKey: 'fb-1' });
  assert.deepEqual(await client.submitFeedback(response, { idempotencyKey: 'fb-1' }), received);
});

test('feedback needs its required answers and a given consent, within length and options', async () => {
  const client = demo();
  const error = await civicError(
    client.submitFeedback({ formId: 'fernwick-feedback', proposalId: 'nope', answers: { consent: false, improve: 'x'.repeat(501), ward: 'Mars' } }),
  );
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [
    ['answers.ease', 'required'],
    ['answers.improve', 'too-long'],
    ['answers.ward', 'invalid-option'],
    ['answers.consent', 'consent-required'],
    ['proposalId', 'unknown-proposal'],
  ]);
  const receipt = await client.submitFeedback({ formId: 'fernwick-feedback', proposalId: 'bp-play', answers: { ease: 5, consent: true, 'next-focus': ['play', 'green-spaces'] } });
  assert.ok(receipt.id);
});

/* ---- results ---- */

test('results of the closed demo round come by its own rule, equal shares, and explain every proposal', async () => {
  const client = demo();
  const seed = defaultSeed(NOW).rounds[1]!;
  const results = await client.getResults('fernwick-2025');
  assert.equal(results.rule, 'equal-shares');
  assert.equal(results.budget, seed.round.budget);
  assert.equal(results.ballots, seed.ballots!.length);
  const counted = new Map(seed.proposals.map((p) => [p.id, 0]));
  for (const ballot of seed.ballots as string[][]) for (const id of ballot) counted.set(id, counted.get(id)! + 1);
  assert.deepEqual(results.proposals.map(({ id, votes }) => [id, votes]), [...counted]);
  assert.ok(results.winners.length > 0);
  for (const winner of results.winners) assert.equal(winner.title, seed.proposals.find((p) => p.id === winner.id)?.title);
  assert.deepEqual(
    results.proposals.filter((p) => p.selected).map((p) => p.id).sort(),
    results.winners.map((w) => w.id).sort(),
  );
  assert.equal(results.spent, results.winners.reduce((sum, w) => sum + w.cost, 0));
  assert.ok(results.spent <= results.budget);
  for (const proposal of results.proposals) {
    assert.equal(proposal.explanation?.outcome, proposal.selected ? 'funded' : 'not-funded', proposal.id);
  }
  assert.equal(results.fundedChoices?.reduce((sum, group) => sum + group.voters, 0), seed.ballots!.length);
  assert.deepEqual(results.equalShares?.completion, 'add1');
  assert.equal((await client.getResults('fernwick-2025', { rule: 'greedy' })).rule, 'greedy');
});

test('without results settings a round is counted by greedy, and asking for equal shares is refused naming the rule', async () => {
  const client = createMemoryClient(oneRound({ status: 'closed', results: undefined }, { ballots: [['a'], ['a', 'b']] }));
  const results = await client.getResults('r');
  assert.equal(results.rule, 'greedy');
  assert.deepEqual(results.winners.map((w) => w.id), ['a', 'b']);
  const refused = await civicError(client.getResults('r', { rule: 'equal-shares' }));
  assert.equal(refused.code, 'validation');
  assert.equal(refused.status, 422);
  assert.deepEqual(refused.fieldErrors.map(({ field, code }) => [field, code]), [['rule', 'rule-not-allowed']]);
  assert.match(refused.detail ?? '', /shown by greedy, not equal-shares/);
});

test('an unknown rule is refused, naming the rule and the ones there are', async () => {
  const error = await civicError(demo().getResults('fernwick-2025', { rule: 'borda' as never }));
  assert.equal(error.status, 422);
  assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [['rule', 'unknown-rule']]);
  assert.match(error.detail ?? '', /greedy or equal-shares/);
});

test('results of an open round are not published until it closes, and the refusal says when', async () => {
  const client = demo();
  const error = await civicError(client.getResults('fernwick-2026'));
  assert.equal(error.code, 'unauthorized');
  assert.equal(error.status, 403);
  // The demo round closes 21 days after NOW, 1 March 2026 at 12:00 UTC.
  assert.equal(error.detail, 'The results of “Fernwick Neighbourhood Fund 2026” will be published when voting closes, on 22 March 2026 at 12:00 UTC.');
  const later = createMemoryClient(defaultSeed(NOW), { now: () => new Date('2026-03-22T12:00:00Z') });
  assert.equal((await later.getResults('fernwick-2026')).rule, 'greedy');
});

test('live results are shown while the round is open, but not before it opens', async () => {
  const seed = oneRound({ opensAt: '2026-03-10T09:00:00Z', closesAt: '2026-03-20T17:00:00Z', results: { rules: ['greedy'], live: true } });
  const early = await civicError(createMemoryClient(seed, { now: () => NOW }).getResults('r'));
  assert.equal(early.status, 403);
  assert.match(early.detail ?? '', /when voting opens, on 10 March 2026 at 09:00 UTC\.$/);
  const open = await createMemoryClient(seed, { now: () => new Date('2026-03-11T09:00:00Z') }).getResults('r');
  assert.equal(open.ballots, 0);
});

test('a real pabulib round (Świecie 2023) served from memory counts the votes the file reports and funds what the city funded', async () => {
  const election = parsePabulib(readFileSync(new URL('../fixtures/pabulib/Poland_Swiecie_2023.pb', import.meta.url), 'utf8'));
  const round = { ...toRound(election, 'swiecie'), status: 'closed' as const };
  const proposals = toProposals(election, 'swiecie');
  const ballots = toBallots(election, 'swiecie').map((ballot) => ballot.selections);
  const client = createMemoryClient({ rounds: [{ round, proposals, ballots }], simulations: [], forms: [] });
  const results = await client.getResults('swiecie');
  assert.deepEqual(
    results.proposals.map(({ id, votes }) => [id, votes]),
    proposals.map((p) => [p.id, p.supporters]),
  );
  // The file's rule, equalshares/add1, is the round's own.
  assert.equal(results.rule, 'equal-shares');
  assert.deepEqual(results.winners.map((w) => w.id).sort(), proposals.filter((p) => p.status === 'funded').map((p) => p.id).sort());
  // Greedy on request: by votes, each project that still fits. Świecie's one tie (119 votes) comes
  // after the money has run out, so no tie-break rule changes this.
  let left = round.budget;
  const expected = [...proposals].sort((a, b) => b.supporters! - a.supporters!).filter((p) => p.cost <= left && (left -= p.cost) >= 0);
  assert.deepEqual((await client.getResults('swiecie', { rule: 'greedy' })).winners.map((w) => w.id), expected.map((p) => p.id));
});

/* ---- copies, timing, aborts ---- */

test('changing what the client returned, or the ballot after sending it, changes nothing stored', async () => {
  const client = createMemoryClient(oneRound());
  const round = await client.getRound('r');
  round.title = 'Changed';
  (round.rules as { maxLength?: number }).maxLength = 99;
  const page = await client.listProposals('r');
  page.items[0]!.cost = 1;
  assert.equal((await client.getRound('r')).title, 'r');
  assert.deepEqual((await client.getRound('r')).rules, { kind: 'approval', maxLength: 2, maxSumCost: 1_000_00 });
  assert.equal((await client.getProposal('a')).cost, 100_00);
  const ballot = approve('a');
  await client.submitBallot(ballot);
  (ballot.selections as string[]).push('b');
  assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [1, 0, 0]);
});

test('changing the seed after creating the client changes nothing served', async () => {
  const seed = oneRound();
  const client = createMemoryClient(seed);
  seed.rounds[0]!.proposals[0]!.title = 'Changed';
  assert.equal((await client.getProposal('a')).title, 'a');
});

test('answers are asynchronous and wait latencyMs, to show loading states', async () => {
  let settled = false;
  const quick = createMemoryClient(oneRound()).getRound('r').then(() => (settled = true));
  assert.equal(settled, false);
  await quick;
  const started = performance.now();
  await createMemoryClient(oneRound(), { latencyMs: 60 }).getRound('r');
  assert.ok(performance.now() - started >= 55);
});

test('an aborted request rejects as aborted, like the REST client, and an aborted ballot is not stored', async () => {
  const client = createMemoryClient(oneRound(), { latencyMs: 50 });
  const already = new AbortController();
  already.abort();
  await assert.rejects(client.getRound('r', { signal: already.signal }), (error: Error) => error instanceof CivicError && error.code === 'aborted' && !error.retryable);
  const later = new AbortController();
  const pending = client.submitBallot(approve('a'), { signal: later.signal, idempotencyKey: 'k' });
  setTimeout(() => later.abort(), 10);
  await assert.rejects(pending, { name: 'CivicError', code: 'aborted' });
  assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [0, 0, 0]);
  const sent = await client.submitBallot(approve('b'), { idempotencyKey: 'k' });
  assert.equal(sent.roundId, 'r', 'the key was not used by the aborted ballot');
});

/* ---- persistence without a browser ---- */

class MapStorage implements Storage {
  items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

async function withStorage(run: (storage: MapStorage, warnings: string[]) => Promise<void>): Promise<void> {
  const storage = new MapStorage();
  const warnings: string[] = [];
  const warn = console.warn;
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  console.warn = (message: string) => warnings.push(message);
  try {
    await run(storage, warnings);
  } finally {
    console.warn = warn;
    delete (globalThis as { localStorage?: Storage }).localStorage;
  }
}

test('with persist, a second client on the same key sees the ballots, receipts and used codes', () =>
  withStorage(async (storage) => {
    const seed = oneRound({ voterIdentity: 'code' }, { votingCodes: ['CODE-1'] });
    const first = createMemoryClient(seed, { persist: 'kiosk-1' });
    const receipt = await first.submitBallot({ ...approve('a'), votingCode: 'CODE-1' }, { idempotencyKey: 'k1' });
    assert.ok(storage.getItem('kiosk-1'));
    const second = createMemoryClient(seed, { persist: 'kiosk-1' });
    assert.deepEqual(await second.submitBallot({ ...approve('a'), votingCode: 'CODE-1' }, { idempotencyKey: 'k1' }), receipt);
    assert.equal((await civicError(second.submitBallot({ ...approve('b'), votingCode: 'CODE-1' }))).code, 'conflict');
    assert.deepEqual((await second.getResults('r')).proposals.map((p) => p.votes), [1, 0, 0]);
    const elsewhere = createMemoryClient(seed, { persist: 'kiosk-2' });
    assert.deepEqual((await elsewhere.getResults('r')).proposals.map((p) => p.votes), [0, 0, 0]);
  }));

test('persist: true uses the default key', () =>
  withStorage(async (storage) => {
    await createMemoryClient(oneRound(), { persist: true }).submitBallot(approve('a'));
    assert.ok(storage.getItem('civic-widgets:memory'));
  }));

test('corrupt stored data is discarded with a warning, and the client starts again from the seed', () =>
  withStorage(async (storage, warnings) => {
    for (const corrupt of ['{not json', '{"version":1,"ballots":"nope"}', '{"version":2}']) {
      storage.setItem('kiosk', corrupt);
      const client = createMemoryClient(oneRound(), { persist: 'kiosk' });
      assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [0, 0, 0]);
      await client.submitBallot(approve('a'));
      assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [1, 0, 0]);
    }
    assert.equal(warnings.length, 3);
    assert.match(warnings[0]!, /kiosk.*not JSON/);
    assert.match(warnings[1]!, /ballots/);
  }));

test('when storage is full the submission is refused as retryable and nothing is kept', () =>
  withStorage(async (storage) => {
    const client = createMemoryClient(oneRound(), { persist: 'kiosk' });
    storage.full = true;
    const error = await civicError(client.submitBallot(approve('a'), { idempotencyKey: 'k' }));
    assert.equal(error.retryable, true);
    storage.full = false;
    assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [0, 0, 0]);
    await client.submitBallot(approve('b'), { idempotencyKey: 'k' });
    assert.deepEqual((await client.getResults('r')).proposals.map((p) => p.votes), [0, 1, 0]);
  }));

test('without localStorage (as in Node) persist warns once and the client still works', async () => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    const client = createMemoryClient(oneRound(), { persist: 'kiosk' });
    await client.submitBallot(approve('a'));
    assert.equal((await client.getResults('r')).proposals[0]!.votes, 1);
  } finally {
    console.warn = warn;
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /localStorage is not available/);
});

/* ---- seeds ---- */

test('an inconsistent seed is refused at once, naming the problem', () => {
  const twice: MemorySeed = { rounds: [{ round: round('r'), proposals: [proposal('a'), proposal('a')] }], simulations: [], forms: [] };
  assert.throws(() => createMemoryClient(twice), /two proposals have the id "a"/);
  assert.throws(() => createMemoryClient(oneRound({}, { ballots: [['a', 'b', 'c']] })), /ballot 0 of round "r".*at most 2/);
});
