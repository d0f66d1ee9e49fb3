import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../server/db/lock.js';
import { POSTGRES_URL, type TestDatabase } from './support/database.js';
import { databaseEnv, runToEnd, spawnServer, type ServerProcess } from './support/process.js';
import { seededDatabase } from './support/seeded.js';
import { ADMIN_TOKEN, callApi, newKey, VOTER_TOKEN_SECRET } from './support/server.js';
import { voterToken } from './support/tokens.js';

let database: TestDatabase;
let env: Record<string, string | undefined>;
before(async () => {
  database = await seededDatabase();
  env = { ...databaseEnv(database), VOTER_TOKEN_SECRET, ADMIN_TOKEN };
});
after(() => database.dispose());

const ballotFor = async (voter: string) => ({ roundId: 'token-round', kind: 'approval', selections: ['t-trees'], voterToken: await voterToken(voter) });

test('every ballot answered 201 survives SIGKILL in the middle of a burst, and resending the rest stores each once', async () => {
  let server: ServerProcess = await spawnServer(env);
  const voters = Array.from({ length: 400 }, (_, i) => ({ voter: `burst-${i}`, key: newKey() }));
  const acknowledged = new Map<string, string>();
  let sent = 0;
  let killed = false;
  const sendOne = async (index: number) => {
    const { voter, key } = voters[index]!;
    try {
      const response = await fetch(`${server.origin}/api/rounds/token-round/ballots`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(await ballotFor(voter)) });
      if (response.status === 201) acknowledged.set(key, (await response.json()).id);
      if (acknowledged.size >= 150 && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    } catch {
      // The server was killed: this one got no answer.
    }
  };
  const workers = Array.from({ length: 20 }, async () => {
    while (sent < voters.length && !killed) await sendOne(sent++);
  });
  await Promise.all(workers);
  assert.equal(await server.exited, 'SIGKILL');
  assert.ok(acknowledged.size >= 150, `${acknowledged.size} acknowledged before the kill`);

  if (!POSTGRES_URL) assert.ok(existsSync(join(database.dataDir, LOCK_FILE)), 'the killed server left its lock behind');
  server = await spawnServer(env);
  try {
    for (const [key, receipt] of acknowledged) {
      const answer = await callApi(server.origin, 'GET', `/receipts/${receipt}`);
      assert.equal(answer.status, 200, `acknowledged ballot ${key} is there`);
    }
    // Resend everything that was sent, acknowledged or not, with the same keys.
    const resent = await Promise.all(voters.slice(0, sent).map(async ({ voter, key }) => (await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor(voter), key })).status));
    assert.ok(resent.every((status) => status === 200 || status === 201), `resent: ${[...new Set(resent)].join(', ')}`);
    assert.equal(resent.filter((status) => status === 200).length >= acknowledged.size, true, 'the acknowledged ones answer their original receipt');
    const results = await callApi(server.origin, 'GET', '/rounds/token-round/results', { admin: true });
    assert.equal(results.body.proposals[0].votes, sent, 'each ballot counted once');
  } finally {
    await server.kill();
  }
});

test('the data folder is locked: a second server or an import refuses clearly and changes nothing; a stale lock is taken over', { skip: POSTGRES_URL ? 'PGlite only' : false }, async () => {
  const server = await spawnServer(env);
  try {
    const before = await callApi(server.origin, 'GET', '/rounds/token-round/results', { admin: true });
    const second = await runToEnd(['server/main.ts'], env);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /^civic-widgets server: The data folder .* is in use by the server \(pid \d+/);
    assert.equal(second.stderr.trim().split('\n').length, 1, 'one line');
    const imported = await runToEnd(['scripts/cli/import.ts', 'test/fixtures/pabulib/Netherlands_Assen_2024.pb'], env);
    assert.equal(imported.code, 1);
    assert.match(imported.stderr, /in use by the server/);
    const after = await callApi(server.origin, 'GET', '/rounds/token-round/results', { admin: true });
    assert.deepEqual(after.body, before.body);
    assert.equal((await callApi(server.origin, 'GET', '/rounds/Netherlands_Assen_2024')).status, 404, 'nothing imported');
  } finally {
    await server.kill();
  }
  assert.ok(!existsSync(join(database.dataDir, LOCK_FILE)), 'a clean stop removes the lock');
  // A lock from a process that no longer runs (a pid far above any in use) is stale.
  writeFileSync(join(database.dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), startTicks: '1', since: '2026-01-01T00:00:00Z' }));
  const next = await spawnServer(env);
  assert.match(readFileSync(join(database.dataDir, LOCK_FILE), 'utf8'), new RegExp(`"pid":${next.child.pid}`));
  await next.kill();
});

