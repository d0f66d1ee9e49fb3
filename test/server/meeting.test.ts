import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SeedImport } from '../../server/store/import.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';
import { testSeed, TEST_NOW } from './support/seed.js';
import { openEventStream } from './support/sse.js';

const FACILITATOR = 'PANL-FACI-2026';
const CODES = Array.from({ length: 12 }, (_, i) => `PANEL-CODE-${String(i + 1).padStart(2, '0')}`);

/** The test seed and a panel round that opens when the facilitator opens voting. */
function panelSeed(): SeedImport {
  const seed = testSeed();
  const open = seed.rounds![0]!;
  seed.rounds!.push({
    round: { ...open.round, id: 'panel-round', title: 'Resident panel', opensAt: null, closesAt: null, status: 'upcoming', voterIdentity: 'code' },
    proposals: open.proposals.map((proposal) => ({ ...proposal, id: `panel-${proposal.id}`, roundId: 'panel-round' })),
    votingCodes: CODES,
    facilitatorCode: FACILITATOR,
  });
  return seed;
}

let server: TestServer;
before(async () => (server = await startTestServer({ seed: panelSeed(), config: { live: { pollMs: 50, heartbeatMs: 300 } } })));
after(() => server.stop());

const facilitator = { authorization: `Bearer ${FACILITATOR}` };
const change = (body: unknown, headers: Record<string, string> = facilitator) => server.api('PUT', '/rounds/panel-round/meeting', { body, headers });
const vote = (code: string, selections = ['panel-trees']) =>
  server.api('POST', '/rounds/panel-round/ballots', { body: { roundId: 'panel-round', kind: 'approval', selections, votingCode: code } });

test('a round nobody has met on shows the welcome, no timer, and voting as the round has it', async () => {
  const { status, body } = await server.api('GET', '/rounds/open-round/meeting');
  assert.equal(status, 200);
  assert.deepEqual({ ...body, version: undefined, serverTime: undefined }, { roundId: 'open-round', proposalId: null, timer: null, voting: 'open', revealed: false, ballots: 0, version: undefined, serverTime: undefined });
  assert.equal((await server.api('GET', '/rounds/panel-round/meeting')).body.voting, 'not-open');
  assert.equal((await server.api('GET', '/rounds/nowhere/meeting')).status, 404);
});

test('only the facilitator code or the admin token changes the meeting, never a resident’s voting code', async () => {
  for (const headers of [{}, { authorization: `Bearer ${CODES[0]}` }, { authorization: 'Bearer WRONG-CODE-0000' }] as Array<Record<string, string>>) {
    const refused = await change({ proposalId: 'panel-trees' }, headers);
    assert.equal(refused.status, 401);
    assert.match(refused.body.detail, /facilitator/);
  }
  // The open round's facilitator code does not work on another round.
  assert.equal((await server.api('PUT', '/rounds/open-round/meeting', { body: { proposalId: 'trees' }, headers: facilitator })).status, 401);
  assert.equal((await server.api('GET', '/rounds/panel-round/meeting')).body.proposalId, null, 'nothing changed');
  const byAdmin = await change({ proposalId: 'panel-benches' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
  assert.equal(byAdmin.status, 200);
  assert.equal(byAdmin.body.proposalId, 'panel-benches');
});

test('the facilitator moves the agenda and sets a timer; a mistake is refused with the reason', async () => {
  const moved = await change({ proposalId: 'panel-trees', timerSeconds: 120 });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.proposalId, 'panel-trees');
  assert.deepEqual(moved.body.timer, { seconds: 120, endsAt: new Date(TEST_NOW.getTime() + 120_000).toISOString() });
  const unknown = await change({ proposalId: 'trees' });
  assert.equal(unknown.status, 422);
  assert.match(unknown.body.detail, /no proposal trees in this round/);
  assert.equal((await change({ timerSeconds: 0 })).status, 400, 'the contract refuses a timer of 0 seconds');
  const early = await change({ revealed: true });
  assert.equal(early.status, 422);
  assert.match(early.body.detail, /Close voting before revealing/);
  const stopped = await change({ timerSeconds: null });
  assert.equal(stopped.body.timer, null);
  assert.equal(stopped.body.proposalId, 'panel-trees', 'what is not in the change stays');
});

test('the live stream counts ballots as they arrive and catches up after a dropped connection, counting none twice', async () => {
  const stream = await openEventStream(server.origin, '/rounds/panel-round/live');
  assert.match(stream.headers.get('content-type')!, /^text\/event-stream/);
  const first = await stream.nextState();
  assert.equal(first.ballots, 0);
  assert.equal(first.eventId, first.version);

  const opened = await change({ voting: 'open' });
  assert.equal(opened.body.voting, 'open');
  assert.equal((await stream.nextState()).voting, 'open');
  assert.equal((await vote(CODES[0]!)).status, 201);
  const counted = await stream.nextState();
  assert.equal(counted.ballots, 1);
  assert.ok(!('selections' in counted), 'never the choices');

  // The projector's connection drops; three more vote meanwhile, one of them twice with the same code.
  stream.close();
  for (const code of CODES.slice(1, 4)) assert.equal((await vote(code)).status, 201);
  assert.equal((await vote(CODES[1]!)).status, 409, 'a used code');
  const again = await openEventStream(server.origin, '/rounds/panel-round/live', counted.eventId);
  const caughtUp = await again.nextState();
  assert.equal(caughtUp.ballots, 4);
  again.close();

  // A reconnect that is already up to date gets no state again, only the stream's heartbeat.
  const upToDate = await openEventStream(server.origin, '/rounds/panel-round/live', caughtUp.eventId);
  const seen: string[] = [];
  for (;;) {
    const event = await upToDate.next();
    seen.push(event.event);
    if (event.event === 'comment' && event.data === 'heartbeat') break;
  }
  assert.ok(!seen.includes('meeting'), `no state twice: ${seen.join(', ')}`);
  upToDate.close();
});

test('closing voting refuses ballots; revealing needs it closed and shows results; reopening hides them', async () => {
  const closed = await change({ voting: 'closed' });
  assert.equal(closed.body.voting, 'closed');
  assert.equal((await vote(CODES[5]!)).status, 409);
  const revealed = await change({ revealed: true });
  assert.equal(revealed.body.revealed, true);
  const results = await server.api('GET', '/rounds/panel-round/results');
  assert.equal(results.status, 200);
  assert.equal(results.body.ballots, 4);
  const polled = await server.api('GET', '/rounds/panel-round/meeting');
  assert.deepEqual([polled.body.revealed, polled.body.ballots], [true, 4]);
  const reopened = await change({ voting: 'open' });
  assert.deepEqual([reopened.body.voting, reopened.body.revealed], ['open', false]);
  await change({ voting: 'closed' });
});

test('an admin makes a new facilitator code; the old one stops working', async () => {
  assert.equal((await server.api('POST', '/rounds/panel-round/facilitator-code', { body: {}, headers: facilitator })).status, 401, 'a facilitator cannot make codes');
  const made = await server.api('POST', '/rounds/panel-round/facilitator-code', { body: {}, admin: true });
  assert.equal(made.status, 201);
  assert.match(made.body.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal((await change({ proposalId: null })).status, 401);
  const withNew = await change({ proposalId: null }, { authorization: `Bearer ${made.body.code.toLowerCase()}` });
  assert.equal(withNew.status, 200, 'typed in any case');
});
