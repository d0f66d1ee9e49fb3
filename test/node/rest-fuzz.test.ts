// Fuzzing the REST client against a real HTTP server on 127.0.0.1: malformed bodies, error pages,
// hangs, dropped connections, fed to every client method. Every case must end in the right
// CivicError, quickly; valid answers (with unknown fields) must still parse.
// Replay a run: FUZZ_SEED=<seed> npm run test:node -- ... (the seed is printed on failure).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError, type CivicClient, type CivicClientMethod, type CivicErrorCode } from '../../src/client/client.js';
import { createRestClient, type RestClientOptions } from '../../src/client/rest/index.js';
import { caseSeed, seededRandom, type Random } from '../support/prng.js';
import { breakBody, formatPath } from './support/mutations.js';
import { simulationSetupProblems } from '../../src/domain/rules/simulation-setup.js';
import type { Simulation } from '../../src/domain/types.js';
import { VALID_RESPONSE, shapeOf } from './support/responses.js';
import { startScriptedServer, type ScriptedResponse, type ScriptedServer } from './support/scripted-http.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const CONCURRENCY = 12;
const HANG_TIMEOUT_MS = 150;

type Method = CivicClientMethod;
const METHODS = Object.keys(VALID_RESPONSE) as Method[];

const call: Record<Method, (client: CivicClient, signal?: AbortSignal) => Promise<unknown>> = {
  getRound: (c, signal) => c.getRound('BO.D16.5/23', { signal }),
  listProposals: (c, signal) => c.listProposals('r1', { q: 'park', page: 2 }, { signal }),
  getProposal: (c, signal) => c.getProposal('2024/OGM/0009', { signal }),
  submitBallot: (c, signal) => c.submitBallot({ roundId: 'r1', kind: 'approval', selections: ['L13/08/VII'] }, { signal }),
  getReceipt: (c, signal) => c.getReceipt('3f1c9a52-8d0b-4e7a-9c41-2b6f0d9e5a13', { signal }),
  getResults: (c, signal) => c.getResults('r1', { rule: 'equal-shares', signal }),
  getSimulation: (c, signal) => c.getSimulation('s1', { signal }),
  submitSimulation: (c, signal) => c.submitSimulation({ simulationId: 's1', values: { libraries: 120000 } }, { signal }),
  getForm: (c, signal) => c.getForm('f1', { signal }),
  submitFeedback: (c, signal) => c.submitFeedback({ formId: 'f1', answers: { q1: 'yes' } }, { signal }),
};

