import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImportError, readSeed } from '../../server/store/import.js';
import { startTestServer, type TestServer } from './support/server.js';
import { TEST_NOW } from './support/seed.js';

// Text in several languages ({ "en": …, "pl": … }, as Decidim sends it) through the import, the
// store and the API, exactly as it came: the element, not the server, picks the resident's version.

const round = {
  id: 'nowa-huta-2026',
  title: { en: 'Nowa Huta neighbourhood budget', pl: 'Budżet obywatelski Nowej Huty' },
  description: { en: 'Ideas for the district.', pl: 'Pomysły dla dzielnicy.' },
  budget: 100_000,
  currency: 'PLN',
  opensAt: new Date(TEST_NOW.getTime() - 86_400_000).toISOString(),
  closesAt: new Date(TEST_NOW.getTime() + 86_400_000).toISOString(),
  status: 'open',
  rules: { kind: 'approval', maxLength: 2 },
  voterIdentity: 'open',
};
const proposal = {
  id: 'lawki',
  title: { en: 'Benches on the green', pl: 'Ławki na skwerze' },
  summary: 'Six benches.',
  imageAlt: { en: 'A bench', pl: 'Ławka' },
  cost: 40_000,
  categories: [],
  status: 'shortlisted',
};

let server: TestServer;
before(async () => {
  const { seed } = readSeed({ rounds: [{ round, proposals: [proposal] }] });
  server = await startTestServer({ seed });
});
after(() => server.stop());

test('the import accepts translated text, and the API gives it back as it came', async () => {
  const answer = await server.api('GET', `/rounds/${round.id}`);
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body.title, round.title);
  const one = await server.api('GET', `/proposals/${proposal.id}`);
  assert.deepEqual(one.body.title, proposal.title);
  assert.deepEqual(one.body.imageAlt, proposal.imageAlt);
  assert.equal(one.body.summary, 'Six benches.', 'plain text stays plain beside translated text');
});

test('a search finds a proposal in any of its languages', async () => {
  for (const q of ['ławki', 'benches']) {
    const page = await server.api('GET', `/rounds/${round.id}/proposals?q=${encodeURIComponent(q)}`);
    assert.deepEqual(page.body.items.map((item: { id: string }) => item.id), [proposal.id], q);
  }
});

test('the import refuses translated text it could not show, naming the field', () => {
  const refused = (title: unknown) => () => readSeed({ rounds: [{ round, proposals: [{ ...proposal, title }] }] });
  assert.throws(refused({}), (error: unknown) => error instanceof ImportError && /rounds\[0\]\.proposals\[0\]\.title/.test(error.message));
  assert.throws(refused({ 'not a language': 'x' }), (error: unknown) => error instanceof ImportError && /title/.test(error.message));
  assert.throws(refused({ en: 42 }), (error: unknown) => error instanceof ImportError && /title/.test(error.message));
});
