import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { startTestServer, newKey, type Counts, type TestServer } from './support/server.js';
import { assertContract } from './support/contract.js';
import { VOTING_CODES } from './support/seed.js';
import { voterToken } from './support/tokens.js';

let server: TestServer;
let stored: Counts;
before(async () => {
  server = await startTestServer();
  // One accepted ballot, so that "reused" and "stored nothing" mean something.
  assert.equal((await server.api('POST', '/rounds/code-round/ballots', { body: { roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: VOTING_CODES[3] } })).status, 201);
  stored = await server.counts();
});
after(() => server.stop());

/** A raw POST, checked against the contract like every answer. */
async function post(path: string, body: string | undefined, headers: Record<string, string>) {
  const response = await fetch(`${server.origin}/api${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  assertContract('POST', path, response.status, response.headers.get('content-type') ?? '', text);
  return { status: response.status, body: JSON.parse(text) };
}

const json = { 'content-type': 'application/json' };
const ballot = JSON.stringify({ roundId: 'open-round', kind: 'approval', selections: ['trees'] });

test('the Idempotency-Key is required and must match the contract: 400 otherwise', async () => {
  for (const key of [undefined, '', 'has space', 'é', 'k'.repeat(256)]) {
    const headers: Record<string, string> = key === undefined ? json : { ...json, 'idempotency-key': key };
    const answer = await post('/rounds/open-round/ballots', ballot, headers);
    assert.equal(answer.status, 400, `key ${JSON.stringify(key)}`);
    assert.equal(answer.body.errors[0].field, 'Idempotency-Key');
  }
  assert.equal((await post('/rounds/open-round/ballots', ballot, { ...json, 'idempotency-key': 'k'.repeat(255) })).status, 201, '255 characters is the most');
  stored = await server.counts();
});

test('a body that is not JSON is a 415, whatever it is', async () => {
  const key = { 'idempotency-key': newKey() };
  const form = new FormData();
  form.set('roundId', 'open-round');
  for (const [body, headers] of [
    [ballot, { ...key, 'content-type': 'text/plain' }],
    ['roundId=open-round', { ...key, 'content-type': 'application/x-www-form-urlencoded' }],
    [undefined, key],
    [ballot, { ...key, 'content-type': 'application/xml' }],
  ] as const) {
    assert.equal((await post('/rounds/open-round/ballots', body, headers as Record<string, string>)).status, 415);
  }
  const response = await fetch(`${server.origin}/api/rounds/open-round/ballots`, { method: 'POST', headers: key, body: form });
  assert.equal(response.status, 415, 'multipart');
  assertContract('POST', '/rounds/open-round/ballots', response.status, response.headers.get('content-type') ?? '', await response.text());
});

test('a body over the limit is a 413: 1 MB and 10 MB', async () => {
  for (const size of [1_100_000, 10_000_000]) {
    const big = JSON.stringify({ roundId: 'open-round', kind: 'approval', selections: ['trees'], padding: 'x'.repeat(size) });
    assert.equal((await post('/rounds/open-round/ballots', big, { ...json, 'idempotency-key': newKey() })).status, 413);
  }
});

test('malformed JSON, prototype keys, deep nesting, oversized arrays and unknown fields are 400', async () => {
  const bodies = [
    '{"roundId": "open-round", "kind": ',
    '{"roundId":"open-round","kind":"approval","selections":["trees"],"__proto__":{"admin":true}}',
    '{"roundId":"open-round","kind":"approval","selections":["trees"],"constructor":{"prototype":{"admin":true}}}',
    `{"roundId":"open-round","kind":"approval","selections":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    JSON.stringify({ roundId: 'open-round', kind: 'approval', selections: Array.from({ length: 10_001 }, (_, i) => `p${i}`) }),
    JSON.stringify({ roundId: 'open-round', kind: 'approval', selections: ['trees'], extra: { deep: [[[[[1]]]]] } }),
    JSON.stringify({ roundId: 'open-round', kind: 'approval', selections: ['trees'], votingCode: 'x'.repeat(201) }),
    JSON.stringify({ roundId: 'open-round', kind: 'cumulative', selections: { trees: -1 } }),
    '[]',
    'null',
  ];
  for (const body of bodies) {
    const answer = await post('/rounds/open-round/ballots', body, { ...json, 'idempotency-key': newKey() });
    assert.equal(answer.status, 400, body.slice(0, 120));
  }
});

