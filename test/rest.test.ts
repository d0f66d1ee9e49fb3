// The REST client in real Chromium against a real HTTP backend: the /test-api/ middleware of
// test/support/test-api.mjs, scripted per test.
import { expect } from '@open-wc/testing';
import { CivicError, type CivicErrorCode } from '../src/client/client.js';
import { newIdempotencyKey } from '../src/client/ids.js';
import { createRestClient, type RestClientOptions } from '../src/client/rest/index.js';
import type { ReceivedRequest, ScriptedResponse } from './node/support/scripted-http.mjs';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let counter = 0;
/** A test id no other test (or parallel test file) uses. */
function uniqueId(name: string): string {
  return `${name}-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 8)}`;
}

async function script(id: string, responses: ScriptedResponse[]): Promise<void> {
  const answer = await fetch(`/test-api/__script/${encodeURIComponent(id)}`, { method: 'POST', body: JSON.stringify(responses) });
  if (!answer.ok) throw new Error(`scripting ${id} failed: ${answer.status} ${await answer.text()}`);
}

async function received(id: string): Promise<ReceivedRequest[]> {
  return (await fetch(`/test-api/__received/${encodeURIComponent(id)}`)).json();
}

function clientFor(id: string, options: Partial<RestClientOptions> = {}) {
  return createRestClient({ baseUrl: `/test-api/${id}`, retryDelayMs: 10, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<CivicError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CivicError);
    return error as CivicError;
  }
  throw new Error('expected the call to reject');
}

const problem = (status: number, body: Record<string, unknown>): ScriptedResponse => ({
  status,
  contentType: 'application/problem+json',
  json: { status, ...body },
});

const round = {
  id: 'BO.D16.5/23',
  title: 'OŚWIETLENIE przejść DLA PIESZYCH w Bieńczycach💡 III etap🚶‍',
  description: 'Kraków 2023, Bieńczyce',
  budget: 120_000_000,
  currency: 'PLN',
  opensAt: '2023-06-01T00:00:00+02:00',
  closesAt: null,
  status: 'open',
  rules: { kind: 'approval', maxLength: 5 },
};
const proposal = {
  id: 'L13/08/VII',
  title: '&quot;Komputer mój przyjaciel&quot;',
  summary: 'Zajęcia komputerowe dla seniorów',
  cost: 1_999_999,
  area: null,
  categories: ['Ontmoeting &amp; verbinding'],
  status: 'shortlisted',
};
const receipt = { id: 'rcpt-1', roundId: 'r1', receivedAt: '2024-05-01T09:30:00Z' };
const ballot = { roundId: 'r1', kind: 'approval' as const, selections: ['L13/08/VII'] };

