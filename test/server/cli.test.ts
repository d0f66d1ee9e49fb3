import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/open.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import { databaseEnv, runToEnd, spawnServer } from './support/process.js';
import { VOTING_CODES } from './support/seed.js';
import { seedAroundNow } from './support/seeded.js';
import { callApi, VOTER_TOKEN_SECRET } from './support/server.js';

let database: TestDatabase;
let env: Record<string, string | undefined>;
let scratch: string;
before(async () => {
  database = await freshDatabase();
  env = databaseEnv(database);
  scratch = mkdtempSync(join(tmpdir(), 'civic-cli-'));
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.dispose();
});

const importFile = (...args: string[]) => runToEnd(['scripts/cli/import.ts', ...args], env);
const lastWord = (stdout: string) => stdout.trimEnd().split('\n').at(-1)!.split(' ').at(-1);
async function count(sql: string, params: unknown[] = []): Promise<number> {
  const open = await openDatabase(database);
  try {
    return (await open.db.query<{ n: number }>(sql, params))[0]!.n;
  } finally {
    await open.close();
  }
}

test('a pabulib file imports as a closed round with its votes as ballots; the id is the last word printed', async () => {
  const result = await importFile('test/fixtures/pabulib/Netherlands_Assen_2024.pb');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(lastWord(result.stdout), 'Netherlands_Assen_2024');
  assert.ok(result.stdout.endsWith('Netherlands_Assen_2024\n'), 'nothing after the id');
  assert.equal(await count("SELECT count(*)::int AS n FROM ballots WHERE round_id = 'Netherlands_Assen_2024'"), 84);
  const again = await importFile('test/fixtures/pabulib/Netherlands_Assen_2024.pb');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);
  const renamed = await importFile('test/fixtures/pabulib/Netherlands_Assen_2024.pb', '--id', 'assen-copy');
  assert.equal(lastWord(renamed.stdout), 'assen-copy');
});

test('a bad pabulib file imports nothing and the error names its line', async () => {
  const lines = readFileSync('test/fixtures/pabulib/Netherlands_Assen_2024.pb', 'utf8').split('\n');
  const at = lines.findIndex((line) => line.startsWith('PROJECTS')) + 2;
  lines[at] = lines[at]!.replace(/;\d+;/, ';lots;');
  const file = join(scratch, 'broken.pb');
  writeFileSync(file, lines.join('\n'));
  const result = await importFile(file, '--id', 'broken');
  assert.equal(result.code, 1);
  assert.match(result.stderr, new RegExp(`^error: line ${at + 1}: `));
  assert.equal(await count("SELECT count(*)::int AS n FROM rounds WHERE id = 'broken'"), 0);
});

test('a JSON seed imports rounds, codes, simulations and forms in one go; a bad one names the field and imports nothing', async () => {
  const seed = seedAroundNow();
  const file = join(scratch, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  const result = await importFile(file);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(lastWord(result.stdout), 'cumulative-round');
  const codes = seed.rounds!.reduce((n, round) => n + (round.votingCodes?.length ?? 0), 0);
  assert.ok(codes > 0 && seed.forms!.length > 0, 'the seed has codes and forms to import');
  assert.equal(await count('SELECT count(*)::int AS n FROM voting_codes'), codes);
  assert.equal(await count('SELECT count(*)::int AS n FROM forms'), seed.forms!.length);

  const bad = structuredClone(seed);
  bad.rounds = [{ ...bad.rounds![0]!, round: { ...bad.rounds![0]!.round, id: 'fresh-round' } }];
  bad.rounds[0]!.proposals[1]!.cost = -5;
  bad.simulations = [];
  bad.forms = [];
  writeFileSync(file, JSON.stringify(bad));
  const refused = await importFile(file);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^error: rounds\[0\]\.proposals\[1\]\.cost: must be >= 0/);
  writeFileSync(file, JSON.stringify({ ...bad, rounds: [{ ...bad.rounds[0], proposals: seed.rounds![0]!.proposals.map(({ roundId: _, ...proposal }) => proposal), ballots: [['nope']] }] }));
  assert.match((await importFile(file)).stderr, /^error: rounds\[0\]\.ballots\[0\]: /);
  writeFileSync(file, '{"rounds": [');
  assert.match((await importFile(file)).stderr, /^error: seed\.json( line \d+)?: not valid JSON/);
  assert.equal(await count("SELECT count(*)::int AS n FROM rounds WHERE id = 'fresh-round'"), 0);
});

