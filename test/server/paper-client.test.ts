import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError, type CivicClient } from '../../src/client/client.js';
import { createRestClient } from '../../src/client/rest/index.js';
import { createMemoryClient } from '../../src/memory/index.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { testSeed, TEST_NOW } from './support/seed.js';

// The paper count through both backends that ship: the REST client against the real server, and
// the in-browser backend. They must decide alike, so the same script runs against each.
let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const admin = { adminToken: ADMIN_TOKEN };

async function refusal(promise: Promise<unknown>): Promise<CivicError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CivicError, String(error));
    return error;
  }
  assert.fail('expected a CivicError');
}

async function doubleEntry(client: CivicClient): Promise<void> {
  const round = 'closed-round';
  const enter = (number: string, clerk: string, selections: string[]) => client.enterPaperBallot!({ roundId: round, number, batch: 'B2', clerk, selections }, admin);
  assert.deepEqual((await client.getResults(round)).sources, { online: 3, paper: 0 });

  assert.equal((await enter('201', 'Ann', ['x-trees'])).status, 'waiting');
  assert.equal((await enter('202', 'Ann', ['x-benches'])).status, 'waiting');
  assert.equal((await enter('201', 'Bob', ['x-trees'])).status, 'agreed');
  assert.equal((await enter('202', 'Bob', ['x-lights'])).status, 'mismatch');

  const invalid = await refusal(enter('203', 'Ann', ['x-trees', 'x-benches', 'x-lights']));
  assert.equal(invalid.code, 'validation');
  assert.ok(invalid.fieldErrors.some((error) => error.detail === 'Choose at most 2 (you chose 3).'), 'the rule’s own message');

  const batch = await client.getPaperBatch!(round, 'B2', admin);
  assert.deepEqual(batch.counts, { waiting: 0, agreed: 1, mismatch: 1, settled: 0 });
  assert.deepEqual(batch.ballots.find((ballot) => ballot.status === 'mismatch')!.entries.map((entry) => entry.selections), [['x-benches'], ['x-lights']]);
  assert.deepEqual((await client.getResults(round)).sources, { online: 3, paper: 1 });

  const own = await refusal(client.settlePaperBallot!({ roundId: round, number: '202', settledBy: 'Bob', selections: ['x-lights'] }, admin));
  assert.equal(own.code, 'conflict');
  assert.equal(own.detail, 'You entered ballot 202 yourself; a third person settles it.');
  const settled = await client.settlePaperBallot!({ roundId: round, number: '202', settledBy: 'Cy', selections: ['x-benches'] }, admin);
  assert.equal(settled.status, 'settled');
  assert.deepEqual((await client.getResults(round)).sources, { online: 3, paper: 2 });

  assert.equal((await enter('201', 'Ann', ['x-benches'])).change, 'corrected');
  const audit = await client.getPaperAudit!(round, admin);
  assert.deepEqual(audit.entries.map(({ actor, action, number }) => `${actor} ${action} ${number}`), [
    'Ann entered 201', 'Ann entered 202', 'Bob entered 201', 'Bob entered 202', 'Cy settled 202', 'Ann corrected 201',
  ]);
  assert.deepEqual(audit.entries.at(-1)!.before, ['x-trees']);
  assert.deepEqual(audit.entries[4]!.before, [['x-benches'], ['x-lights']]);
}

test('the REST client keeps a double-entry count on the server', async () => {
  await doubleEntry(createRestClient({ baseUrl: `${server.origin}/api`, retries: 0 }));
});

test('the in-browser backend keeps the same count, deciding alike', async () => {
  const closed = testSeed().rounds!.find((entry) => entry.round.id === 'closed-round')!;
  await doubleEntry(createMemoryClient({ rounds: [closed], simulations: [], forms: [] }, { now: () => TEST_NOW }));
});

test('without the admin token the REST client is refused as unauthorized', async () => {
  const client = createRestClient({ baseUrl: `${server.origin}/api`, retries: 0 });
  const error = await refusal(client.getPaperAudit!('closed-round'));
  assert.equal(error.code, 'unauthorized');
  const badNumber = await refusal(client.enterPaperBallot!({ roundId: 'closed-round', number: 'no spaces', batch: 'B', clerk: 'Ann', selections: [] }, admin));
  assert.equal(badNumber.code, 'validation');
});
