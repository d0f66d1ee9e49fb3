import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, newKey, type TestServer } from './support/server.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const ballot = (...selections: string[]) => ({ roundId: 'open-round', kind: 'approval', selections });
const cast = (body: unknown, key?: string, round = 'open-round') => server.api('POST', `/rounds/${round}/ballots`, { body, key });

test('a valid ballot is counted and answered with a receipt a resident can check later', async () => {
  const answer = await cast(ballot('trees', 'benches'));
  assert.equal(answer.status, 201);
  assert.equal(answer.body.roundId, 'open-round');
  const checked = await server.api('GET', `/receipts/${answer.body.id}`);
  assert.equal(checked.status, 200);
  assert.deepEqual(checked.body, answer.body);
  assert.deepEqual(Object.keys(checked.body).sort(), ['id', 'receivedAt', 'roundId'], 'never the choices');
});

test('an unknown receipt is a 404', async () => {
  assert.equal((await server.api('GET', '/receipts/00000000-0000-4000-8000-000000000000')).status, 404);
});

test('the same Idempotency-Key and body answer the original receipt and count once', async () => {
  const key = newKey();
  const before = await server.counts();
  const first = await cast(ballot('trees'), key);
  const again = await cast(ballot('trees'), key);
  assert.equal(first.status, 201);
  assert.equal(again.status, 200);
  assert.deepEqual(again.body, first.body);
  assert.equal((await server.counts()).ballots, before.ballots + 1);
});

test('the same key with another body is refused with 422 idempotency-key-reused', async () => {
  const key = newKey();
  await cast(ballot('trees'), key);
  const other = await cast(ballot('benches'), key);
  assert.equal(other.status, 422);
  assert.match(other.body.type, /\/idempotency-key-reused$/);
});

test('keys sent at once in one batch: same key and body count once, another body is refused', async () => {
  const key = newKey();
  const before = await server.counts();
  const answers = await Promise.all([cast(ballot('trees'), key), cast(ballot('trees'), key), cast(ballot('lights'), key)]);
  // Whichever body is stored first wins the key; each other body is judged against it.
  const statuses = answers.map((answer) => answer.status);
  if (statuses[2] === 201) assert.deepEqual(statuses, [422, 422, 201], 'lights stored first: both trees bodies reuse its key');
  else assert.deepEqual([...statuses].sort(), [200, 201, 422], 'trees stored first: its twin replays it, lights reuses its key');
  assert.equal((await server.counts()).ballots, before.ballots + 1);
});

test('a ballot that breaks the rules is refused with 422 and a field error per problem', async () => {
  const over = await cast(ballot('trees', 'lights', 'benches'));
  assert.equal(over.status, 422);
  assert.ok(over.body.errors.some((error: { field: string }) => error.field === 'selections'));
  assert.match(over.body.detail, /at most 2/);
  const unknown = await cast(ballot('nope'));
  assert.equal(unknown.body.errors[0].field, 'selections.nope');
  const wrongKind = await cast({ roundId: 'open-round', kind: 'ordinal', selections: ['trees'] });
  assert.equal(wrongKind.body.errors[0].field, 'kind');
  const otherRound = await cast({ ...ballot('trees'), roundId: 'code-round' });
  assert.equal(otherRound.status, 422);
  assert.equal(otherRound.body.errors[0].field, 'roundId');
});

test('a closed or upcoming round answers 409 with a type ending in /closed and a clear detail', async () => {
  const closed = await cast({ roundId: 'closed-round', kind: 'approval', selections: ['x-trees'] }, undefined, 'closed-round');
  assert.equal(closed.status, 409);
  assert.match(closed.body.type, /\/closed$/);
  assert.match(closed.body.detail, /closed on 10 June 2026/);
  const upcoming = await cast({ roundId: 'upcoming-round', kind: 'approval', selections: ['u-trees'] }, undefined, 'upcoming-round');
  assert.equal(upcoming.status, 409);
  assert.match(upcoming.body.detail, /opens on 20 June 2026/);
});

test('a ballot resent after the round closed still gets its original receipt', async () => {
  const key = newKey();
  const first = await cast(ballot('trees'), key);
  server.clock.set(new Date('2026-07-01T00:00:00Z'));
  try {
    const resent = await cast(ballot('trees'), key);
    assert.equal(resent.status, 200);
    assert.deepEqual(resent.body, first.body);
    assert.equal((await cast(ballot('trees'))).status, 409, 'a new ballot is refused');
  } finally {
    server.clock.set(new Date('2026-06-15T12:00:00Z'));
  }
});

test('cumulative ballots keep their points', async () => {
  const answer = await cast({ roundId: 'cumulative-round', kind: 'cumulative', selections: { 'p-trees': 6, 'p-lights': 4 } }, undefined, 'cumulative-round');
  assert.equal(answer.status, 201);
  const tooMany = await cast({ roundId: 'cumulative-round', kind: 'cumulative', selections: { 'p-trees': 7 } }, undefined, 'cumulative-round');
  assert.equal(tooMany.status, 422);
  const text = await cast({ roundId: 'cumulative-round', kind: 'cumulative', selections: { 'p-trees': '6' } }, undefined, 'cumulative-round');
  assert.equal(text.status, 400, 'points as text are not turned into numbers');
});

test('simulation submissions and feedback responses are stored once per key, and refused with field errors', async () => {
  const simulation = (await server.api('GET', '/simulations/fernwick-budget-2026')).body;
  const values = Object.fromEntries(simulation.lines.map((line: { id: string; baseline: number }) => [line.id, line.baseline]));
  const key = newKey();
  const submitted = await server.api('POST', '/simulations/fernwick-budget-2026/submissions', { body: { simulationId: 'fernwick-budget-2026', values, comment: 'Keep the libraries' }, key });
  assert.equal(submitted.status, 201);
  const again = await server.api('POST', '/simulations/fernwick-budget-2026/submissions', { body: { simulationId: 'fernwick-budget-2026', values, comment: 'Keep the libraries' }, key });
  assert.deepEqual([again.status, again.body], [200, submitted.body]);
  const unbalanced = await server.api('POST', '/simulations/fernwick-budget-2026/submissions', { body: { simulationId: 'fernwick-budget-2026', values: { ...values, parks: values.parks + 1_000_000 } } });
  assert.equal(unbalanced.status, 422);
  assert.ok(unbalanced.body.errors.length > 0);

  const response = { formId: 'fernwick-feedback', answers: { ease: 4, consent: true, improve: 'More time' } };
  const received = await server.api('POST', '/forms/fernwick-feedback/responses', { body: response });
  assert.equal(received.status, 201);
  const missing = await server.api('POST', '/forms/fernwick-feedback/responses', { body: { formId: 'fernwick-feedback', answers: { ease: 4 } } });
  assert.equal(missing.status, 422);
  assert.equal(missing.body.errors[0].field, 'answers.consent');
  const unknownProposal = await server.api('POST', '/forms/fernwick-feedback/responses', { body: { ...response, proposalId: 'nope' } });
  assert.equal(unknownProposal.body.errors[0].field, 'proposalId');
});
