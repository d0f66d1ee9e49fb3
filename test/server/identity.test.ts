import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { startTestServer, newKey, type TestServer } from './support/server.js';
import { VOTING_CODES } from './support/seed.js';
import { voterToken } from './support/tokens.js';

let server: TestServer;
// Behind a (pretend) proxy, so each test can come from its own client address.
before(async () => (server = await startTestServer({ config: { trustProxy: true, limits: { ...DEFAULT_LIMITS, openBallotsPerWindow: 5, failedAttemptsPerWindow: 6 } } })));
after(() => server.stop());

const tokenBallot = (voterToken: string, selections = ['t-trees']) => ({ roundId: 'token-round', kind: 'approval', selections, voterToken });
const codeBallot = (votingCode: string, selections = ['c-trees']) => ({ roundId: 'code-round', kind: 'approval', selections, votingCode });
let address = '';
const vote = (round: string, body: unknown, key?: string) => server.api('POST', `/rounds/${round}/ballots`, { body, key, headers: { 'x-forwarded-for': address } });
let addresses = 0;
beforeEach(() => (address = `192.0.2.${++addresses}`));

test('a voter with a signed token votes once per round; a second ballot is a 409', async () => {
  assert.equal((await vote('token-round', tokenBallot(await voterToken('resident-1')))).status, 201);
  const again = await vote('token-round', tokenBallot(await voterToken('resident-1'), ['t-benches']));
  assert.equal(again.status, 409);
  assert.match(again.body.type, /\/already-voted$/);
  assert.equal((await vote('token-round', tokenBallot(await voterToken('resident-2', { aud: 'token-round' })))).status, 201, 'aud naming the round');
});

test('the same voter sending two ballots at once gets exactly one counted', async () => {
  const token = await voterToken('resident-3');
  const answers = await Promise.all([vote('token-round', tokenBallot(token)), vote('token-round', tokenBallot(token, ['t-benches'])), vote('token-round', tokenBallot(token, ['t-lights']))]);
  assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409, 409]);
});

test('a refused token says why: missing, expired, forged, for another round, naming no voter', async () => {
  const cases: Array<[unknown, number, RegExp]> = [
    [{ roundId: 'token-round', kind: 'approval', selections: ['t-trees'] }, 401, /voter-token-required/],
    [tokenBallot(await voterToken('late', { expiresIn: Math.floor(Date.now() / 1000) - 60 })), 401, /voter-token-expired/],
    [tokenBallot(await voterToken('forger', { secret: 'another-secret-that-is-long-enough-0123' })), 401, /voter-token-refused/],
    [tokenBallot('not.a.jwt'), 401, /voter-token-refused/],
    [tokenBallot(await voterToken('elsewhere', { aud: 'another-round' })), 403, /voter-token-other-round/],
    [tokenBallot(await voterToken(undefined)), 401, /voter-token-refused/],
  ];
  for (const [body, status, type] of cases) {
    const answer = await vote('token-round', body);
    assert.equal(answer.status, status, JSON.stringify(body));
    assert.match(answer.body.type, type);
  }
});

test('a voting code is used once, typed in any case and with or without hyphens', async () => {
  assert.equal((await vote('code-round', codeBallot(VOTING_CODES[0]!.toLowerCase().replaceAll('-', ' ')))).status, 201);
  const reused = await vote('code-round', codeBallot(VOTING_CODES[0]!));
  assert.equal(reused.status, 409, 'a used code is a conflict (the client says conflict), an unknown one unauthorised');
  assert.match(reused.body.type, /\/voting-code-used$/);
  const unknown = await vote('code-round', codeBallot('ZZZZ-ZZZZ-ZZZZ'));
  assert.equal(unknown.status, 403);
  assert.match(unknown.body.type, /\/voting-code-unknown$/);
  assert.equal((await vote('code-round', codeBallot(''))).status, 401);
});