test('SQL-looking text in every field and path is only ever data', async () => {
  const sql = ["'; DROP TABLE ballots; --", "' OR '1'='1", 'open-round\'); DELETE FROM voters; --', '$1', '\\x00'];
  for (const text of sql) {
    const path = encodeURIComponent(text);
    for (const route of [`/rounds/${path}`, `/proposals/${path}`, `/receipts/${path}`, `/simulations/${path}`, `/forms/${path}`, `/rounds/${path}/proposals?q=${path}&area=${path}`]) {
      assert.equal((await server.api('GET', route)).status, 404, route);
    }
    assert.equal((await server.api('GET', `/rounds/open-round/proposals?q=${path}&category=${path}`)).body.total, 0);
    const answers = await Promise.all([
      server.api('POST', `/rounds/${path}/ballots`, { body: { roundId: text, kind: 'approval', selections: [text] } }),
      server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections: [text] } }),
      server.api('POST', '/rounds/code-round/ballots', { body: { roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: text } }),
      server.api('POST', '/forms/fernwick-feedback/responses', { body: { formId: 'fernwick-feedback', answers: { [text]: text } } }),
      server.api('POST', '/simulations/fernwick-budget-2026/submissions', { body: { simulationId: 'fernwick-budget-2026', values: { [text]: 1 } } }),
      server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections: ['trees'] }, key: text.replace(/[^\x21-\x7e]/g, '') + 'x' }),
    ]);
    for (const answer of answers.slice(0, 5)) assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} ${answer.text}`);
  }
  const counts = await server.counts();
  assert.equal(counts.voters, stored.voters);
  assert.equal(counts.rounds, stored.rounds);
  assert.equal((await server.api('GET', '/rounds/open-round')).status, 200, 'every table is still there');
});

test('invalid and expired tokens and a reused code are refused, and nothing is stored', async () => {
  const before = await server.counts();
  const tokenBallot = (voterToken: string) => ({ roundId: 'token-round', kind: 'approval', selections: ['t-trees'], voterToken });
  const answers = [
    await server.api('POST', '/rounds/token-round/ballots', { body: tokenBallot('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.') }),
    await server.api('POST', '/rounds/token-round/ballots', { body: tokenBallot(await voterToken('x', { expiresIn: Math.floor(Date.now() / 1000) - 1 })) }),
    await server.api('POST', '/rounds/code-round/ballots', { body: { roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: VOTING_CODES[3] } }),
  ];
  assert.deepEqual(answers.map((answer) => answer.status), [401, 401, 409]);
  assert.deepEqual(await server.counts(), before);
});

test('unknown paths, wrong methods and Fastify’s own errors are problems too', async () => {
  assert.equal((await server.api('GET', '/nope')).status, 404);
  const wrongMethod = await server.api('DELETE', '/rounds/open-round');
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get('allow'), 'GET, HEAD');
  assert.equal((await server.api('PATCH', '/rounds/open-round/ballots', { body: {} })).status, 405);
  assert.equal((await server.api('GET', '/rounds/%E0%A4%A')).status, 400, 'a malformed escape');
  // A header too large never reaches Fastify's routing; the answer is still a problem.
  const answer = await new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const request = httpRequest(`${server.origin}/api/rounds/open-round`, { headers: { 'x-big': 'x'.repeat(20_000) } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'] ?? '', text }));
    });
    request.on('error', reject);
    request.end();
  });
  assert.equal(answer.status, 431);
  assert.equal(answer.type, 'application/problem+json');
  assert.equal(JSON.parse(answer.text).status, 431);
});

test('after every hostile request above, nothing was stored', async () => {
  const counts = await server.counts();
  // The SQL test's last request is a valid ballot with a strange but legal key, 5 of them.
  assert.equal(counts.ballots, stored.ballots + 5);
  assert.equal(counts.feedback_responses, stored.feedback_responses);
  assert.equal(counts.simulation_submissions, stored.simulation_submissions);
  assert.equal(counts.voters, stored.voters);
});