/** One generated case: what the server answers and what the client must end with. */
interface FuzzCase {
  index: number;
  method: Method;
  what: string;
  script: ScriptedResponse[];
  options: Partial<RestClientOptions>;
  expect: (outcome: Outcome) => void;
  /** Attempts the server must have seen: exactly, or a [least, most] range. */
  attempts?: number | [number, number];
  /** The least time the outcome may take (each timed-out attempt waits its whole timeout). */
  minDurationMs?: number;
  abortAfterMs?: number;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

let server: ScriptedServer;
before(async () => {
  server = await startScriptedServer();
});
after(() => server.close());

function expectSetupProblem(field: string | undefined) {
  return (outcome: Outcome) => {
    assert.ok(outcome.ok, 'a simulation whose shape is valid is handed over');
    const named = simulationSetupProblems(outcome.value as Simulation).map((problem) => formatPath(problem.path));
    assert.ok(named.includes(field), `the simulation's set-up check names ${field} (it named ${named.join(', ') || 'nothing'})`);
  };
}

function expectError(code: CivicErrorCode, check?: (error: CivicError) => void) {
  return (outcome: Outcome) => {
    assert.ok(!outcome.ok, `resolved instead of rejecting with ${code}`);
    assert.ok(outcome.error instanceof CivicError, `rejected with a non-CivicError: ${String(outcome.error)}`);
    assert.equal(outcome.error.code, code, outcome.error.message);
    check?.(outcome.error);
  };
}

/** Runs `cases` against the server, a few at a time, each bounded in time, and reports every failure. */
async function runCases(cases: FuzzCase[]): Promise<void> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzzCase = cases[next++]!;
      try {
        await runCase(fuzzCase);
      } catch (error) {
        failures.push(`case ${fuzzCase.index} (${fuzzCase.method}, ${fuzzCase.what}): ${(error as Error).message.slice(0, 400)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  assert.deepEqual(
    failures,
    [],
    `${failures.length} of ${cases.length} cases failed. Replay with FUZZ_SEED=${SEED} ` +
      `node --import tsx --test test/node/rest-fuzz.test.ts\n${failures.slice(0, 10).join('\n')}`,
  );
}

async function runCase(fuzzCase: FuzzCase): Promise<void> {
  const id = `case-${fuzzCase.index}`;
  server.store.script(id, fuzzCase.script);
  const options = { baseUrl: `${server.origin}/${id}`, timeoutMs: 5000, retries: 0, retryDelayMs: 1, ...fuzzCase.options };
  const client = createRestClient(options);
  const controller = new AbortController();
  if (fuzzCase.abortAfterMs !== undefined) setTimeout(() => controller.abort(), fuzzCase.abortAfterMs);
  // Bounded: a client that hangs fails this case instead of stalling the run.
  const limitMs = options.timeoutMs * (options.retries + 1) + 3000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new Error(`HUNG: no outcome within ${limitMs} ms`) }), limitMs);
  });
  const started = Date.now();
  const outcome = await Promise.race([
    call[fuzzCase.method](client, controller.signal).then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => ({ ok: false, error }),
    ),
    hung,
  ]);
  clearTimeout(timer);
  const elapsed = Date.now() - started;
  try {
    if (!outcome.ok && outcome.error instanceof Error && outcome.error.message.startsWith('HUNG')) throw outcome.error;
    fuzzCase.expect(outcome);
    if (fuzzCase.abortAfterMs !== undefined) {
      assert.ok(elapsed < fuzzCase.abortAfterMs + 1000, `took ${elapsed} ms to end after the caller aborted`);
    }
    if (fuzzCase.minDurationMs !== undefined) {
      assert.ok(elapsed >= fuzzCase.minDurationMs, `ended after ${elapsed} ms, before ${fuzzCase.minDurationMs} ms`);
    }
    const seen = server.store.received(id).length;
    if (typeof fuzzCase.attempts === 'number') assert.equal(seen, fuzzCase.attempts, 'attempts the server saw');
    else if (fuzzCase.attempts) {
      assert.ok(seen >= fuzzCase.attempts[0] && seen <= fuzzCase.attempts[1], `the server saw ${seen} attempts`);
    }
  } finally {
    server.store.forget(id);
  }
}

/** Builds `count` cases with `make`, each from its own seed so one case can be replayed alone. */
function generate(offset: number, count: number, make: (rng: Random, index: number, method: Method) => Omit<FuzzCase, 'index' | 'method'>) {
  return Array.from({ length: count }, (_, i) => {
    const index = offset + i;
    const rng = seededRandom(caseSeed(SEED, index));
    const method = rng.pick(METHODS);
    return { index, method, ...make(rng, index, method) };
  });
}

/** Adds fields the contract does not know, anywhere in the body; the client must drop them. */
function addUnknownFields(rng: Random, value: unknown): void {
  if (Array.isArray(value)) value.forEach((item) => addUnknownFields(rng, item));
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) addUnknownFields(rng, item);
    if (shapeOf(value) && rng.chance(0.5)) {
      Object.assign(value, { [`x_extra_${rng.int(0, 99)}`]: rng.pick([null, 7, 'text', { nested: [1, 2] }]), _links: { self: '/x' } });
    }
  }
}

const htmlPage = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>nginx</h1></body></html>`;

describe(`REST client fuzzing (seed ${SEED})`, () => {
  test('valid answers with unknown fields parse into the domain model, without the unknown fields', async () => {
    await runCases(
      generate(0, 120, (rng, _i, method) => {
        const valid = VALID_RESPONSE[method]!(rng);
        const expected = structuredClone(valid);
        addUnknownFields(rng, valid);
        const status = method.startsWith('submit') ? rng.pick([200, 201]) : 200;
        const contentType = rng.pick(['application/json', 'application/json; charset=utf-8', 'application/vnd.civic+json']);
        return {
          what: 'valid answer',
          script: [{ status, body: JSON.stringify(valid), contentType }],
          options: {},
          expect: (outcome) => {
            assert.ok(outcome.ok, `rejected: ${outcome.ok ? '' : (outcome.error as Error).message}`);
            assert.deepEqual(outcome.value, expected);
          },
        };
      }),
    );
  });

  test('a malformed body is an invalid-response that names the offending field', async () => {
    await runCases(
      generate(1000, 600, (rng, _i, method) => {
        const mutation = breakBody(rng, VALID_RESPONSE[method]!(rng));
        return {
          what: mutation.kind,
          script: [{ status: 200, body: mutation.body, contentType: 'application/json' }],
          options: {},
          attempts: 1,
          // A slider's range is the simulator's to check (every page would otherwise pay for it): the
          // client hands the simulation over, and the check the simulator runs names the same field.
          expect: mutation.refusedBy === 'simulation setup' ? expectSetupProblem(mutation.field) : expectError('invalid-response', (error) => {
            if (!mutation.under) assert.equal(error.field, mutation.field, `field named (${error.message.slice(0, 200)})`);
            else if (mutation.field !== undefined) {
              const field = error.field ?? '';
              assert.ok(field === mutation.field || field.startsWith(`${mutation.field}.`) || field.startsWith(`${mutation.field}[`),
                `field ${field} is not under ${mutation.field}`);
            }
            assert.ok(error.message.length < 1000, 'the message stays short');
          }),
        };
      }),
    );
  });

  test('a body that is not JSON, or not declared as JSON, is an invalid-response', async () => {
    await runCases(
      generate(2000, 150, (rng, _i, method) => {
        const valid = JSON.stringify(VALID_RESPONSE[method]!(rng));
        const variants: Array<[string, ScriptedResponse]> = [
          ['an HTML page with 200', { body: htmlPage(200), contentType: 'text/html' }],
          ['valid JSON as text/plain', { body: valid, contentType: 'text/plain' }],
          ['valid JSON without a content type', { body: valid }],
          ['an empty body', { body: '', contentType: 'application/json' }],
          ['a 204 without a body', { status: 204 }],
          ['truncated JSON', { body: valid.slice(0, rng.int(0, valid.length - 1)), contentType: 'application/json' }],
          ['JSON followed by garbage', { body: `${valid}<!-- cache -->`, contentType: 'application/json' }],
          ['XML', { body: '<?xml version="1.0"?><round/>', contentType: 'application/xml' }],
        ];
        const [what, answer] = rng.pick(variants);
        return { what, script: [answer], options: {}, attempts: 1, expect: expectError('invalid-response') };
      }),
    );
  });

  test('a hang past the timeout ends in a timeout, after every retry', async () => {
    await runCases(
      generate(3000, 60, (rng, _i, method) => {
        const retries = rng.int(0, 2);
        const hang = rng.pick(['headers', 'body'] as const);
        return {
          what: `hang before the ${hang}, ${retries} retries`,
          script: [{ hang, json: VALID_RESPONSE[method]!(rng) }],
          options: { timeoutMs: HANG_TIMEOUT_MS, retries },
          // On a loaded machine a request can time out before the server has read it: count time instead.
          attempts: [0, retries + 1],
          minDurationMs: (retries + 1) * HANG_TIMEOUT_MS - 5,
          expect: expectError('timeout'),
        };
      }),
    );
  });

  test('a dropped connection or a redirect loop ends in a network error, after every retry', async () => {
    await runCases(
      generate(4000, 100, (rng, index, method) => {
        const retries = rng.int(0, 2);
        const variants: Array<[string, ScriptedResponse]> = [
          ['reset before the headers', { reset: 'headers' }],
          ['reset in the middle of the body', { reset: 'body', json: VALID_RESPONSE[method]!(rng) }],
          ['a redirect to itself', { status: 302, headers: { Location: `/case-${index}/loop` } }],
        ];
        const [what, answer] = rng.pick(variants);
        return {
          what: `${what}, ${retries} retries`,
          script: [answer],
          options: { retries },
          // A redirect loop is many requests inside one attempt.
          attempts: answer.status === 302 ? undefined : retries + 1,
          expect: expectError('network'),
        };
      }),
    );
  });

  test('a 5xx answer is retried, then ends in an http error with its status, whatever its body', async () => {
    await runCases(
      generate(5000, 150, (rng) => {
        const status = rng.pick([500, 502, 503, 504, 507, 599]);
        const retries = rng.int(0, 2);
        const bodies: ScriptedResponse[] = [
          { body: htmlPage(status), contentType: 'text/html' },
          { json: { type: 'about:blank', title: 'Server error', status, detail: 'Database unavailable' }, contentType: 'application/problem+json' },
          { body: '{"detail": "trunc', contentType: 'application/problem+json' },
          { body: '' },
          { json: { detail: 'd'.repeat(rng.int(3000, 200_000)) }, contentType: 'application/problem+json' },
          { body: 'x'.repeat(rng.int(70_000, 300_000)), contentType: 'text/plain' },
        ];
        return {
          what: `${status}, ${retries} retries`,
          script: [{ status, headers: rng.chance(0.3) ? { 'Retry-After': '0' } : {}, ...rng.pick(bodies) }],
          options: { retries },
          attempts: retries + 1,
          expect: expectError('http', (error) => {
            assert.equal(error.status, status);
            assert.ok((error.detail ?? '').length <= 2000, 'a huge detail is cut');
          }),
        };
      }),
    );
  });

  test('a 4xx answer is never retried and maps to its code, whatever its body', async () => {
    const codeOf = (status: number, closedType: boolean): CivicErrorCode => {
      if (closedType || status === 423) return 'closed';
      if (status === 400 || status === 422) return 'validation';
      if (status === 401 || status === 403) return 'unauthorized';
      if (status === 404) return 'not-found';
      if (status === 409) return 'conflict';
      return 'http';
    };
    await runCases(
      generate(6000, 150, (rng) => {
        const status = rng.pick([400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 423, 428, 451]);
        const closedType = rng.chance(0.2);
        const problem = {
          type: closedType ? 'https://civic.example/problems/closed' : 'https://civic.example/problems/other',
          title: 'Refused',
          status,
          detail: 'Voting closed on 1 May 2024',
          errors: rng.pick([
            [{ field: 'selections', code: 'max-length', detail: 'Choose at most 3 projects' }],
            'not a list',
            [{ field: 7 }, null, { field: 'votingCode', code: 'used' }],
            undefined,
          ]),
        };
        const bodies: Array<[string, ScriptedResponse]> = [
          ['problem+json', { json: problem, contentType: 'application/problem+json' }],
          ['an HTML page', { body: htmlPage(status), contentType: 'text/html' }],
          ['truncated problem', { body: JSON.stringify(problem).slice(0, 30), contentType: 'application/problem+json' }],
          ['problem that is an array', { json: [problem], contentType: 'application/problem+json' }],
        ];
        const [what, body] = rng.pick(bodies);
        const readable = what === 'problem+json';
        return {
          what: `${status} with ${what}`,
          script: [{ status, ...body }],
          options: { retries: 2 },
          attempts: 1,
          expect: expectError(codeOf(status, closedType && readable), (error) => {
            assert.equal(error.status, status);
            if (readable) assert.equal(error.detail, problem.detail);
            for (const fieldError of error.fieldErrors) assert.equal(typeof fieldError.field, 'string');
          }),
        };
      }),
    );
  });

  test('429 waits for a short Retry-After and gives up at once on a long one', async () => {
    await runCases(
      generate(7000, 40, (rng) => {
        const long = rng.chance(0.5);
        const retries = rng.int(1, 2);
        return {
          what: long ? 'Retry-After: 3600' : 'Retry-After: 0',
          script: [{ status: 429, headers: { 'Retry-After': long ? '3600' : '0' }, json: { title: 'Too many requests' }, contentType: 'application/problem+json' }],
          options: { retries },
          attempts: long ? 1 : retries + 1,
          expect: expectError('http', (error) => assert.equal(error.status, 429)),
        };
      }),
    );
  });

  test('a caller abort ends the request promptly, whatever the server does', async () => {
    await runCases(
      generate(8000, 40, (rng, _i, method) => ({
        what: 'abort while the server hangs',
        script: [{ hang: rng.pick(['headers', 'body'] as const), json: VALID_RESPONSE[method]!(rng) }],
        options: { retries: 2 },
        abortAfterMs: rng.int(0, 40),
        expect: expectError('aborted', (error) => assert.equal(error.retryable, false)),
      })),
    );
  });
});
