/** The REST client's live meeting in real Chromium: EventSource when it works, polling when it does not, never a state twice. */
import { expect, waitUntil } from '@open-wc/testing';
import type { MeetingConnection } from '../src/client/client.js';
import { createRestClient } from '../src/client/rest/index.js';
import type { MeetingState } from '../src/domain/meeting.js';

const state = (ballots: number): MeetingState => ({
  roundId: 'r1', proposalId: null, timer: null, voting: 'open', revealed: false, ballots,
  version: `0.${ballots}.open`, serverTime: new Date(Date.now() + ballots).toISOString(),
});

/** A backend whose meeting answers `current()` to GET …/meeting, over a `fetch` of its own. */
function backend(current: () => MeetingState) {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return new Response(JSON.stringify(current()), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { asked, fetch: fetch as typeof globalThis.fetch };
}

function watch(client: ReturnType<typeof createRestClient>) {
  const states: number[] = [];
  const connections: MeetingConnection[] = [];
  const stop = client.watchMeeting!('r1', { state: (s) => states.push(s.ballots), connection: (c) => connections.push(c) });
  return { states, connections, stop };
}

describe('the REST client watching a meeting', () => {
  it('falls back to polling when the live stream is refused, and tells each new count once', async function () {
    this.timeout(15_000);
    let ballots = 3;
    const { fetch, asked } = backend(() => state(ballots));
    // The test page's server has no stream there: EventSource gets a 404 and gives up.
    const client = createRestClient({ baseUrl: '/no-such-api', fetch });
    const watching = watch(client);
    await waitUntil(() => watching.connections.includes('polling'), `connections: ${watching.connections.join(', ')}`, { timeout: 8000 });
    await waitUntil(() => watching.states.length === 1, 'the first state');
    ballots = 5;
    await waitUntil(() => watching.states.at(-1) === 5, `states: ${watching.states.join(', ')}`, { timeout: 8000 });
    watching.stop();
    expect(watching.states).to.deep.equal([3, 5]);
    expect(asked.every((url) => url.endsWith('/no-such-api/rounds/r1/meeting'))).to.equal(true);
  });

  it('polls where the browser has no EventSource', async function () {
    this.timeout(15_000);
    const saved = globalThis.EventSource;
    (globalThis as { EventSource?: unknown }).EventSource = undefined;
    try {
      let ballots = 1;
      const { fetch } = backend(() => state(ballots));
      const watching = watch(createRestClient({ baseUrl: '/api', fetch }));
      await waitUntil(() => watching.states.length === 1, 'the first state');
      ballots = 2;
      await waitUntil(() => watching.states.at(-1) === 2, `states: ${watching.states.join(', ')}`, { timeout: 8000 });
      watching.stop();
      expect(watching.connections).to.deep.equal(['polling']);
      expect(watching.states).to.deep.equal([1, 2]);
    } finally {
      globalThis.EventSource = saved;
    }
  });

  it('refuses a facilitator change without a code before sending anything', async () => {
    const { fetch, asked } = backend(() => state(0));
    const client = createRestClient({ baseUrl: '/api', fetch });
    const error = await client.updateMeeting!('r1', { voting: 'open' }, { facilitatorCode: ' ' }).catch((caught) => caught);
    expect(error.code).to.equal('validation');
    expect(error.fieldErrors[0].field).to.equal('facilitatorCode');
    expect(asked).to.deep.equal([]);
  });
});
