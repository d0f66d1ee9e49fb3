/** A real server over real HTTP on 127.0.0.1, on a fresh database, for one test file. */
import { buildApp, type App } from '../../../server/app.js';
import { DEFAULT_LIMITS, type ServerConfig } from '../../../server/config.js';
import { openDatabase, type OpenDatabase } from '../../../server/db/open.js';
import { importSeed, type SeedImport } from '../../../server/store/import.js';
import { assertContract } from './contract.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { testSeed, TEST_NOW } from './seed.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const VOTER_TOKEN_SECRET = 'test-voter-token-secret-0123456789abcdef';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as it is, instead of `body` as JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** An Idempotency-Key; POSTs get a new one unless this is `null`. */
  key?: string | null;
  admin?: boolean;
}

const TABLES = ['rounds', 'proposals', 'voting_codes', 'voters', 'ballots', 'simulation_submissions', 'feedback_responses', 'idempotency'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

export interface TestServer {
  origin: string;
  app: App;
  database: OpenDatabase;
  config: ServerConfig;
  /** The clock the server reads; move it with `clock.set`. */
  clock: { now: Date; set(date: Date): void };
  /** Calls the API (`path` below /api) and checks the answer against docs/openapi.yaml. */
  api(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  /** How many rows each table holds, to show that a refused request stored nothing. */
  counts(): Promise<Counts>;
  stop(): Promise<void>;
}

let keys = 0;
export const newKey = () => `test-key-${process.pid}-${Date.now()}-${keys++}`;

/** `seed: null` starts on a `database` that already holds its data (a second server on it, or after a CLI ran). */
export async function startTestServer(options: { config?: Partial<ServerConfig>; seed?: SeedImport | null; database?: TestDatabase } = {}): Promise<TestServer> {
  const testDatabase = options.database ?? (await freshDatabase());
  const clock = { now: TEST_NOW, set(date: Date) { clock.now = date; } };
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir: testDatabase.dataDir,
    databaseUrl: testDatabase.databaseUrl,
    adminToken: ADMIN_TOKEN,
    voterTokenSecret: VOTER_TOKEN_SECRET,
    allowedOrigins: ['https://partner.example'],
    trustProxy: false,
    limits: { ...DEFAULT_LIMITS, openBallotsPerWindow: 1_000 },
    groupCommit: { windowMs: 2, maxBatch: 500 },
    logRequests: false,
    now: () => clock.now,
    ...options.config,
  };
  const database = await openDatabase(config);
  if (options.seed !== null) await importSeed(database.db, options.seed ?? testSeed(), TEST_NOW);
  const app = await buildApp(config, database.db);
  const origin = await app.fastify.listen({ host: '127.0.0.1', port: 0 });
  return {
    origin,
    app,
    database,
    config,
    clock,
    api: (method, path, request) => callApi(origin, method, path, request),
    async counts() {
      const entries = await Promise.all(TABLES.map(async (table) => [table, (await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n] as const));
      return Object.fromEntries(entries) as Counts;
    },
    async stop() {
      await app.close();
      await database.close();
      if (!options.database) await testDatabase.dispose();
    },
  };
}

/** One request to `origin`/api`path`, its answer checked against the contract. */
export async function callApi(origin: string, method: string, path: string, request: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined = request.raw;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  if (method === 'POST' && request.key !== null) headers['idempotency-key'] ??= request.key ?? newKey();
  if (request.admin) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
  const response = await fetch(`${origin}/api${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  assertContract(method, path, response.status, contentType, text);
  return { status: response.status, headers: response.headers, text, body: /json/.test(contentType) && text ? JSON.parse(text) : undefined };
}

/** A round's id as it goes in a path. */
export const enc = encodeURIComponent;
