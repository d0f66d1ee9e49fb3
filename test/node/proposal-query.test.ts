// The domain's proposal query, which the server and the in-browser backend both answer with: the
// fair random order and its seed, and search as a resident types it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderSeed, proposalQueryProblems, queryProposals } from '../../src/domain/proposal-query/index.js';
import type { Proposal } from '../../src/domain/types.js';
import { mulberry32 } from '../support/prng.js';

function proposal(id: string, fields: Partial<Proposal> = {}): Proposal {
  return { id, title: id, summary: '', cost: 100_00, categories: [], status: 'shortlisted', ...fields };
}

const twenty = Array.from({ length: 20 }, (_, i) => proposal(`p-${i}`));
const order = (seed: number, proposals = twenty) => queryProposals(proposals, { sort: 'random', seed, pageSize: 100 }, 0).items.map((p) => p.id);

test('the random order gives every proposal the same chance of coming first', () => {
  // 20,000 seeds, random and consecutive: each of 20 proposals should lead about 1,000 times.
  const random = mulberry32(2026);
  for (const [kind, seedAt] of [['random', () => Math.floor(random() * 2 ** 32)], ['consecutive', (i: number) => i]] as const) {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const first = order(seedAt(i))[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    const counts = twenty.map((p) => firsts.get(p.id) ?? 0);
    // A fair die: 1,000 ± about 3.3 standard deviations (sd ≈ 31).
    assert.ok(Math.min(...counts) > 900 && Math.max(...counts) < 1100, `${kind} seeds: first-place counts ${counts.join(', ')}`);
  }
});

test('one seed gives one order, the same on every page; another seed another order', () => {
  const all = order(12345);
  const paged: string[] = [];
  for (let page = 1; page <= 4; page++) {
    paged.push(...queryProposals(twenty, { sort: 'random', seed: 12345, page, pageSize: 6 }, 99).items.map((p) => p.id));
  }
  assert.deepEqual(paged, all);
  assert.deepEqual(order(12345), all, 'the backend’s own seed does not matter when the query has one');
  assert.notDeepEqual(order(12346), all);
  assert.deepEqual(new Set(order(12346)), new Set(all));
});

test('a visitor’s seed differs from round to round and from visitor to visitor, and stays put', () => {
  assert.equal(orderSeed('visitor-a', 'fernwick-2026'), orderSeed('visitor-a', 'fernwick-2026'));
  assert.notEqual(orderSeed('visitor-a', 'fernwick-2026'), orderSeed('visitor-a', 'fernwick-2025'));
  assert.notEqual(orderSeed('visitor-a', 'fernwick-2026'), orderSeed('visitor-b', 'fernwick-2026'));
  // Joined unambiguously: ("ab", "c") is not ("a", "bc").
  assert.notEqual(orderSeed('ab', 'c'), orderSeed('a', 'bc'));
  for (const seed of [orderSeed('', ''), orderSeed('visitor-a', 'BO.D16.5/23')]) {
    assert.ok(Number.isSafeInteger(seed) && seed >= 0 && seed <= 0xffffffff, `${seed} is a valid seed`);
    assert.deepEqual(proposalQueryProblems({ sort: 'random', seed }), []);
  }
});

test('a seed that is not a whole number from 0 to 4294967295 is refused, naming the field', () => {
  for (const seed of [-1, 2 ** 32, 1.5, Number.NaN, '7' as unknown as number]) {
    assert.deepEqual(proposalQueryProblems({ sort: 'random', seed }).map((p) => p.field), ['seed'], String(seed));
    assert.throws(() => queryProposals(twenty, { sort: 'random', seed }, 0), /seed must be a whole number from 0 to 4294967295/);
  }
});

test('search ignores case and accents both ways: "laka" finds "Łąka", "cafe" finds "café" and "CAFÉ" finds "cafe"', () => {
  const proposals = [
    proposal('laka', { title: 'Łąka kwietna przy szkole' }),
    proposal('cafe', { title: 'Repair café', summary: 'Monthly sessions' }),
    proposal('plain', { title: 'Community cafe tables' }),
    // Stored decomposed (NFD), as some cities publish their texts.
    proposal('nfd', { title: 'Łąka nad Wisłą'.normalize('NFD') }),
  ];
  const ids = (q: string) => queryProposals(proposals, { q, pageSize: 100 }, 0).items.map((p) => p.id).sort();
  assert.deepEqual(ids('laka'), ['laka', 'nfd']);
  assert.deepEqual(ids('cafe'), ['cafe', 'plain']);
  assert.deepEqual(ids('CAFÉ'), ['cafe', 'plain']);
  assert.deepEqual(ids('wisla'), ['nfd']);
  assert.deepEqual(ids('monthly CAFE'), ['cafe'], 'every word, in the title or the summary');
});

test('a proposal edited in place is searched by its new title', () => {
  const edited = proposal('e', { title: 'Benches' });
  assert.equal(queryProposals([edited], { q: 'benches' }, 0).total, 1);
  edited.title = 'Bollards';
  assert.equal(queryProposals([edited], { q: 'benches' }, 0).total, 0);
  assert.equal(queryProposals([edited], { q: 'bollards' }, 0).total, 1);
});
