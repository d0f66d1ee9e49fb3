import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePabulib, toBallots } from '../../src/domain/pabulib/index.js';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { startTestServer, newKey, ADMIN_TOKEN, type TestServer } from './support/server.js';

let server: TestServer;
before(async () => (server = await startTestServer({ config: { limits: { ...DEFAULT_LIMITS, openBallotsPerWindow: 1_000, failedAdminPerWindow: 20 } } })));
after(() => server.stop());

const adminRoutes: Array<[string, string, unknown?]> = [
  ['PUT', '/rounds/open-round/status', { status: 'closed' }],
  ['GET', '/rounds/closed-round/export.pb'],
  ['POST', '/rounds/code-round/codes', { count: 2 }],
  ['GET', '/simulations/fernwick-budget-2026/submissions.csv'],
  ['GET', '/forms/fernwick-feedback/responses.csv'],
];

test('admin routes need the admin token as a bearer token', async () => {
  for (const [method, path, body] of adminRoutes) {
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', ADMIN_TOKEN]) {
      const answer = await server.api(method, path, { body, headers: authorization ? { authorization } : {} });
      assert.equal(answer.status, 401, `${method} ${path} with ${authorization}`);
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
    }
  }
  assert.equal((await server.api('GET', '/rounds/open-round')).body.status, 'open', 'nothing changed');
});

test('an admin closes and reopens a round; voting follows at once', async () => {
  const closed = await server.api('PUT', '/rounds/open-round/status', { body: { status: 'closed' }, admin: true });
  assert.equal(closed.body.status, 'closed');
  const refused = await server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections: ['trees'] } });
  assert.equal(refused.status, 409);
  assert.match(refused.body.detail, /closed on 15 June 2026/);
  assert.equal((await server.api('GET', '/rounds/open-round/results')).status, 200, 'results are published');
  const reopened = await server.api('PUT', '/rounds/open-round/status', { body: { status: 'open' }, admin: true });
  assert.equal(reopened.body.status, 'open');
  assert.equal((await server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections: ['trees'] } })).status, 201);
  assert.equal((await server.api('PUT', '/rounds/upcoming-round/status', { body: { status: 'open' }, admin: true })).body.status, 'open', 'an upcoming round opens now');
  assert.equal((await server.api('PUT', '/rounds/open-round/status', { body: { status: 'paused' }, admin: true })).status, 400);
});

test('a round exports as a pabulib file the domain parser reads back, ballots and all', async () => {
  for (const selections of [['trees'], ['benches', 'trees']]) {
    await server.api('POST', '/rounds/open-round/ballots', { body: { roundId: 'open-round', kind: 'approval', selections } });
  }
  const response = await fetch(`${server.origin}/api/rounds/open-round/export.pb`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/plain/);
  const election = parsePabulib(await response.text());
  assert.deepEqual(election.projects.map((project) => project.id), ['trees', 'benches', 'lights']);
  const ballots = toBallots(election, 'open-round');
  assert.equal(ballots.length, (await server.database.db.query("SELECT id FROM ballots WHERE round_id = 'open-round'")).length);
  assert.ok(ballots.some((ballot) => JSON.stringify(ballot.selections) === '["benches","trees"]'));
});

test('voting codes are made by an admin, work once, and are shown only once', async () => {
  const key = newKey();
  const made = await server.api('POST', '/rounds/code-round/codes', { body: { count: 3 }, key, admin: true });
  assert.equal(made.status, 201);
  assert.equal(made.body.codes.length, 3);
  const code = made.body.codes[0] as string;
  assert.equal((await server.api('POST', '/rounds/code-round/ballots', { body: { roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: code } })).status, 201);
  assert.equal((await server.api('POST', '/rounds/code-round/ballots', { body: { roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: code } })).status, 409, 'a used code');
  const again = await server.api('POST', '/rounds/code-round/codes', { body: { count: 3 }, key, admin: true });
  assert.equal(again.status, 409, 'codes are never shown twice');
  const stored = JSON.stringify(await server.database.db.query('SELECT * FROM voting_codes UNION ALL SELECT key, response::text FROM idempotency'));
  for (const plain of made.body.codes as string[]) assert.ok(!stored.includes(plain) && !stored.includes(plain.replaceAll('-', '')), 'only hashes are kept');
  assert.equal((await server.api('POST', '/rounds/open-round/codes', { body: { count: 1 }, admin: true })).status, 409, 'not a code round');
  assert.equal((await server.api('POST', '/rounds/code-round/codes', { body: { count: 0 }, admin: true })).status, 400);
});

