import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePabulib, toBallots } from '../../src/domain/pabulib/index.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
before(async () => (server = await startTestServer()));
after(() => server.stop());

const enter = (round: string, number: string, body: unknown, admin = true) => server.api('PUT', `/rounds/${round}/paper-ballots/${number}`, { body, admin });
const settle = (round: string, number: string, body: unknown) => server.api('PUT', `/rounds/${round}/paper-ballots/${number}/settlement`, { body, admin: true });

test('paper routes need the admin token, and a stranger learns nothing', async () => {
  const before = await server.counts();
  const refused = await enter('open-round', '1', { batch: 'B1', clerk: 'Ann', selections: ['trees'] }, false);
  assert.equal(refused.status, 401);
  for (const path of ['/rounds/open-round/paper-batches/B1', '/rounds/open-round/paper-audit']) assert.equal((await server.api('GET', path)).status, 401);
  assert.equal((await settle('open-round', '1', { settledBy: 'Cy', selections: ['trees'] }).then(() => server.api('PUT', '/rounds/open-round/paper-ballots/1/settlement', { body: { settledBy: 'Cy', selections: [] } }))).status, 401);
  assert.deepEqual(await server.counts(), before);
});

test('a paper ballot is checked by the same rules as an online one, with the rule’s message', async () => {
  const tooMany = await enter('closed-round', '7', { batch: 'B1', clerk: 'Ann', selections: ['x-trees', 'x-benches', 'x-lights'] });
  assert.equal(tooMany.status, 422);
  assert.match(tooMany.body.detail, /^Choose at most 2 \(you chose 3\)\./);
  const unknown = await enter('closed-round', '7', { batch: 'B1', clerk: 'Ann', selections: ['x-parks'] });
  assert.equal(unknown.status, 422);
  assert.deepEqual(unknown.body.errors.map((error: { field: string }) => error.field), ['selections.x-parks']);
  const badNumber = await enter('closed-round', 'seven%20x', { batch: 'B1', clerk: 'Ann', selections: ['x-trees'] });
  assert.equal(badNumber.status, 400);
  const noClerk = await enter('closed-round', '7', { batch: 'B1', clerk: '  ', selections: ['x-trees'] });
  assert.equal(noClerk.status, 400);
  assert.equal((await enter('no-such-round', '7', { batch: 'B1', clerk: 'Ann', selections: [] })).status, 404);
});

test('double entry: agreed ballots count, a mismatch waits for a third person, who settles it', async () => {
  const online = (await server.api('GET', '/rounds/closed-round/results')).body;
  assert.deepEqual(online.sources, { online: 3, paper: 0 });

  // Ann keys the batch; order on the paper means nothing for approval ballots.
  assert.deepEqual((await enter('closed-round', '101', { batch: 'B1', clerk: 'Ann Lee', selections: ['x-trees', 'x-benches'] })).body, { roundId: 'closed-round', number: '101', batch: 'B1', status: 'waiting', change: 'entered' });
  await enter('closed-round', '102', { batch: 'B1', clerk: 'Ann Lee', selections: ['x-lights'] });
  // Bob keys it independently; he reads 102 differently.
  assert.equal((await enter('closed-round', '101', { batch: 'B1', clerk: 'Bob', selections: ['x-benches', 'x-trees'] })).body.status, 'agreed');
  const differs = await enter('closed-round', '102', { batch: 'B1', clerk: 'Bob', selections: ['x-trees'] });
  assert.equal(differs.body.status, 'mismatch');
  assert.equal(differs.body.selections, undefined, 'the other clerk’s entry is not shown to a clerk');

  let results = (await server.api('GET', '/rounds/closed-round/results')).body;
  assert.deepEqual(results.sources, { online: 3, paper: 1 }, 'only the agreed ballot counts');
  assert.equal(results.ballots, 4);

  const batch = (await server.api('GET', '/rounds/closed-round/paper-batches/B1', { admin: true })).body;
  assert.deepEqual(batch.counts, { waiting: 0, agreed: 1, mismatch: 1, settled: 0 });
  const mismatch = batch.ballots.find((ballot: { number: string }) => ballot.number === '102');
  assert.deepEqual(mismatch.entries.map((entry: { clerk: string; selections: string[] }) => [entry.clerk, entry.selections]), [['Ann Lee', ['x-lights']], ['Bob', ['x-trees']]]);

  // Neither clerk may settle their own mismatch; the third person's reading is checked by the rules too.
  const own = await settle('closed-round', '102', { settledBy: 'ann lee', selections: ['x-lights'] });
  assert.equal(own.status, 409);
  assert.match(own.body.detail, /You entered ballot 102 yourself; a third person settles it\./);
  assert.equal((await settle('closed-round', '102', { settledBy: 'Cy', selections: ['x-trees', 'x-benches', 'x-lights'] })).status, 422);
  assert.equal((await settle('closed-round', '101', { settledBy: 'Cy', selections: ['x-trees'] })).body.type, 'https://civic-widgets.example/problems/paper-nothing-to-settle');
  const settled = await settle('closed-round', '102', { settledBy: 'Cy', selections: ['x-lights'] });
  assert.equal(settled.status, 200);
  assert.equal(settled.body.status, 'settled');
  assert.deepEqual(settled.body.settlement.selections, ['x-lights']);

  results = (await server.api('GET', '/rounds/closed-round/results')).body;
  assert.deepEqual(results.sources, { online: 3, paper: 2 });
  assert.equal(results.proposals.find((proposal: { id: string }) => proposal.id === 'x-lights').votes, 2);

  // Settled is final.
  const late = await enter('closed-round', '102', { batch: 'B1', clerk: 'Bob', selections: ['x-lights'] });
  assert.equal(late.status, 409);
  assert.match(late.body.detail, /settled by Cy/);
});

