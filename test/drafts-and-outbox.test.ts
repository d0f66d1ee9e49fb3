import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { clientFor } from '../src/core/client-for.js';
import { clearAllDrafts, DraftController } from '../src/core/draft-controller.js';
import { outboxFor } from '../src/core/outbox-for.js';
import { CivicError, type CivicClient } from '../src/client/client.js';
import { createMemoryClient } from '../src/memory/index.js';

class DraftHost extends LitElement {
  roundId?: string = 'r1';
  readonly draft = new DraftController<string[]>(this, {
    key: () => (this.roundId ? `test:${this.roundId}` : undefined),
    read: (stored) => (Array.isArray(stored) && stored.every((id) => typeof id === 'string') ? stored : undefined),
  });
}
customElements.define('draft-host', DraftHost);

describe('drafts kept on the device', () => {
  afterEach(() => clearAllDrafts());

  it('restores what was saved for the same key after the element is made again, and forgets it when cleared', async () => {
    const first = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    first.draft.save(['a', 'b']);
    const second = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    expect(second.draft.restore()).to.deep.equal(['a', 'b']);
    second.roundId = 'r2';
    expect(second.draft.restore(), 'another round has its own draft').to.equal(undefined);
    second.roundId = 'r1';
    second.draft.clear();
    expect(second.draft.restore()).to.equal(undefined);
  });

  it('ignores a stored draft it can no longer use instead of failing', async () => {
    localStorage.setItem('civic-widgets:draft:test:r1', '{"not":"a list"');
    const host = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    expect(host.draft.restore()).to.equal(undefined);
    localStorage.setItem('civic-widgets:draft:test:r1', '{"not":"a list"}');
    expect(host.draft.restore()).to.equal(undefined);
  });

  it('keeps no draft, and does not fail, while the element does not know what it shows', async () => {
    const host = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    host.roundId = undefined;
    host.draft.save(['a']);
    expect(host.draft.restore()).to.equal(undefined);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('civic-widgets:draft:'))).to.deep.equal([]);
  });
});

describe('one outbox per backend', () => {
  it('names a REST backend by its absolute base URL, so two elements of one backend share its queue on the device', () => {
    expect(clientFor('/api').id).to.equal(`rest:${location.origin}/api`);
    expect(clientFor('https://pb.example.gov.uk/api/').id).to.equal('rest:https://pb.example.gov.uk/api');
  });

  it('never sends one custom client\'s waiting submission through another, and keeps it in the page only', async () => {
    const received: string[] = [];
    const flaky = (name: string, failing: { now: boolean }): CivicClient => ({
      ...createMemoryClient(),
      submitBallot: async (ballot) => {
        if (failing.now) throw new CivicError('network', 'offline');
        received.push(name);
        return { id: `${name}-receipt`, roundId: ballot.roundId, receivedAt: new Date().toISOString() };
      },
    });
    const offline = { now: true };
    const first = outboxFor(flaky('first', offline));
    const second = outboxFor(flaky('second', { now: false }));
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const queued = await first.outbox.submit('ballot', { roundId: 'r', kind: 'approval', selections: ['a'] });
      expect(queued.status).to.equal('queued');
      expect(first.outbox.status().durable, 'no id: the queue lives in the page').to.equal(false);
      await second.outbox.flush();
      expect(received, 'the other backend got nothing').to.deep.equal([]);
      offline.now = false;
      await first.outbox.flush();
      expect(received).to.deep.equal(['first']);
      expect(warnings.length, 'one warning that the queue will not survive a reload').to.equal(1);
    } finally {
      console.warn = warn;
      first.outbox.close();
      second.outbox.close();
    }
  });

  it('gives every element with the same client the same outbox, and another backend its own database', () => {
    const a = clientFor('memory:outbox-test-a');
    const b = clientFor('memory:outbox-test-b');
    expect(outboxFor(a)).to.equal(outboxFor(clientFor('memory:outbox-test-a')));
    expect(outboxFor(a).outbox).not.to.equal(outboxFor(b).outbox);
    const custom = createMemoryClient();
    expect(outboxFor(custom)).to.equal(outboxFor(custom));
  });
});