test('simulation submissions export as CSV: a baseline row, then one row per submission', async () => {
  const simulation = (await server.api('GET', '/simulations/fernwick-budget-2026')).body;
  const values = Object.fromEntries(simulation.lines.map((line: { id: string; baseline: number }) => [line.id, line.baseline]));
  await server.api('POST', '/simulations/fernwick-budget-2026/submissions', { body: { simulationId: 'fernwick-budget-2026', values, comment: '=HYPERLINK("x"), "quoted"' } });
  const response = await fetch(`${server.origin}/api/simulations/fernwick-budget-2026/submissions.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.match(response.headers.get('content-type')!, /^text\/csv/);
  const rows = (await response.text()).trimEnd().split('\r\n');
  assert.equal(rows.length, 3);
  assert.equal(rows[0], `id,received_at,${simulation.lines.map((line: { id: string }) => line.id).join(',')},comment`);
  assert.match(rows[1]!, /^baseline,,9800000000,/);
  assert.match(rows[2]!, /,"'=HYPERLINK\(""x""\), ""quoted"""$/, 'a formula is shown, not run, and quotes are doubled');
});

test('feedback responses export as CSV, one column per question', async () => {
  await server.api('POST', '/forms/fernwick-feedback/responses', { body: { formId: 'fernwick-feedback', proposalId: 'trees', answers: { ease: 5, consent: true, 'next-focus': ['play', 'community'] } } });
  const response = await fetch(`${server.origin}/api/forms/fernwick-feedback/responses.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const rows = (await response.text()).trimEnd().split('\r\n');
  assert.equal(rows[0], 'id,received_at,proposal_id,ease,improve,ward,next-focus,consent');
  assert.match(rows[1]!, /,trees,5,,,play; community,true$/);
});

test('CORS answers only the allowed origins', async () => {
  const preflight = (origin: string) => fetch(`${server.origin}/api/rounds/open-round/ballots`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' } });
  const allowed = await preflight('https://partner.example');
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://partner.example');
  assert.match(allowed.headers.get('access-control-allow-headers')!, /Idempotency-Key/i);
  const other = await preflight('https://elsewhere.example');
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  const read = await fetch(`${server.origin}/api/rounds/open-round`, { headers: { origin: 'https://elsewhere.example' } });
  assert.equal(read.headers.get('access-control-allow-origin'), null);
});

test('API answers, refusals included, are JSON that is never cached, sniffed, framed or allowed to load anything', async () => {
  const answers = [
    await fetch(`${server.origin}/api/rounds/open-round`),
    await fetch(`${server.origin}/api/rounds/no-such-round`),
    await fetch(`${server.origin}/api/rounds/open-round/ballots`, { method: 'POST', body: 'x=1', headers: { 'content-type': 'text/plain', 'idempotency-key': 'headers-1' } }),
  ];
  assert.deepEqual(answers.map((answer) => answer.status), [200, 404, 415]);
  for (const answer of answers) {
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(answer.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(answer.headers.get('x-frame-options'), 'DENY');
    assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
    assert.match(answer.headers.get('strict-transport-security')!, /max-age=\d+/);
  }
});

test('anything outside the API gets the pages\' strict policy: scripts and styles from this server only', async () => {
  const page = await fetch(`${server.origin}/no-such-page`);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(page.headers.get('content-security-policy')!, /default-src 'self'/);
  assert.match(page.headers.get('content-security-policy')!, /script-src 'self'(;|$)/);
  assert.match(page.headers.get('content-security-policy')!, /object-src 'none'/);
});

test('refused admin tokens are limited per address: then even the right one waits', async () => {
  let answer;
  do answer = await server.api('GET', '/rounds/closed-round/export.pb', { headers: { authorization: 'Bearer guess-guess-guess-guess' } });
  while (answer.status === 401);
  assert.equal(answer.status, 429);
  assert.equal((await server.api('GET', '/rounds/closed-round/export.pb', { admin: true })).status, 429);
});
