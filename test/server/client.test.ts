import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError, type CivicClient } from '../../src/client/client.js';
import { createRestClient } from '../../src/client/rest/index.js';
import { startTestServer, type TestServer } from './support/server.js';
import { VOTING_CODES } from './support/seed.js';

// The library's own REST client against the real server: the two ends of the contract agree.
let server: TestServer;
let client: CivicClient;
before(async () => {
  server = await startTestServer();
  client = createRestClient({ baseUrl: `${server.origin}/api`, retries: 0 });
});
after(() => server.stop());

async function civicError(promise: Promise<unknown>): Promise<CivicError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CivicError);
    return error;
  }
  assert.fail('expected a CivicError');
}

test('the REST client reads rounds, proposals, simulations and forms from the server', async () => {
  assert.equal((await client.getRound('open-round')).status, 'open');
  assert.equal((await client.listProposals('open-round', { sort: 'cost-asc' })).items[0]!.id, 'benches');
  assert.equal((await client.getProposal('trees')).title, 'Street trees');
  assert.equal((await client.getSimulation('fernwick-budget-2026')).currency, 'GBP');
  assert.equal((await client.getForm('fernwick-feedback')).questions.length, 5);
  assert.equal((await client.getResults('closed-round', { rule: 'equal-shares' })).rule, 'equal-shares');
});

test('a ballot sent by the client is counted once, and its receipt checks out', async () => {
  const receipt = await client.submitBallot({ roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: VOTING_CODES[0] }, { idempotencyKey: 'client-1' });
  assert.deepEqual(await client.submitBallot({ roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: VOTING_CODES[0] }, { idempotencyKey: 'client-1' }), receipt);
  assert.deepEqual(await client.getReceipt(receipt.id), receipt);
  assert.equal((await civicError(client.getReceipt('no-such-receipt'))).code, 'not-found');
});

test('the server’s refusals reach the client as the codes an element shows', async () => {
  assert.equal((await civicError(client.submitBallot({ roundId: 'closed-round', kind: 'approval', selections: ['x-trees'] }))).code, 'closed');
  assert.equal((await civicError(client.submitBallot({ roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: VOTING_CODES[0] }))).code, 'conflict', 'a used code: the form says it was used');
  // Voter credentials are not part of what a key identifies (nothing stored may tie a receipt to a code).
  assert.equal((await civicError(client.submitBallot({ roundId: 'code-round', kind: 'approval', selections: ['c-benches'], votingCode: VOTING_CODES[1] }, { idempotencyKey: 'client-1' }))).code, 'validation', 'a key reused for another ballot');
  const invalid = await civicError(client.submitBallot({ roundId: 'open-round', kind: 'approval', selections: ['trees', 'benches', 'lights'] }));
  assert.equal(invalid.code, 'validation');
  assert.ok(invalid.fieldErrors.some((error) => error.field === 'selections'));
  assert.equal((await civicError(client.getRound('nope'))).code, 'not-found');
  const unpublished = await civicError(client.getResults('open-round'));
  assert.deepEqual([unpublished.code, unpublished.status], ['unauthorized', 403], 'not published yet: the results element says when they will be');
});