test('a copy of the data folder, made while the server is stopped, starts elsewhere with every ballot; a lock brought from another machine says how to clear it', { skip: POSTGRES_URL ? 'PGlite only' : false }, async () => {
  const server = await spawnServer(env);
  let before;
  try {
    assert.equal((await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor('before-the-backup') })).status, 201);
    before = await callApi(server.origin, 'GET', '/rounds/token-round/results', { admin: true });
  } finally {
    await server.kill();
  }
  const copy = mkdtempSync(join(tmpdir(), 'civic-backup-'));
  try {
    cpSync(database.dataDir, copy, { recursive: true });
    // As if the copy were taken from a machine whose server was killed: its lock names that machine.
    const lock = JSON.stringify({ pid: process.pid, host: 'counting-hall-pc', startTicks: null, since: '2026-11-30T18:00:00Z', what: 'the server' });
    writeFileSync(join(copy, LOCK_FILE), lock);
    const refused = await runToEnd(['server/main.ts'], { ...env, CIVIC_DATA_DIR: copy });
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr.trim().split('\n').length, 1, 'one line');
    assert.match(refused.stderr, /in use by the server on counting-hall-pc \(pid \d+, since 2026-11-30T18:00:00Z\); stop it there first\. If no process on counting-hall-pc uses this folder any more \(a copy brought here\), delete .*civic\.lock\.$/m);
    assert.equal(readFileSync(join(copy, LOCK_FILE), 'utf8'), lock, 'the lock is left for the person to judge');
    rmSync(join(copy, LOCK_FILE));
    const restored = await spawnServer({ ...env, CIVIC_DATA_DIR: copy });
    try {
      const after = await callApi(restored.origin, 'GET', '/rounds/token-round/results', { admin: true });
      assert.deepEqual(after.body, before.body, 'the same results, the last ballot included');
      const again = await callApi(restored.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor('before-the-backup') });
      assert.equal(again.status, 409, 'the register came with the ballots');
    } finally {
      await restored.kill();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

/** Stops or starts the PostgreSQL cluster of the tests (CIVIC_TEST_PGDATA, run as its owner). */
function pgCtl(action: 'stop' | 'start') {
  const dataDir = process.env.CIVIC_TEST_PGDATA!;
  const command = `/usr/lib/postgresql/15/bin/pg_ctl -D ${dataDir} -l ${dataDir}/restart.log -w ${action}${action === 'stop' ? ' -m fast' : ''}`;
  execFileSync(process.getuid?.() === 0 ? 'su' : 'sh', process.getuid?.() === 0 ? ['postgres', '-c', command] : ['-c', command], { stdio: 'ignore' });
}

test('through a PostgreSQL restart the server answers 503 with Retry-After, then recovers by itself', { skip: !POSTGRES_URL ? 'PostgreSQL only' : !process.env.CIVIC_TEST_PGDATA ? 'needs CIVIC_TEST_PGDATA to restart PostgreSQL' : false }, async () => {
  const server = await spawnServer(env);
  try {
    assert.equal((await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor('restart-1') })).status, 201);
    pgCtl('stop');
    let down;
    try {
      down = await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor('restart-2') });
      assert.equal(down.status, 503);
      assert.match(down.headers.get('retry-after') ?? '', /^\d+$/);
      assert.match(down.body.detail, /briefly unavailable/);
      assert.equal((await callApi(server.origin, 'GET', '/receipts/anything')).status, 503);
    } finally {
      pgCtl('start');
    }
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 201; attempt++) {
      status = (await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor('restart-2') })).status;
      if (status !== 201) await new Promise((wait) => setTimeout(wait, 200));
    }
    assert.equal(status, 201, 'the same voter votes once PostgreSQL is back');
    assert.equal(server.child.exitCode, null, 'the server kept running');
  } finally {
    await server.kill();
  }
});

test('two server processes on one PostgreSQL keep one ballot per voter and one answer per key', { skip: POSTGRES_URL ? false : 'PostgreSQL only' }, async () => {
  const [first, second] = await Promise.all([spawnServer(env), spawnServer(env)]);
  try {
    for (let i = 0; i < 10; i++) {
      const key = newKey();
      const body = await ballotFor(`keyed-${i}`);
      const sameKey = await Promise.all([first, second].map((server) => callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body, key })));
      assert.deepEqual(sameKey.map((answer) => answer.status).sort(), [200, 201], `key ${i}`);
      assert.deepEqual(sameKey[0]!.body, sameKey[1]!.body, 'the same receipt');
    }
    // Last: each refusal counts against the address (10 per window), and one process may lose every race.
    for (let i = 0; i < 10; i++) {
      const sameVoter = await Promise.all([first, second].map(async (server) => (await callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: await ballotFor(`twin-${i}`) })).status));
      assert.deepEqual(sameVoter.sort(), [201, 409], `voter twin-${i}`);
    }
  } finally {
    await Promise.all([first.kill(), second.kill()]);
  }
});

test('two server processes given one key for two different ballots at once store one; the other voter can still vote', { skip: POSTGRES_URL ? false : 'PostgreSQL only' }, async () => {
  const [first, second] = await Promise.all([spawnServer(env), spawnServer(env)]);
  try {
    for (let i = 0; i < 10; i++) {
      const key = newKey();
      const bodies = [{ ...(await ballotFor(`shared-key-a-${i}`)), selections: ['t-trees'] }, { ...(await ballotFor(`shared-key-b-${i}`)), selections: ['t-benches'] }];
      const answers = await Promise.all([first, second].map((server, index) => callApi(server.origin, 'POST', '/rounds/token-round/ballots', { body: bodies[index], key })));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 422], `key ${i}`);
      const refused = bodies[answers.findIndex((answer) => answer.status === 422)]!;
      const again = await callApi(first.origin, 'POST', '/rounds/token-round/ballots', { body: refused });
      assert.equal(again.status, 201, 'the refused voter left no trace in the register');
    }
  } finally {
    await Promise.all([first.kill(), second.kill()]);
  }
});
