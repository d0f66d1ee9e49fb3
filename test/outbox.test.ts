import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { CivicError, type CivicClient, type SubmitOptions } from '../src/client/client.js';
import { createOutbox, type Outbox, type OutboxEntry, type OutboxOptions, type OutboxStatus } from '../src/client/outbox/index.js';
import type { Ballot, FeedbackResponse, Receipt, SimulationSubmission, SubmissionReceipt } from '../src/domain/types.js';

/**
 * A stand-in backend: it fails with a network error until `failWith(null)`, answers the same
 * receipt for the same idempotency key as a real server would, and records every request that
 * reached it. The outbox is what is under test, not this.
 */
class FlakyBackend implements CivicClient {
  /** Every request that got through, in order. */
  readonly deliveries: Array<{ method: string; key: string; payload: unknown }> = [];
  /** Every call, including the ones that failed. */
  calls = 0;
  /** How long the server takes to answer a given submission. */
  answerDelayMs: (payload: unknown) => number = () => 0;
  private error: Error | null = new CivicError('network', 'Failed to fetch');
  private readonly receipts = new Map<string, Receipt>();

  /** Fail every call with `error`: a `CivicError`, or any other error as a buggy client would. */
  failWith(error: Error | null): void {
    this.error = error;
  }

  distinctKeys(): number {
    return new Set(this.deliveries.map((d) => d.key)).size;
  }

  submitBallot(ballot: Ballot, options?: SubmitOptions): Promise<Receipt> {
    return this.accept('submitBallot', ballot, options, ballot.roundId);
  }

  async submitSimulation(submission: SimulationSubmission, options?: SubmitOptions): Promise<SubmissionReceipt> {
    return this.accept('submitSimulation', submission, options, submission.simulationId);
  }

  async submitFeedback(response: FeedbackResponse, options?: SubmitOptions): Promise<SubmissionReceipt> {
    return this.accept('submitFeedback', response, options, response.formId);
  }

  getRound = () => this.unused();
  listProposals = () => this.unused();
  getProposal = () => this.unused();
  getReceipt = () => this.unused();
  getResults = () => this.unused();
  getSimulation = () => this.unused();
  getForm = () => this.unused();

  private async accept(method: string, payload: unknown, options: SubmitOptions | undefined, roundId: string): Promise<Receipt> {
    this.calls++;
    const delay = this.answerDelayMs(payload);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.error) throw this.error;
    const key = options?.idempotencyKey;
    if (!key) throw new CivicError('validation', 'Idempotency-Key header is required');
    this.deliveries.push({ method, key, payload });
    const receipt = this.receipts.get(key) ?? { id: `r-${this.receipts.size + 1}`, roundId, receivedAt: new Date().toISOString() };
    this.receipts.set(key, receipt);
    return receipt;
  }

  private unused(): Promise<never> {
    return Promise.reject(new CivicError('not-found', 'the outbox only submits'));
  }
}

const ballot = (selections: string[] = ['p1', 'p3']): Ballot => ({ roundId: 'round-1', kind: 'approval', selections });

const bounded = { timeout: 4000, interval: 10 };

