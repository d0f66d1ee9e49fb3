import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { queryProposals } from '../../src/domain/proposal-query/index.js';
import type { Proposal } from '../../src/domain/types.js';
import { startTestServer, enc, type TestServer } from './support/server.js';
import { LONG_ID, testSeed } from './support/seed.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

test('a round answers with its rules and a status its dates decide', async () => {
  const open = await server.api('GET', '/rounds/open-round');
  assert.equal(open.status, 200);
  assert.equal(open.body.status, 'open');
  assert.deepEqual(open.body.rules, { kind: 'approval', maxLength: 2, maxSumCost: 100_000 });
  assert.equal((await server.api('GET', '/rounds/upcoming-round')).body.status, 'upcoming');
  server.clock.set(new Date('2026-07-01T00:00:00Z'));
  try {
    assert.equal((await server.api('GET', '/rounds/open-round')).body.status, 'closed', 'closesAt has passed');
  } finally {
    server.clock.set(new Date('2026-06-15T12:00:00Z'));
  }
});

test('an unknown round, proposal, simulation, form or receipt is a 404 problem', async () => {
  for (const path of ['/rounds/nope', '/rounds/nope/proposals', '/proposals/nope', '/simulations/nope', '/forms/nope', '/receipts/nope', '/rounds/nope/results']) {
    const answer = await server.api('GET', path);
    assert.equal(answer.status, 404, path);
    assert.match(answer.body.detail, /nope/);
  }
});

test('proposals are filtered, sorted and paged as the domain query does', async () => {
  const proposals = testSeed().rounds![0]!.proposals;
  for (const query of [{}, { area: 'North' }, { category: 'Green' }, { q: 'bench' }, { sort: 'cost-desc' as const, pageSize: 2, page: 2 }]) {
    const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
    const answer = await server.api('GET', `/rounds/open-round/proposals?${search}`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, JSON.parse(JSON.stringify(queryProposals(proposals, query, 1))), JSON.stringify(query));
  }
  const bad = await server.api('GET', '/rounds/open-round/proposals?page=0');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'page');
  assert.equal((await server.api('GET', '/rounds/open-round/proposals?pageSize=500')).status, 400, 'over the domain’s page size');
});

test('ids of up to 200 characters, with slashes and accents, work in every path', async () => {
  assert.equal(LONG_ID.length, 200);
  assert.equal((await server.api('GET', `/rounds/${enc(LONG_ID)}`)).body.id, LONG_ID);
  assert.equal((await server.api('GET', `/proposals/${enc(LONG_ID)}`)).body.id, LONG_ID);
  assert.equal((await server.api('GET', `/rounds/${enc(LONG_ID)}/proposals`)).body.total, 1);
  const longer = await server.api('GET', `/rounds/${enc(`${LONG_ID}x`)}`);
  assert.equal(longer.status, 400, 'an id longer than the contract allows');
  const far = await server.api('GET', `/rounds/${'y'.repeat(5_000)}`);
  assert.equal(far.status, 414, 'a path parameter longer than the router takes');
});

test('a visitor\'s fair random order is the one the seed says, the same on every page, as the in-browser backend gives it', async () => {
  const page = async (seed: number, number: number) =>
    (await server.api('GET', `/rounds/open-round/proposals?sort=random&seed=${seed}&pageSize=1&page=${number}`)).body.items.map((item: { id: string }) => item.id);
  const all = (await server.api('GET', '/rounds/open-round/proposals?pageSize=100')).body.items as Proposal[];
  for (const seed of [1, 2, 4_294_967_295]) {
    const expected = queryProposals(all, { sort: 'random', seed, pageSize: 100 }, 0).items.map((item) => item.id);
    const served = [...(await page(seed, 1)), ...(await page(seed, 2)), ...(await page(seed, 3))];
    assert.deepEqual(served, expected.slice(0, 3), `seed ${seed}`);
  }
  assert.equal((await server.api('GET', '/rounds/open-round/proposals?sort=random&seed=-1')).status, 400);
});

test('results are published once a round has closed, and an admin sees them at any time', async () => {
  const closed = await server.api('GET', '/rounds/closed-round/results');
  assert.equal(closed.status, 200);
  assert.deepEqual(closed.body.winners.map((winner: { id: string }) => winner.id), ['x-trees', 'x-benches']);
  assert.deepEqual(closed.body.proposals.map((proposal: { votes: number }) => proposal.votes), [2, 1, 1]);
  assert.equal((await server.api('GET', '/rounds/closed-round/results?rule=equal-shares')).body.rule, 'equal-shares');
  assert.equal((await server.api('GET', '/rounds/closed-round/results?rule=borda')).status, 400);
  const open = await server.api('GET', '/rounds/open-round/results');
  assert.equal(open.status, 403);
  assert.match(open.body.type, /\/results-not-published$/);
  assert.match(open.body.detail, /will be published when voting closes, on 25 June 2026 at 12:00 UTC/);
  const live = await server.api('GET', '/rounds/live-round/results');
  assert.equal(live.status, 200, 'live results are shown while the round is open');
  assert.equal(live.body.rule, 'equal-shares', 'without a rule, the round\'s own');
  const notAllowed = await server.api('GET', '/rounds/live-round/results?rule=greedy');
  assert.equal(notAllowed.status, 422);
  assert.equal(notAllowed.body.errors[0].code, 'rule-not-allowed');
  const host = await server.api('GET', '/rounds/open-round/results', { headers: { authorization: 'Bearer the-host-sites-own-token' } });
  assert.equal(host.status, 403, 'another Authorization header is not an admin');
  assert.equal((await server.api('GET', '/rounds/open-round/results', { admin: true })).status, 200);
});

test('cached results change as soon as a ballot is counted', async () => {
  const before = await server.api('GET', '/rounds/open-round/results', { admin: true });
  assert.equal(before.body.proposals[0].votes, 0);
  assert.equal((await server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections: ['trees'] } })).status, 201);
  const after = await server.api('GET', '/rounds/open-round/results', { admin: true });
  assert.equal(after.body.proposals[0].votes, 1);
});

test('simulations, forms and the contract itself are served', async () => {
  const simulation = await server.api('GET', '/simulations/fernwick-budget-2026');
  assert.equal(simulation.body.lines.length, 9);
  const form = await server.api('GET', '/forms/fernwick-feedback');
  assert.equal(form.body.questions[0].id, 'ease');
  const document = await fetch(`${server.origin}/api/openapi.yaml`);
  assert.equal(document.status, 200);
  assert.match(await document.text(), /^openapi: 3\.1\.0/);
});
