import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError } from '../../src/client/client.js';
import { ProposalSchema, parseResponse } from '../../src/client/rest/schemas.js';
import { allTexts, pickText, textIn } from '../../src/domain/localized-text.js';
import { createMemoryClient, defaultSeed } from '../../src/memory/index.js';

const title = { en: 'Benches on the green', pl: 'Ławki na skwerze', 'pt-BR': 'Bancos na praça' };

test('picks the resident’s language: the exact tag, else the language, else English, else the first', () => {
  assert.deepEqual(pickText(title, 'pl'), { text: 'Ławki na skwerze', lang: 'pl' });
  assert.deepEqual(pickText(title, 'pl-PL'), { text: 'Ławki na skwerze', lang: 'pl' }, 'a region falls back to its language');
  assert.deepEqual(pickText(title, 'pt'), { text: 'Bancos na praça', lang: 'pt-BR' }, 'a language takes a regional version');
  assert.deepEqual(pickText(title, 'PT-br'), { text: 'Bancos na praça', lang: 'pt-BR' }, 'tags ignore case');
  assert.deepEqual(pickText(title, 'cy'), { text: 'Benches on the green', lang: 'en' }, 'English when the language is missing');
  assert.deepEqual(pickText({ pl: 'Ławki', ro: 'Bănci' }, 'cy'), { text: 'Ławki', lang: 'pl' }, 'the first version when there is no English');
  assert.deepEqual(pickText({ en: 'Benches', pl: '  ' }, 'pl'), { text: 'Benches', lang: 'en' }, 'an empty version counts as missing');
});

test('plain text stays plain, with no language claimed; nothing gives empty text', () => {
  assert.deepEqual(pickText('Benches', 'pl'), { text: 'Benches' });
  assert.deepEqual(pickText(undefined, 'pl'), { text: '' });
  assert.deepEqual(pickText({}, 'pl'), { text: '' });
  assert.equal(textIn(title, 'pl'), 'Ławki na skwerze');
  assert.deepEqual(allTexts(title), ['Benches on the green', 'Ławki na skwerze', 'Bancos na praça']);
});

const proposal = { id: 'p1', summary: 'Six benches', cost: 120000, categories: [], status: 'shortlisted' };

test('the REST client accepts text in several languages and refuses what it could not show, naming the field', () => {
  assert.deepEqual(parseResponse(ProposalSchema, { ...proposal, title }, 'proposal').title, title);
  for (const bad of [{}, { 'not a tag': 'x' }, { en: 42 }, { en: 'x'.repeat(1_001) }]) {
    assert.throws(
      () => parseResponse(ProposalSchema, { ...proposal, title: bad }, 'proposal'),
      (error: unknown) => error instanceof CivicError && error.code === 'invalid-response' && error.field!.startsWith('title'),
      JSON.stringify(bad).slice(0, 40),
    );
  }
});

test('the in-browser backend serves translated text as it is, and finds it in any of its languages', async () => {
  const seed = defaultSeed();
  const round = seed.rounds[0]!;
  round.proposals[0] = { ...round.proposals[0]!, title };
  const client = createMemoryClient(seed);
  assert.deepEqual((await client.getProposal(round.proposals[0]!.id)).title, title);
  for (const q of ['ławki na skwerze', 'bancos', 'benches on the green']) {
    const page = await client.listProposals(round.round.id, { q });
    assert.deepEqual(page.items.map((item) => item.id), [round.proposals[0]!.id], q);
  }
});