test('a clerk corrects their own entry; every change is in the audit log with who, when, before and after', async () => {
  const first = await enter('open-round', '5', { batch: 'A', clerk: 'Dee', selections: ['lights'] });
  assert.equal(first.body.change, 'entered');
  server.clock.set(new Date(server.clock.now.getTime() + 60_000));
  assert.equal((await enter('open-round', '5', { batch: 'A', clerk: 'Dee', selections: ['trees'] })).body.change, 'corrected');
  assert.equal((await enter('open-round', '5', { batch: 'A', clerk: 'Dee', selections: ['trees'] })).body.change, 'unchanged');
  const wrongBatch = await enter('open-round', '5', { batch: 'B', clerk: 'Eve', selections: ['trees'] });
  assert.equal(wrongBatch.status, 409);
  assert.equal(wrongBatch.body.detail, 'Ballot 5 was entered in batch A; enter it there.');
  await enter('open-round', '5', { batch: 'A', clerk: 'Eve', selections: ['trees'] });
  const third = await enter('open-round', '5', { batch: 'A', clerk: 'Fay', selections: ['trees'] });
  assert.equal(third.status, 409);
  assert.match(third.body.detail, /already been entered by Dee and Eve/);

  const audit = (await server.api('GET', '/rounds/open-round/paper-audit', { admin: true })).body;
  const lines = audit.entries.filter((line: { number: string }) => line.number === '5');
  assert.deepEqual(lines.map(({ actor, action, before, after }: Record<string, unknown>) => ({ actor, action, before, after })), [
    { actor: 'Dee', action: 'entered', before: null, after: ['lights'] },
    { actor: 'Dee', action: 'corrected', before: ['lights'], after: ['trees'] },
    { actor: 'Eve', action: 'entered', before: null, after: ['trees'] },
  ]);
  assert.ok(Date.parse(lines[1].at) - Date.parse(lines[0].at) === 60_000, 'when each change was made');
});

test('cumulative paper ballots compare by points, whatever order they were keyed in', async () => {
  await enter('cumulative-round', '1', { batch: 'C', clerk: 'Ann', selections: { 'p-trees': 4, 'p-lights': 6 } });
  const second = await enter('cumulative-round', '1', { batch: 'C', clerk: 'Bob', selections: { 'p-lights': 6, 'p-trees': 4 } });
  assert.equal(second.body.status, 'agreed');
  const over = await enter('cumulative-round', '2', { batch: 'C', clerk: 'Ann', selections: { 'p-trees': 6, 'p-lights': 6 } });
  assert.equal(over.status, 422);
  assert.equal(over.body.detail, 'Give at most 10 points in all (you gave 12).');
});

test('the pabulib export marks each ballot’s source, and the parser reads the file back', async () => {
  const response = await fetch(`${server.origin}/api/rounds/closed-round/export.pb`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const text = await response.text();
  const election = parsePabulib(text);
  assert.deepEqual(election.voteColumns, ['voter_id', 'vote', 'source']);
  assert.deepEqual(election.votes.map((vote) => vote.fields.source).sort(), ['online', 'online', 'online', 'paper', 'paper']);
  const paper = election.votes.filter((vote) => vote.fields.source === 'paper').map((vote) => vote.vote);
  assert.deepEqual(paper.sort(), [['x-benches', 'x-trees'], ['x-lights']]);
  assert.equal(toBallots(election, 'closed-round').length, 5);
  assert.equal(election.meta.num_votes, '5');
});

test('three clerks keying one ballot at the same moment: two entries are kept, the third is refused', async () => {
  const answers = await Promise.all(['Gil', 'Hal', 'Ivy'].map((clerk) => enter('open-round', 'race-1', { batch: 'R', clerk, selections: ['benches'] })));
  assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 200, 409]);
  const batch = (await server.api('GET', '/rounds/open-round/paper-batches/R', { admin: true })).body;
  assert.equal(batch.ballots[0].entries.length, 2);
  assert.deepEqual(batch.counts, { waiting: 0, agreed: 1, mismatch: 0, settled: 0 });
});
