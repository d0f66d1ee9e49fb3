import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { clientFor } from '../src/core/client-for.js';
import { clearAllDrafts, DraftController } from '../src/core/draft-controller.js';
import { outboxFor } from '../src/core/outbox-for.js';
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
  it('gives every element with the same client the same outbox, and another backend its own database', () => {
    const a = clientFor('memory:outbox-test-a');
    const b = clientFor('memory:outbox-test-b');
    expect(outboxFor(a)).to.equal(outboxFor(clientFor('memory:outbox-test-a')));
    expect(outboxFor(a).outbox).not.to.equal(outboxFor(b).outbox);
    const custom = createMemoryClient();
    expect(outboxFor(custom)).to.equal(outboxFor(custom));
  });
});