test('npm run codes prints that many single-use codes as CSV, once', async () => {
  const result = await runToEnd(['scripts/cli/codes.ts', 'code-round', '25'], env);
  assert.equal(result.code, 0, result.stderr);
  const rows = result.stdout.trimEnd().split('\r\n');
  assert.equal(rows[0], 'round_id,code');
  assert.equal(rows.length, 26);
  assert.ok(rows.slice(1).every((row) => /^code-round,[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(row)));
  assert.equal(await count("SELECT count(*)::int AS n FROM voting_codes WHERE round_id = 'code-round'"), 4 + 25);
  const server = await spawnServer({ ...env, VOTER_TOKEN_SECRET });
  try {
    const code = rows[1]!.split(',')[1]!;
    const vote = () => fetch(`${server.origin}/api/rounds/code-round/ballots`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify({ roundId: 'code-round', kind: 'approval', selections: ['c-trees'], votingCode: code }) });
    assert.equal((await vote()).status, 201);
    assert.equal((await vote()).status, 409, 'a code is used once');
  } finally {
    await server.kill();
  }
  for (const [args, message] of [[['open-round', '3'], /does not take voting codes/], [['nope', '3'], /there is no round nope/], [['code-round', 'many'], /COUNT must be a whole number/], [['code-round'], /usage/]] as const) {
    const refused = await runToEnd(['scripts/cli/codes.ts', ...args], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, message);
  }
});

test('a setting that cannot work stops the start with one clear line', async () => {
  for (const [extra, message] of [
    [{ PORT: 'eighty' }, /^civic-widgets server: PORT must be a port number/],
    [{ ADMIN_TOKEN: 'short' }, /^civic-widgets server: ADMIN_TOKEN must be at least 16 characters/],
    [{ VOTER_TOKEN_SECRET: 'short' }, /^civic-widgets server: VOTER_TOKEN_SECRET must be at least 32 bytes/],
    [{ ALLOWED_ORIGINS: 'partner.example' }, /^civic-widgets server: ALLOWED_ORIGINS: "partner\.example" is not an origin/],
    [{ DATABASE_URL: 'mysql://x' }, /^civic-widgets server: DATABASE_URL must be a PostgreSQL URL/],
    [{ OPEN_BALLOTS_PER_ADDRESS: 'lots' }, /^civic-widgets server: OPEN_BALLOTS_PER_ADDRESS must be a whole number from 1 to 1000000/],
    [{ OPEN_BALLOTS_PER_ADDRESS: '0' }, /^civic-widgets server: OPEN_BALLOTS_PER_ADDRESS must be a whole number/],
    [{ REFUSED_CODES_PER_ADDRESS: '2.5' }, /^civic-widgets server: REFUSED_CODES_PER_ADDRESS must be a whole number from 1 to 1000000/],
    // The imported test seed has a token round.
    [{}, /^civic-widgets server: Round token-round takes voter tokens, so VOTER_TOKEN_SECRET must be set/],
  ] as const) {
    const result = await runToEnd(['server/main.ts'], { ...env, ...extra });
    assert.equal(result.code, 1, JSON.stringify(extra));
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
  }
});

test('OPEN_BALLOTS_PER_ADDRESS and REFUSED_CODES_PER_ADDRESS set the limits per address, for an event on one network', async () => {
  const vote = async (origin: string, round: string, body: object) => (await callApi(origin, 'POST', `/rounds/${round}/ballots`, { body: { roundId: round, kind: 'approval', ...body } })).status;
  const server = await spawnServer({ ...env, VOTER_TOKEN_SECRET, OPEN_BALLOTS_PER_ADDRESS: '3', REFUSED_CODES_PER_ADDRESS: '2' });
  try {
    const open = [];
    for (let i = 0; i < 4; i++) open.push(await vote(server.origin, 'open-round', { selections: ['trees'] }));
    assert.deepEqual(open, [201, 201, 201, 429]);
    const codes = [];
    for (const votingCode of ['TYPO-TYPO-TYP1', 'TYPO-TYPO-TYP2', VOTING_CODES[0]!]) codes.push(await vote(server.origin, 'code-round', { selections: ['c-trees'], votingCode }));
    assert.deepEqual(codes, [403, 403, 429], 'two refused codes, then even a right one waits');
  } finally {
    await server.kill();
  }
});

test('behind a proxy without TRUST_PROXY the server says once that every resident counts as the proxy\'s address', async () => {
  const throughProxy = (origin: string) => callApi(origin, 'GET', '/rounds/open-round', { headers: { 'x-forwarded-for': '203.0.113.7' } });
  const warning = /TRUST_PROXY is not set: rate limits count every resident as the proxy's address/g;
  const plain = await spawnServer({ ...env, VOTER_TOKEN_SECRET });
  try {
    assert.equal((await callApi(plain.origin, 'GET', '/rounds/open-round')).status, 200);
    assert.doesNotMatch(plain.output(), warning, 'not for a request without the header');
    for (let i = 0; i < 3; i++) assert.equal((await throughProxy(plain.origin)).status, 200);
    assert.equal(plain.output().match(warning)?.length, 1, 'once');
  } finally {
    await plain.kill();
  }
  const trusting = await spawnServer({ ...env, VOTER_TOKEN_SECRET, TRUST_PROXY: '1' });
  try {
    assert.equal((await throughProxy(trusting.origin)).status, 200);
    assert.doesNotMatch(trusting.output(), warning);
  } finally {
    await trusting.kill();
  }
});