test('a refused ballot leaves no trace: its code and its voter can still vote', async () => {
  const before = await server.counts();
  const key = newKey();
  assert.equal((await vote('code-round', codeBallot(VOTING_CODES[1]!, ['c-trees', 'c-lights', 'c-benches']), key)).status, 422);
  assert.equal((await vote('token-round', tokenBallot(await voterToken('resident-9'), ['nope']))).status, 422);
  assert.deepEqual(await server.counts(), before);
  assert.equal((await vote('code-round', codeBallot(VOTING_CODES[1]!), key)).status, 201, 'the same key, now with a valid ballot');
  assert.equal((await vote('token-round', tokenBallot(await voterToken('resident-9')))).status, 201);
});

test('the register of who voted shares nothing with the ballot box', async () => {
  const { db } = server.database;
  const columns = async (table: string) => (await db.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table])).map((row) => row.column_name);
  const registerColumns = await columns('voters');
  assert.deepEqual(registerColumns.sort(), ['round_id', 'voter_hash'], 'no time and no ballot id in the register');
  assert.deepEqual((await columns('ballots')).filter((column) => registerColumns.includes(column)), ['round_id'], 'only the round in common');
  const voters = await db.query<{ voter_hash: string }>('SELECT voter_hash FROM voters');
  assert.ok(voters.length >= 4);
  const box = JSON.stringify([await db.query('SELECT * FROM ballots'), await db.query('SELECT * FROM idempotency')]);
  for (const { voter_hash } of voters) {
    assert.ok(!box.includes(voter_hash.split(':')[1]!), 'no register entry appears in the ballot box or the receipts');
  }
  for (const word of ['resident-1', 'ABCDEFGHJK23', 'ABCD-EFGH-JK23']) assert.ok(!box.toLowerCase().includes(word.toLowerCase()), `${word} is nowhere in the ballot box`);
  // Rows of one batch go in in different orders: the box by random receipt id, the register by hash.
  const jobs = Array.from({ length: 20 }, (_, i) => ({
    kind: 'ballot' as const, idempotencyKey: newKey(), fingerprint: `f${i}`, targetId: 'token-round', payload: ['t-trees'], voterHash: `token:batch-${String(19 - i).padStart(2, '0')}`,
  }));
  const outcomes = await Promise.all(jobs.map((job) => server.app.context.writer.submit(job)));
  const receiptIds = outcomes.map((outcome) => ('receipt' in outcome ? outcome.receipt.id : ''));
  const boxOrder = (await db.query<{ id: string }>('SELECT id FROM ballots WHERE id = ANY($1::text[]) ORDER BY ctid', [receiptIds])).map((row) => row.id);
  assert.deepEqual(boxOrder, [...receiptIds].sort(), 'the box is in receipt-id order, which is random');
  const registerOrder = (await db.query<{ voter_hash: string }>("SELECT voter_hash FROM voters WHERE voter_hash LIKE 'token:batch-%' ORDER BY ctid")).map((row) => row.voter_hash);
  assert.deepEqual(registerOrder, jobs.map((job) => job.voterHash).sort(), 'the register is in hash order, not the order ballots came in');
});

test('open rounds are limited per client address', async () => {
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await vote('open-round', { roundId: 'open-round', kind: 'approval', selections: ['trees'] }));
  assert.deepEqual(answers.map((answer) => answer.status), [201, 201, 201, 201, 201, 429]);
  assert.match(answers[5]!.headers.get('retry-after') ?? '', /^\d+$/);
});

test('refused codes and tokens are limited per address, genuine voters are not', async () => {
  // Earlier tests refused several already; a few more reach the limit of 6.
  let status = 0;
  for (let i = 0; i < 8 && status !== 429; i++) status = (await vote('code-round', codeBallot(`WRONG-${i}`))).status;
  assert.equal(status, 429);
  const locked = await vote('code-round', codeBallot(VOTING_CODES[2]!));
  assert.equal(locked.status, 429, 'even a right code, until the window ends');
  // Genuine token voters were never refused, so many of them pass from one address. The limiter is per bucket.
});
