/**
 * Benchmark: ballots per second through the whole server, over real HTTP on 127.0.0.1, with PGlite
 * and with PostgreSQL. Every request is a distinct voter with a signed token (HS256), so each ballot
 * is validated, its token checked, its voter registered and the ballot stored, by group commit.
 *
 *   npm run bench:server -- [--seconds N] [--runs N] [--database pglite|postgres]
 *
 * PostgreSQL is DATABASE_URL when set, else a throw-away cluster started like .ci/run's. Prints one
 * line per database: `pglite: N ballots/s, p50 X ms, p99 Y ms` (goal: 5,000/s, p99 under 50 ms),
 * the median of three runs (`--runs`) of ten seconds (`--seconds`) with every run's figures beside
 * it, and a line for the results of the round those ballots filled (goal: under 200 ms once counted).
 * It starts with the database path alone (no HTTP, no load generator): what the writer costs by
 * itself. On this VM the same code runs up to twice as slowly in some minutes as in others, and that
 * first line does not always foresee it: compare two versions by runs interleaved in the same minutes.
 * The median is there for the same reason: one slow stretch moves one run, not the figure.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/db/open.js';
import { procStat } from '../server/proc-stat.js';
import { importSeed } from '../server/store/import.js';
import { createSubmissionWriter } from '../server/store/submissions.js';
import type { Proposal, Round } from '../src/domain/types.js';
import { spawnServer } from '../test/server/support/process.js';
import { clusterUnavailable, startCluster } from './support/postgres.js';

const SECRET = 'bench-voter-token-secret-0123456789abcdef';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** Requests timed for the results of a counted round, once its count is cached. */
const RESULTS_REQUESTS = 20;
const CONNECTIONS = 50;
/** The value after `--name` on the command line, if given. */
const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const SECONDS = Number(option('seconds') ?? 10);
/** Timed runs per database, one after another on the same server; the line gives their median. */
const RUNS = Number(option('runs') ?? 3);
/** One database only, when named. */
const ONLY = option('database');
if (!(SECONDS > 0 && SECONDS <= 600) || !(Number.isInteger(RUNS) && RUNS >= 1 && RUNS <= 9) || (ONLY !== undefined && ONLY !== 'pglite' && ONLY !== 'postgres')) {
  console.error('usage: npm run bench:server -- [--seconds N (1 to 600)] [--runs N (1 to 9)] [--database pglite|postgres]');
  process.exit(2);
}
/** More ballots a second than any run sends, so that each has a voter of its own. */
const MAX_RATE = 20_000;

const round: Round = {
  id: 'bench-round', title: 'Benchmark round', description: '', budget: 100_000_000, currency: 'GBP',
  opensAt: '2000-01-01', closesAt: null, status: 'open', rules: { kind: 'approval', maxLength: 5, maxSumCost: 100_000_000 }, voterIdentity: 'token',
  results: { rules: ['equal-shares', 'greedy'] },
};
const proposals: Proposal[] = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, title: `Proposal ${i}`, summary: '', cost: 1_000_000 + i * 100_000, categories: [], status: 'shortlisted' }));

/**
 * A host site's token, signed here with node:crypto rather than a JWT library only because the
 * load generator shares the two cores with the server, and signing 200,000 must not take a minute.
 */
function token(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, aud: round.id, exp: Math.floor(Date.now() / 1000) + 3_600 })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/** Voter `i`'s ballot: two of the thirty proposals, with the voter's own token. */
function ballotBody(i: number): string {
  const selections = [`p${i % 30}`, `p${(i * 7 + 3) % 30}`].filter((id, index, all) => all.indexOf(id) === index);
  return JSON.stringify({ roundId: round.id, kind: 'approval', selections, voterToken: token(`voter-${i}`) });
}

