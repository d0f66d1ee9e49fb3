import { expect } from '@open-wc/testing';
import { CivicError } from '../src/client/client.js';
import { createMemoryClient, DEFAULT_STORAGE_KEY, type MemorySeed } from '../src/memory/index.js';
import type { Ballot } from '../src/domain/types.js';

const seed: MemorySeed = {
  rounds: [
    {
      round: {
        id: 'kiosk-round',
        title: 'Library kiosk vote',
        description: '',
        budget: 50_000_00,
        currency: 'GBP',
        opensAt: null,
        closesAt: null,
        status: 'open',
        rules: { kind: 'approval', maxLength: 2, maxSumCost: 50_000_00 },
        voterIdentity: 'code',
        // Live, so that the tests see ballots counted while the round is open.
        results: { rules: ['greedy'], live: true },
      },
      proposals: ['benches', 'trees', 'lights'].map((id) => ({ id, title: id, summary: '', cost: 10_000_00, categories: [], status: 'shortlisted' as const })),
      votingCodes: ['KIOSK-0001', 'KIOSK-0002'],
    },
  ],
  simulations: [],
  forms: [],
};

const vote = (votingCode: string, ...selections: string[]): Ballot => ({ roundId: 'kiosk-round', kind: 'approval', selections, votingCode });

async function votes(client: ReturnType<typeof createMemoryClient>): Promise<number[]> {
  return (await client.getResults('kiosk-round')).proposals.map((proposal) => proposal.votes);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the in-browser backend in Chromium', () => {
  const key = 'civic-widgets:test:memory';
  let warnings: unknown[][];
  const warn = console.warn;

  beforeEach(() => {
    localStorage.removeItem(key);
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    console.warn = warn;
    localStorage.removeItem(key);
  });

  it('keeps ballots, receipts and used codes for a new client on the same key, as after a reload', async () => {
    const kiosk = createMemoryClient(seed, { persist: key });
    const receipt = await kiosk.submitBallot(vote('kiosk-0001', 'benches', 'trees'), { idempotencyKey: 'ballot-1' });

    const reloaded = createMemoryClient(seed, { persist: key });
    expect(await votes(reloaded)).to.deep.equal([1, 1, 0]);
    expect(await reloaded.submitBallot(vote('kiosk-0001', 'benches', 'trees'), { idempotencyKey: 'ballot-1' })).to.deep.equal(receipt);
    expect(await reloaded.getReceipt(receipt.id)).to.deep.equal(receipt);
    const reused = await rejection(reloaded.submitBallot(vote('KIOSK-0001', 'lights')));
    expect(reused).to.be.instanceOf(CivicError);
    expect((reused as CivicError).code).to.equal('conflict');
    await reloaded.submitBallot(vote('KIOSK-0002', 'lights'));
    expect(await votes(createMemoryClient(seed, { persist: key }))).to.deep.equal([1, 1, 1]);
    expect(warnings).to.deep.equal([]);
  });

  it('does not share a store between different keys or with an unpersisted client', async () => {
    await createMemoryClient(seed, { persist: key }).submitBallot(vote('KIOSK-0001', 'trees'));
    expect(await votes(createMemoryClient(seed, { persist: `${key}:other` }))).to.deep.equal([0, 0, 0]);
    expect(await votes(createMemoryClient(seed))).to.deep.equal([0, 0, 0]);
    localStorage.removeItem(`${key}:other`);
  });

  it('sees a ballot cast by another client on the same key, as another tab would', async () => {
    const tabA = createMemoryClient(seed, { persist: key });
    const tabB = createMemoryClient(seed, { persist: key });
    await tabA.submitBallot(vote('KIOSK-0001', 'trees'));
    expect((await rejection(tabB.submitBallot(vote('KIOSK-0001', 'lights'))) as CivicError).code).to.equal('conflict');
    expect(await votes(tabB)).to.deep.equal([0, 1, 0]);
  });

  it('recovers from corrupt stored data: warns, starts from the seed and stores cleanly again', async () => {
    localStorage.setItem(key, '{"version":1,"ballots":[{"roundId":');
    const client = createMemoryClient(seed, { persist: key });
    expect(await votes(client)).to.deep.equal([0, 0, 0]);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain(key);
    await client.submitBallot(vote('KIOSK-0001', 'benches'));
    expect(JSON.parse(localStorage.getItem(key)!).ballots).to.have.length(1);
    expect(await votes(createMemoryClient(seed, { persist: key }))).to.deep.equal([1, 0, 0]);
    expect(warnings).to.have.length(1);
  });

  it('recovers from stored data of the wrong shape', async () => {
    localStorage.setItem(key, JSON.stringify({ version: 1, ballots: [{ roundId: 'kiosk-round', selections: 'benches' }] }));
    const client = createMemoryClient(seed, { persist: key });
    await client.submitBallot(vote('KIOSK-0002', 'lights'));
    expect(await votes(client)).to.deep.equal([0, 0, 1]);
    expect(warnings).to.have.length(1);
  });

  it('uses its default key for persist: true', async () => {
    const previous = localStorage.getItem(DEFAULT_STORAGE_KEY);
    localStorage.removeItem(DEFAULT_STORAGE_KEY);
    try {
      await createMemoryClient(seed, { persist: true }).submitBallot(vote('KIOSK-0001', 'trees'));
      expect(localStorage.getItem(DEFAULT_STORAGE_KEY)).to.contain('kiosk-round');
    } finally {
      if (previous === null) localStorage.removeItem(DEFAULT_STORAGE_KEY);
      else localStorage.setItem(DEFAULT_STORAGE_KEY, previous);
    }
  });

  it('rejects an aborted request as aborted, like the REST client', async () => {
    const controller = new AbortController();
    const pending = createMemoryClient(seed, { latencyMs: 50 }).getRound('kiosk-round', { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(CivicError);
    expect((error as CivicError).code).to.equal('aborted');
  });

  it('serves the default demo with pictures that load in the browser', async () => {
    const client = createMemoryClient();
    const page = await client.listProposals('fernwick-2026', { pageSize: 100 });
    const withPicture = page.items.find((item) => item.imageUrl)!;
    const image = new Image();
    image.src = withPicture.imageUrl!;
    await image.decode();
    expect(image.naturalWidth).to.be.greaterThan(0);
  });
});
