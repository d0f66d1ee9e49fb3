import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { OPENAPI_PATH, operations } from '../../server/http/contract.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

test('docs/openapi.yaml is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(OPENAPI_PATH);
  assert.deepEqual(result.errors, undefined);
  assert.equal(result.valid, true);
});

test('the server has a route for every operation of the contract, and the admin ones need the token', () => {
  assert.ok(operations.length >= 15);
  for (const { method, url, operationId } of operations) {
    assert.ok(server.app.fastify.hasRoute({ method, url: `/api${url}` }), `${operationId}: ${method} /api${url}`);
  }
  assert.deepEqual(
    operations.filter((operation) => operation.admin).map((operation) => operation.operationId).sort(),
    ['createFacilitatorCode', 'createVotingCodes', 'enterPaperBallot', 'exportFeedbackResponses', 'exportRound', 'exportSimulationSubmissions', 'getPaperAudit', 'getPaperBatch', 'setRoundStatus', 'settlePaperBallot'],
  );
});