async function run(name: string, database: { databaseUrl?: string; dataDir: string }): Promise<string> {
  const open = await openDatabase(database);
  await importSeed(open.db, { rounds: [{ round, proposals }] }, new Date());
  await open.close();
  const env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { CIVIC_DATA_DIR: database.dataDir };
  const server = await spawnServer({ ...env, VOTER_TOKEN_SECRET: SECRET, ADMIN_TOKEN });
  const stopServer = () => void server.child.kill();
  undoOnSignal.add(stopServer);
  let next = 0;
  let serverCpu = 0;
  let loadCpu = 0;
  /** One run of the load; `timed` adds the CPU the two sides used during it to the figures. */
  const load = async (seconds: number, timed: boolean) => {
    // Signed before the run, not during it, where the signing would take CPU from the server.
    const first = next;
    const bodies = Array.from({ length: MAX_RATE * seconds }, (_, offset) => ballotBody(first + offset));
    const serverBefore = cpuSeconds(server.child.pid!);
    const loadBefore = process.cpuUsage();
    const result = await autocannon({
      url: `${server.origin}/api/rounds/${round.id}/ballots`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [{
        method: 'POST',
        setupRequest: (request) => {
          const i = next++;
          return { ...request, body: bodies[i - first], headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${i}` } };
        },
      }],
    });
    if (timed) {
      serverCpu += cpuSeconds(server.child.pid!) - serverBefore;
      const used = process.cpuUsage(loadBefore);
      loadCpu += (used.user + used.system) / 1e6;
    }
    return result;
  };
  const runs: autocannon.Result[] = [];
  let resultsLine = '';
  try {
    // A short warm-up first (JIT, the database's caches), counted in the check below but not in the figures.
    runs.push(await load(2, false));
    for (let i = 0; i < RUNS; i++) runs.push(await load(SECONDS, true));
    resultsLine = await timeResults(server.origin, name);
  } finally {
    undoOnSignal.delete(stopServer);
    await server.kill();
  }
  // Every ballot answered 201 must be in the box, and nothing else.
  const stored = await countBallots(database);
  const sum = (count: (run: autocannon.Result) => number) => runs.reduce((total, run) => total + count(run), 0);
  const accepted = sum((run) => run['2xx']);
  // Ballots still in flight when a run stops are stored but their answers are not counted: at most one per connection per run.
  if (sum((run) => run.non2xx) > 0 || sum((run) => run.errors) > 0 || stored < accepted || stored > accepted + runs.length * CONNECTIONS) {
    console.error(`${name}: ${sum((run) => run.non2xx)} non-2xx, ${sum((run) => run.errors)} errors, ${accepted} answered 201, ${stored} stored`);
    process.exitCode = 1;
  }
  const timed = runs.slice(1);
  const rate = (run: autocannon.Result) => Math.round(run['2xx'] / SECONDS).toLocaleString('en-GB');
  const median = [...timed].sort((a, b) => a['2xx'] - b['2xx'])[Math.floor(timed.length / 2)]!;
  const each = timed.length > 1 ? `median of ${timed.length} runs of ${SECONDS} s: ${timed.map((run) => `${rate(run)}/s p99 ${run.latency.p99} ms`).join(', ')}; ` : '';
  // The machine is shared: CPU time per ballot says what the server itself costs, whatever else runs,
  // and what autocannon, on the same two cores, takes from it.
  const timedBallots = accepted - runs[0]!['2xx'];
  const perBallot = timedBallots > 0 ? `CPU per ballot: server ${((serverCpu * 1_000) / timedBallots).toFixed(3)} ms, load generator ${((loadCpu * 1_000) / timedBallots).toFixed(3)} ms` : '';
  return `${name}: ${rate(median)} ballots/s, p50 ${median.latency.p50} ms, p99 ${median.latency.p99} ms (${each}${perBallot})\n${resultsLine}`;
}

/**
 * Ballots through the server's own writer on PGlite, in batches of 25 as under load, with nothing
 * else running: the database's share of a ballot, apart from HTTP and the load generator.
 */
async function databaseAlone(dataDir: string): Promise<string> {
  const BATCHES = 800;
  const BATCH_SIZE = 25;
  const open = await openDatabase({ dataDir });
  try {
    await importSeed(open.db, { rounds: [{ round, proposals }] }, new Date());
    const writer = createSubmissionWriter(open.db, { windowMs: 2, maxBatch: BATCH_SIZE }, () => new Date());
    const batch = (b: number) =>
      Promise.all(Array.from({ length: BATCH_SIZE }, (_, i) =>
        writer.submit({ kind: 'ballot', idempotencyKey: `alone-${b}-${i}`, fingerprint: randomBytes(32).toString('base64url'), targetId: round.id, payload: ['p1', 'p2'], voterHash: randomBytes(32).toString('base64url') }),
      ));
    for (let b = 0; b < 40; b++) await batch(b); // warm-up
    const started = performance.now();
    for (let b = 40; b < 40 + BATCHES; b++) await batch(b);
    const microseconds = ((performance.now() - started) * 1_000) / (BATCHES * BATCH_SIZE);
    return `pglite alone (the writer without HTTP, batches of ${BATCH_SIZE}): ${Math.round(microseconds)} µs a ballot`;
  } finally {
    await open.close();
  }
}

/**
 * The results of the round the load filled (an administrator sees them while it is open): the first
 * answer counts every ballot by equal shares; later ones come from the count kept until a ballot arrives.
 */
async function timeResults(origin: string, name: string): Promise<string> {
  const url = `${origin}/api/rounds/${round.id}/results?rule=equal-shares`;
  const get = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const body = (await response.json()) as { ballots?: number };
    if (!response.ok) throw new Error(`${name}: results answered ${response.status}`);
    return { ms: performance.now() - started, ballots: body.ballots ?? 0 };
  };
  const first = await get();
  const later: number[] = [];
  for (let i = 0; i < RESULTS_REQUESTS; i++) later.push((await get()).ms);
  later.sort((a, b) => a - b);
  const median = later[Math.floor(later.length / 2)]!;
  return `${name} results of ${first.ballots.toLocaleString('en-GB')} ballots (equal shares): first ${Math.round(first.ms)} ms, then median ${median.toFixed(1)} ms, slowest ${later.at(-1)!.toFixed(1)} ms (goal under 200 ms)`;
}

/** User and system CPU seconds a process has used so far (fields 14 and 15 of /proc/PID/stat). */
function cpuSeconds(pid: number): number {
  const fields = procStat(pid);
  return fields ? (Number(fields[14 - 3]) + Number(fields[15 - 3])) / 100 : 0;
}

async function countBallots(database: { databaseUrl?: string; dataDir: string }): Promise<number> {
  const open = await openDatabase(database);
  try {
    return (await open.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots'))[0]!.n;
  } finally {
    await open.close();
  }
}

/**
 * What a run stopped part-way (Ctrl-C, SIGTERM) must still undo, newest first, since `finally`
 * does not run on a signal: the server process, the throw-away PostgreSQL cluster, the folder.
 * package.json runs this file with `node --import tsx`, not the tsx command: tsx kills a script that
 * does not take a signal within a few milliseconds, and this one may be waiting on pg_ctl, which
 * would leave the cluster running.
 */
const undoOnSignal = new Set<() => void>();
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    for (const undo of [...undoOnSignal].reverse()) {
      try {
        undo();
      } catch (error) {
        console.error(`bench:server: could not clean up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(code);
  });
}

/** The PostgreSQL run: on DATABASE_URL when set, else on a throw-away cluster. */
async function benchPostgres(folder: string): Promise<void> {
  if (process.env.DATABASE_URL) {
    // A fresh database beside the given one, so the run starts empty and leaves nothing behind.
    const name = `civic_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      console.log(await run('postgres', { databaseUrl: url.href, dataDir: folder }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else if (clusterUnavailable()) {
    console.log(`postgres: skipped, ${clusterUnavailable()}`);
  } else {
    const cluster = startCluster(5400 + (process.pid % 90));
    const stopCluster = () => cluster.stop();
    undoOnSignal.add(stopCluster);
    try {
      console.log(await run('postgres', { databaseUrl: cluster.url, dataDir: folder }));
    } finally {
      undoOnSignal.delete(stopCluster);
      cluster.stop();
    }
  }
}

const folder = mkdtempSync(join(tmpdir(), 'civic-bench-'));
const removeFolder = () => rmSync(folder, { recursive: true, force: true });
undoOnSignal.add(removeFolder);
try {
  if (ONLY !== 'postgres') {
    console.log(await databaseAlone(join(folder, 'alone')));
    console.log(await run('pglite', { dataDir: join(folder, 'pglite') }));
  }
  if (ONLY !== 'pglite') await benchPostgres(folder);
} finally {
  undoOnSignal.delete(removeFolder);
  removeFolder();
}