describe('REST client in the browser', () => {
  it('reads a round and a page of proposals into the domain model, ignoring fields it does not know', async () => {
    const id = uniqueId('valid');
    await script(id, [
      { json: { ...round, rules: { ...round.rules, legacyRule: 'greedy' }, _links: { self: '/x' } } },
      { json: { items: [{ ...proposal, votes2019: 12 }], total: 31, page: 2, pageSize: 1, facets: {} } },
    ]);
    const client = clientFor(id);

    expect(await client.getRound('BO.D16.5/23')).to.deep.equal(round);
    const page = await client.listProposals('r1', { area: 'Bieńczyce', category: 'zieleń', q: 'park & ride', sort: 'random', seed: 4_294_967_295, page: 2, pageSize: 1 });
    expect(page).to.deep.equal({ items: [proposal], total: 31, page: 2, pageSize: 1 });

    const [first, second] = await received(id);
    expect(first!.path).to.equal('/rounds/BO.D16.5%2F23');
    expect(second!.path).to.equal('/rounds/r1/proposals');
    const query = new URLSearchParams(second!.query);
    expect(Object.fromEntries(query)).to.deep.equal({ area: 'Bieńczyce', category: 'zieleń', q: 'park & ride', sort: 'random', seed: '4294967295', page: '2', pageSize: '1' });
  });

  it('asks for results by rule and URL-encodes ids, so a pabulib id with a slash reaches its own route', async () => {
    const id = uniqueId('encode');
    await script(id, [
      { json: proposal },
      { json: { roundId: 'r1', rule: 'equal-shares', budget: 100, spent: 90, winners: [{ id: 'a', title: 'A', cost: 90, votes: 3 }], proposals: [{ id: 'a', votes: 3, selected: true }] } },
    ]);
    const client = clientFor(id);
    await client.getProposal('BO.D16.5/23');
    const results = await client.getResults('2024/OGM/0009', { rule: 'equal-shares' });
    expect(results.winners[0]!.cost).to.equal(90);
    const [first, second] = await received(id);
    expect(first!.path).to.equal('/proposals/BO.D16.5%2F23');
    expect(second!.path).to.equal('/rounds/2024%2FOGM%2F0009/results');
    expect(second!.query).to.equal('?rule=equal-shares');
  });

  it('sends the static headers and the awaited getHeaders() on every attempt', async () => {
    const id = uniqueId('headers');
    await script(id, [{ status: 503 }, { json: round }]);
    let refreshes = 0;
    const client = clientFor(id, {
      headers: { 'X-Api-Key': 'partner-library' },
      getHeaders: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { Authorization: `Bearer token-${refreshes++}` };
      },
    });
    await client.getRound('r1');
    const requests = await received(id);
    expect(requests.map((r) => r.headers['x-api-key'])).to.deep.equal(['partner-library', 'partner-library']);
    expect(requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer token-0', 'Bearer token-1']);
  });

  it('fails with unauthorized, without sending anything, when getHeaders() throws', async () => {
    const id = uniqueId('headers-fail');
    await script(id, [{ json: round }]);
    const client = clientFor(id, {
      getHeaders: () => {
        throw new Error('session expired');
      },
    });
    const error = await rejection(client.getRound('r1'));
    expect(error.code).to.equal('unauthorized');
    expect(error.message).to.contain('session expired');
    expect(await received(id)).to.have.length(0);
  });

  it('sends an Idempotency-Key (a UUID v4) with a submission, the same on every retry, and succeeds once', async () => {
    const id = uniqueId('idempotency');
    await script(id, [{ status: 503 }, { status: 502, body: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' }, { status: 201, json: receipt }]);
    const answer = await clientFor(id).submitBallot(ballot);
    expect(answer).to.deep.equal(receipt);
    const requests = await received(id);
    expect(requests).to.have.length(3);
    const keys = requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).to.match(UUID_V4);
    expect(new Set(keys).size).to.equal(1);
    expect(JSON.parse(requests[0]!.body)).to.deep.equal(ballot);
    expect(requests[0]!.headers['content-type']).to.equal('application/json');
  });

  it("uses the caller's idempotency key as it is, so the outbox can resend a submission safely", async () => {
    const id = uniqueId('own-key');
    await script(id, [{ status: 201, json: { id: 'sub-1', receivedAt: '2024-05-01' } }]);
    await clientFor(id).submitSimulation({ simulationId: 's1', values: { libraries: 120_000 } }, { idempotencyKey: 'outbox-7f3a' });
    const [request] = await received(id);
    expect(request!.headers['idempotency-key']).to.equal('outbox-7f3a');
    expect(request!.path).to.equal('/simulations/s1/submissions');
  });

  it('retries a 503 and gets the receipt of a submission counted once', async () => {
    const id = uniqueId('retry-503');
    await script(id, [problem(503, { title: 'Service Unavailable', detail: 'Database restarting' }), { status: 201, json: receipt }]);
    const answer = await clientFor(id).submitBallot(ballot);
    expect(answer.id).to.equal('rcpt-1');
    expect(await received(id)).to.have.length(2);
  });

  it('never retries a 400, and keeps the problem detail and its field errors', async () => {
    const id = uniqueId('no-retry-400');
    const errors = [{ field: 'selections', code: 'max-length', detail: 'Choose at most 5 projects' }];
    await script(id, [problem(400, { type: 'https://civic.example/problems/validation', title: 'Invalid ballot', detail: 'Your ballot has too many projects', errors })]);
    const error = await rejection(clientFor(id, { retries: 2 }).submitBallot(ballot));
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(400);
    expect(error.detail).to.equal('Your ballot has too many projects');
    expect(error.fieldErrors).to.deep.equal(errors);
    expect(await received(id)).to.have.length(1);
  });

  it("ends a request the server never answers in 'timeout', after its retries", async () => {
    const id = uniqueId('timeout');
    await script(id, [{ hang: 'headers' }]);
    const started = performance.now();
    const error = await rejection(clientFor(id, { timeoutMs: 200, retries: 1 }).getRound('r1'));
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(performance.now() - started).to.be.below(2000);
    expect(await received(id)).to.have.length(2);
  });

  it("ends a hung request promptly when the caller aborts, and does not retry it", async () => {
    const id = uniqueId('abort');
    await script(id, [{ hang: 'body', json: round }]);
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(clientFor(id, { retries: 2 }).getRound('r1', { signal: controller.signal }));
    expect(performance.now() - started).to.be.below(1000);
    expect(error.code).to.equal('aborted');
    expect(error.retryable).to.equal(false);
    expect(await received(id)).to.have.length(1);
  });

  it('remaps routes with `paths` for an existing backend, including one behind a query string', async () => {
    const id = uniqueId('paths');
    await script(id, [{ status: 201, json: receipt }, { json: round }]);
    await clientFor(id, { paths: { submitBallot: '/api/v2/pb/:id/votes' } }).submitBallot({ ...ballot, roundId: 'BO.D3.47/23' });
    await createRestClient({ baseUrl: `/test-api/${id}/index.php?rest_route=/civic`, paths: { getRound: '/pb/:roundId' } }).getRound('r 1');
    const [vote, roundRequest] = await received(id);
    expect(vote!.method).to.equal('POST');
    expect(vote!.path).to.equal('/api/v2/pb/BO.D3.47%2F23/votes');
    expect(roundRequest!.path).to.equal('/index.php');
    expect(new URLSearchParams(roundRequest!.query).get('rest_route')).to.equal('/civic/pb/r 1');
  });

  it('refuses a route template for a method the client does not have', () => {
    expect(() => createRestClient({ baseUrl: '/api', paths: { submitVote: '/votes' } as never })).to.throw(TypeError, /submitVote/);
  });

  it('sends the voter token and the voting code in the ballot body, not in a header', async () => {
    const id = uniqueId('voter');
    await script(id, [{ status: 201, json: receipt }]);
    await clientFor(id).submitBallot({ ...ballot, voterToken: 'signed.host.token', votingCode: 'QGVT6BFJ' });
    const [request] = await received(id);
    const body = JSON.parse(request!.body);
    expect(body.voterToken).to.equal('signed.host.token');
    expect(body.votingCode).to.equal('QGVT6BFJ');
    expect(JSON.stringify(request!.headers)).not.to.contain('signed.host.token');
  });

  it('maps problem statuses to the codes elements act on', async () => {
    const cases: Array<[ScriptedResponse, CivicErrorCode]> = [
      [problem(401, { detail: 'Sign in to vote' }), 'unauthorized'],
      [problem(403, { detail: 'This voting code belongs to another ward' }), 'unauthorized'],
      [problem(404, { detail: 'No such round' }), 'not-found'],
      [problem(409, { type: 'https://civic.example/problems/already-voted', detail: 'You have already voted' }), 'conflict'],
      [problem(409, { type: 'https://civic.example/problems/closed', detail: 'Voting ended on 1 May' }), 'closed'],
      [problem(423, { detail: 'Voting has not opened yet' }), 'closed'],
      [problem(410, { detail: 'Gone' }), 'http'],
    ];
    for (const [answer, code] of cases) {
      const id = uniqueId(`status-${answer.status}`);
      await script(id, [answer]);
      const error = await rejection(clientFor(id).submitBallot(ballot));
      expect(error.code, `${answer.status}`).to.equal(code);
      expect(error.detail).to.equal((answer.json as { detail: string }).detail);
      expect(await received(id), `${answer.status} is not retried`).to.have.length(1);
    }
  });

  it('turns an HTML 502 page from a proxy into an http error that says what came back', async () => {
    const id = uniqueId('proxy-502');
    await script(id, [{ status: 502, contentType: 'text/html', body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' }]);
    const error = await rejection(clientFor(id, { retries: 0 }).getForm('f1'));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.message).to.contain('502 Bad Gateway');
    expect(error.detail).to.equal(undefined);
  });

  it("turns an HTML page with 200, truncated JSON or an empty body into 'invalid-response'", async () => {
    const answers: ScriptedResponse[] = [
      { contentType: 'text/html', body: '<!DOCTYPE html><title>Wi-Fi login</title>' },
      { contentType: 'application/json', body: JSON.stringify(round).slice(0, 40) },
      { contentType: 'application/json', body: '' },
    ];
    for (const answer of answers) {
      const id = uniqueId('not-json');
      await script(id, [answer]);
      const error = await rejection(clientFor(id).getRound('r1'));
      expect(error.code).to.equal('invalid-response');
      expect(await received(id), 'not retried').to.have.length(1);
    }
  });

  it("names the offending field of a malformed response, e.g. 'items[3].cost'", async () => {
    const id = uniqueId('malformed');
    const items = [proposal, proposal, proposal, { ...proposal, cost: '12.50' }];
    await script(id, [{ json: { items, total: 4, page: 1, pageSize: 10 } }]);
    const error = await rejection(clientFor(id).listProposals('r1'));
    expect(error.code).to.equal('invalid-response');
    expect(error.field).to.equal('items[3].cost');
    expect(error.message).to.contain('items[3].cost');
  });

  it("rejects a 5 MB title as 'invalid-response' instead of rendering it", async () => {
    const id = uniqueId('huge');
    await script(id, [{ json: { ...round, title: 'x'.repeat(5 * 1024 * 1024) } }]);
    const error = await rejection(clientFor(id).getRound('r1'));
    expect(error.code).to.equal('invalid-response');
    expect(error.field).to.equal('title');
    expect(error.message.length).to.be.below(500);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    const id = uniqueId('retry-after');
    await script(id, [{ status: 429, headers: { 'Retry-After': '1' } }, { json: round }]);
    const started = performance.now();
    await clientFor(id).getRound('r1');
    expect(performance.now() - started).to.be.within(950, 4000);
    expect(await received(id)).to.have.length(2);
  });

  it("sends cookies only when `credentials` allows it", async () => {
    document.cookie = 'civic_session=abc; path=/; SameSite=Lax';
    try {
      const id = uniqueId('credentials');
      await script(id, [{ json: round }]);
      await clientFor(id).getRound('r1');
      await clientFor(id, { credentials: 'omit' }).getRound('r1');
      const [withDefault, omitted] = await received(id);
      expect(withDefault!.headers.cookie).to.contain('civic_session=abc');
      expect(omitted!.headers.cookie).to.equal(undefined);
    } finally {
      document.cookie = 'civic_session=; path=/; max-age=0';
    }
  });

  it('works with an absolute baseUrl and a custom fetch', async () => {
    const id = uniqueId('absolute');
    await script(id, [{ json: round }]);
    const seen: string[] = [];
    const client = createRestClient({
      baseUrl: `${location.origin}/test-api/${id}/`,
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect((await client.getRound('r1')).id).to.equal(round.id);
    expect(seen).to.deep.equal([`${location.origin}/test-api/${id}/rounds/r1`]);
  });

  it('makes idempotency keys without crypto.randomUUID, which plain-http pages lack', () => {
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID');
    Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const keys = Array.from({ length: 1000 }, () => newIdempotencyKey());
      for (const key of keys) expect(key).to.match(UUID_V4);
      expect(new Set(keys).size).to.equal(1000);
    } finally {
      if (original) Object.defineProperty(Crypto.prototype, 'randomUUID', original);
    }
  });
});