describe('outbox', () => {
  let dbName: string;
  let opened: Outbox[];

  const open = (client: CivicClient, options: OutboxOptions = {}): Outbox => {
    // A long default retry, so that only the test decides when a resend happens.
    const outbox = createOutbox(client, { dbName, retryIntervalMs: 60_000, ...options });
    opened.push(outbox);
    return outbox;
  };

  const ready = (outbox: Outbox) => waitUntil(() => outbox.status().ready, 'the outbox never opened its storage', bounded);

  beforeEach(() => {
    dbName = `outbox-test-${Math.random().toString(36).slice(2)}`;
    opened = [];
  });

  afterEach(async () => {
    for (const outbox of opened) outbox.close();
    await deleteDB(dbName);
  });

  it('keeps a ballot on the device and says so when the network is down', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);

    const result = await outbox.submit('ballot', ballot());

    expect(result.status).to.equal('queued');
    if (result.status !== 'queued') return;
    expect(result.error.code).to.equal('network');
    const [entry] = await outbox.pending();
    expect(entry?.key).to.equal(result.key);
    expect(entry?.payload).to.deep.equal(ballot());
    expect(entry?.attempts).to.equal(1);
    expect(outbox.status()).to.include({ durable: true, pending: 1, sending: false });
    expect(outbox.status().lastError?.code).to.equal('network');
    expect(backend.deliveries).to.have.length(0);
  });

  it('sends a queued ballot exactly once when the connection returns', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    const queued = await outbox.submit('ballot', ballot());

    backend.failWith(null);
    await outbox.flush();
    await outbox.flush();

    expect(backend.deliveries.map((d) => d.key)).to.deep.equal([queued.key]);
    expect(await outbox.pending()).to.deep.equal([]);
    expect(outbox.status()).to.include({ pending: 0, sending: false });
    expect(outbox.status().lastError).to.equal(undefined);
  });

  it('sends at once, and returns the receipt, when the network is fine', async () => {
    const backend = new FlakyBackend();
    backend.failWith(null);
    const outbox = open(backend);

    const result = await outbox.submit('ballot', ballot(), { idempotencyKey: 'resident-42-ballot' });

    expect(result).to.deep.include({ status: 'sent', key: 'resident-42-ballot' });
    if (result.status === 'sent') expect(result.receipt.id).to.equal('r-1');
    expect(backend.deliveries).to.have.length(1);
    expect(backend.deliveries[0]?.key).to.equal('resident-42-ballot');
    expect(await outbox.pending()).to.deep.equal([]);
  });

  it('a reloaded page finds the ballot the previous page saved and sends it on its own', async () => {
    const backend = new FlakyBackend();
    const firstPage = open(backend);
    const queued = await firstPage.submit('ballot', ballot());
    firstPage.close();

    backend.failWith(null);
    const delivered: Array<{ entry: OutboxEntry; receipt: unknown }> = [];
    const secondPage = open(backend, { onDelivered: (entry, receipt) => delivered.push({ entry, receipt }) });

    await waitUntil(() => delivered.length === 1, 'the reloaded page never sent the saved ballot', bounded);
    expect(backend.deliveries.map((d) => d.key)).to.deep.equal([queued.key]);
    expect(delivered[0]?.entry.key).to.equal(queued.key);
    expect(delivered[0]?.receipt).to.deep.include({ id: 'r-1', roundId: 'round-1' });
    await waitUntil(() => secondPage.status().pending === 0, 'the pending count never went back to 0', bounded);
  });

  it('tries again by itself on a timer', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend, { retryIntervalMs: 30 });
    await outbox.submit('ballot', ballot());

    await waitUntil(() => backend.calls >= 3, 'the outbox never retried while the network was down', bounded);
    backend.failWith(null);

    await waitUntil(() => backend.deliveries.length === 1, 'the timer never delivered the ballot', bounded);
    await waitUntil(() => outbox.status().pending === 0, 'the ballot never left the queue', bounded);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(backend.deliveries).to.have.length(1);
  });

  it('tries again as soon as the browser says it is back online', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    await outbox.submit('ballot', ballot());
    backend.failWith(null);

    window.dispatchEvent(new Event('online'));

    await waitUntil(() => backend.deliveries.length === 1, 'coming back online did not send the ballot', bounded);
  });

  it('a validation error is final: submit rejects with it and nothing stays queued', async () => {
    const backend = new FlakyBackend();
    backend.failWith(
      new CivicError('validation', 'Too many proposals', {
        status: 422,
        fieldErrors: [{ field: 'selections', code: 'max-length', detail: 'Choose at most 3 proposals' }],
      }),
    );
    const outbox = open(backend);

    const error = await outbox.submit('ballot', ballot()).then(
      () => null,
      (caught: unknown) => caught,
    );

    expect(error).to.be.instanceOf(CivicError);
    expect((error as CivicError).code).to.equal('validation');
    expect((error as CivicError).fieldErrors[0]?.field).to.equal('selections');
    expect(await outbox.pending()).to.deep.equal([]);
    expect(await outbox.failed()).to.deep.equal([]);
    expect(outbox.status()).to.include({ pending: 0, failed: 0 });
  });

  it('a ballot refused later, in the background, is kept aside and reported, not lost', async () => {
    const backend = new FlakyBackend();
    const failures: Array<{ entry: OutboxEntry; error: CivicError; possiblyDelivered: boolean }> = [];
    const outbox = open(backend, {
      onFailed: (entry, error, context) => failures.push({ entry, error, ...context }),
    });
    const queued = await outbox.submit('ballot', ballot());

    backend.failWith(new CivicError('closed', 'Voting has ended', { status: 409, detail: 'Voting ended on 1 May' }));
    await outbox.flush();

    expect(failures).to.have.length(1);
    expect(failures[0]?.error.code).to.equal('closed');
    expect(failures[0]?.possiblyDelivered).to.equal(false);
    const [kept] = await outbox.failed();
    expect(kept?.key).to.equal(queued.key);
    expect(kept?.payload).to.deep.equal(ballot());
    expect(kept?.lastError).to.include({ code: 'closed', detail: 'Voting ended on 1 May' });
    expect(outbox.status()).to.include({ pending: 0, failed: 1 });

    await outbox.discard(queued.key);
    expect(await outbox.failed()).to.deep.equal([]);
    expect(outbox.status().failed).to.equal(0);
  });

  it('a conflict after a send that timed out is reported as possibly delivered', async () => {
    const backend = new FlakyBackend();
    backend.failWith(new CivicError('timeout', 'No answer within 10000 ms'));
    const failures: boolean[] = [];
    const outbox = open(backend, { onFailed: (_entry, _error, context) => failures.push(context.possiblyDelivered) });
    await outbox.submit('ballot', ballot());

    backend.failWith(new CivicError('conflict', 'This voter has already voted', { status: 409 }));
    await outbox.flush();

    expect(failures).to.deep.equal([true]);
  });

  it('stops retrying once closed, as when the element that made it leaves the page', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend, { retryIntervalMs: 20 });
    await outbox.submit('ballot', ballot());
    await waitUntil(() => backend.calls >= 2, 'the outbox never retried before it was closed', bounded);

    outbox.close();
    backend.failWith(null);
    const callsAtClose = backend.calls;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(backend.calls).to.be.at.most(callsAtClose + 1);
    await outbox.submit('ballot', ballot()).then(
      () => expect.fail('a closed outbox accepted a submission'),
      (error: Error) => expect(error.message).to.contain('closed'),
    );
  });

  it('status and subscribe report how many submissions are waiting', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    const seen: OutboxStatus[] = [];
    const unsubscribe = outbox.subscribe((status) => seen.push(status));
    expect(seen).to.have.length(1);

    await outbox.submit('ballot', ballot(['p1']));
    await outbox.submit('feedback', { formId: 'form-1', answers: { q1: 4 } });
    expect(outbox.status().pending).to.equal(2);
    expect(seen.some((status) => status.pending === 2)).to.equal(true);
    expect(seen.some((status) => status.sending)).to.equal(true);

    backend.failWith(null);
    await outbox.flush();
    expect(seen.at(-1)).to.include({ pending: 0, sending: false });

    unsubscribe();
    const count = seen.length;
    await outbox.submit('ballot', ballot(['p2']));
    expect(seen).to.have.length(count);
  });

  it('sends each kind through its own client method with the stored idempotency key', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    const simulation: SimulationSubmission = { simulationId: 'sim-1', values: { libraries: 120_000_00 } };
    const feedback: FeedbackResponse = { formId: 'form-1', proposalId: 'p1', answers: { q1: 'More benches' } };
    const keys = [
      (await outbox.submit('ballot', ballot())).key,
      (await outbox.submit('simulation', simulation)).key,
      (await outbox.submit('feedback', feedback)).key,
    ];

    backend.failWith(null);
    await outbox.flush();

    expect(backend.deliveries.map((d) => [d.method, d.key])).to.deep.equal([
      ['submitBallot', keys[0]],
      ['submitSimulation', keys[1]],
      ['submitFeedback', keys[2]],
    ]);
    expect(backend.deliveries[1]?.payload).to.deep.equal(simulation);
  });

  it('stores what was submitted, not what the caller changes afterwards', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    const selections = ['p1'];
    await outbox.submit('ballot', ballot(selections));
    selections.push('p9');

    backend.failWith(null);
    await outbox.flush();

    expect(backend.deliveries[0]?.payload).to.deep.equal(ballot(['p1']));
  });

  it('two outboxes on the same device flushing at once send each entry once', async () => {
    const backend = new FlakyBackend();
    const firstTab = open(backend);
    for (const id of ['p1', 'p2', 'p3']) await firstTab.submit('ballot', ballot([id]));
    const secondTab = open(backend);
    await ready(secondTab);
    expect(secondTab.status().pending).to.equal(3);

    backend.failWith(null);
    // The oldest is slow, so one tab is still on it while the other races through the rest.
    backend.answerDelayMs = (payload) => ((payload as { selections: string[] }).selections.includes('p1') ? 150 : 10);
    await Promise.all([firstTab.flush(), secondTab.flush(), firstTab.flush()]);

    expect(backend.deliveries).to.have.length(3);
    expect(backend.distinctKeys()).to.equal(3);
    await waitUntil(() => secondTab.status().pending === 0, 'the other tab still counts pending entries', bounded);
  });

  it('an entry being sent by one outbox is not sent again by another', async () => {
    const backend = new FlakyBackend();
    backend.failWith(null);
    backend.answerDelayMs = () => 300;
    const firstTab = open(backend);
    const secondTab = open(backend);
    await Promise.all([ready(firstTab), ready(secondTab)]);

    const submitting = firstTab.submit('ballot', ballot());
    await waitUntil(() => backend.calls === 1, 'the first send never started', bounded);
    // Stored and on its way: the other tab sees it pending, but must leave it alone.
    expect(await secondTab.pending()).to.have.length(1);
    await secondTab.flush();

    expect((await submitting).status).to.equal('sent');
    expect(backend.calls).to.equal(1);
    expect(backend.deliveries).to.have.length(1);
  });

  it('submitting the same key twice is one submission', async () => {
    const backend = new FlakyBackend();
    backend.failWith(null);
    backend.answerDelayMs = () => 30;
    const outbox = open(backend);

    const [first, second] = await Promise.all([
      outbox.submit('ballot', ballot(), { idempotencyKey: 'same-key' }),
      outbox.submit('ballot', ballot(), { idempotencyKey: 'same-key' }),
    ]);

    expect(first).to.deep.equal(second);
    expect(backend.deliveries).to.have.length(1);
  });

  it('refuses the same key for a different ballot, naming the key', async () => {
    const backend = new FlakyBackend();
    const outbox = open(backend);
    await outbox.submit('ballot', ballot(['p1']), { idempotencyKey: 'reused-key' });

    const error = await outbox.submit('ballot', ballot(['p2']), { idempotencyKey: 'reused-key' }).then(
      () => null,
      (caught: unknown) => caught,
    );

    expect((error as CivicError).code).to.equal('conflict');
    expect((error as CivicError).message).to.contain('reused-key');
    const [entry] = await outbox.pending();
    expect(entry?.payload).to.deep.equal(ballot(['p1']));
  });

  it('rejects a submission it cannot understand with a message that says what is wrong', async () => {
    const outbox = open(new FlakyBackend());

    const badKind = await outbox.submit('petition' as 'ballot', ballot()).catch((caught: Error) => caught);
    const badKey = await outbox.submit('ballot', ballot(), { idempotencyKey: 'has spaces' }).catch((caught: Error) => caught);
    const uncloneable = { ...ballot(), onSubmit: () => undefined } as unknown as Ballot;
    const badPayload = await outbox.submit('ballot', uncloneable).catch((caught: Error) => caught);

    expect(String(badKind)).to.contain('"petition"');
    expect(String(badKey)).to.contain('"has spaces"');
    expect(String(badPayload)).to.contain('cannot be stored');
    expect(await outbox.pending()).to.deep.equal([]);
  });

  describe('without Web Locks (plain-http pages do not have them)', () => {
    let descriptor: PropertyDescriptor | undefined;

    beforeEach(() => {
      descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks');
      Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined });
    });

    afterEach(() => {
      if (descriptor) Object.defineProperty(Navigator.prototype, 'locks', descriptor);
    });

    it('two outboxes in one page still send an entry in flight only once', async () => {
      expect(navigator.locks).to.equal(undefined);
      const backend = new FlakyBackend();
      backend.failWith(null);
      backend.answerDelayMs = () => 200;
      const firstTab = open(backend);
      const secondTab = open(backend);
      await Promise.all([ready(firstTab), ready(secondTab)]);

      const submitting = firstTab.submit('ballot', ballot());
      await waitUntil(() => backend.calls === 1, 'the first send never started', bounded);
      await secondTab.flush();

      expect((await submitting).status).to.equal('sent');
      expect(backend.calls).to.equal(1);
    });
  });

  describe('where IndexedDB is refused (private mode, blocked storage)', () => {
    let descriptor: PropertyDescriptor | undefined;

    beforeEach(() => {
      descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB');
      // What Safari and blocked-storage Chromium do: touching indexedDB throws.
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });

    afterEach(() => {
      if (descriptor) Object.defineProperty(window, 'indexedDB', descriptor);
      else delete (window as { indexedDB?: unknown }).indexedDB;
    });

    it('still sends, queues in memory while offline, and says it is not durable', async () => {
      const backend = new FlakyBackend();
      const outbox = open(backend);

      const result = await outbox.submit('ballot', ballot());
      expect(result.status).to.equal('queued');
      expect(outbox.status()).to.include({ durable: false, pending: 1 });

      backend.failWith(null);
      await outbox.flush();
      expect(backend.deliveries.map((d) => d.key)).to.deep.equal([result.key]);
      expect(outbox.status().pending).to.equal(0);
    });
  });

  it('a submit that hits a bug in the client (not a CivicError) is refused at once, its ballot kept in the failed list and never retried', async () => {
    const backend = new FlakyBackend();
    backend.failWith(new TypeError("Cannot read properties of undefined (reading 'id')"));
    const outbox = open(backend, { retryIntervalMs: 5 });
    const refused = await outbox.submit('ballot', ballot()).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(refused, 'the caller hears of it at once').to.be.instanceOf(CivicError);
    expect((refused as CivicError).code).to.equal('internal');
    expect((refused as CivicError).message).to.include('reading \'id\'');
    const [kept] = await outbox.failed();
    expect(kept?.payload, 'the ballot is kept in the failed list').to.deep.equal(ballot());
    expect(kept?.lastError?.code).to.equal('internal');
    const callsAfterSubmit = backend.calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await outbox.flush();
    expect(backend.calls, 'no retry loop').to.equal(callsAfterSubmit);
    expect(outbox.status()).to.include({ pending: 0, failed: 1 });
  });

  it('a background send that hits a bug in the client moves the entry to the failed list and reports it once', async () => {
    const backend = new FlakyBackend();
    const failures: CivicError[] = [];
    const reported: unknown[][] = [];
    const originalConsoleError = console.error;
    console.error = (...args: unknown[]) => reported.push(args);
    try {
      const outbox = open(backend, { onFailed: (_entry, error) => failures.push(error) });
      await outbox.submit('ballot', ballot());
      backend.failWith(new RangeError('Invalid time value'));
      await outbox.flush();
      await outbox.flush();
      expect(failures.map((error) => error.code)).to.deep.equal(['internal']);
      expect(reported, 'one line in the console').to.have.length(1);
      expect(String(reported[0]?.[0])).to.include('kept aside');
      expect((reported[0]?.[1] as CivicError).message).to.include('Invalid time value');
      expect(outbox.status()).to.include({ pending: 0, failed: 1 });
    } finally {
      console.error = originalConsoleError;
    }
  });
});
