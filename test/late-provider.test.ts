/**
 * A provider defined after the elements inside it, as when the loader's parallel fetches bring the
 * provider's code last. This page imports the card alone, so `civic-provider` starts undefined.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/proposal-card/proposal-card.js';
import { textIn } from '../src/domain/localized-text.js';
import { defaultSeed } from '../src/memory/index.js';

const proposal = defaultSeed().rounds[0]!.proposals[0]!;

describe('an element whose provider is defined after it', () => {
  it('says it is loading, not that it is not set up, then shows what the provider connects it to', async () => {
    expect(customElements.get('civic-provider'), 'this page must not define the provider up front').to.equal(undefined);
    const page = await fixture(html`<civic-provider api="memory:"><civic-proposal-card proposal-id=${proposal.id}></civic-proposal-card></civic-provider>`);
    const card = page.querySelector('civic-proposal-card')!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('[part~="loading"]'), 'a loading message while the provider is on its way').to.exist;
    expect(card.shadowRoot!.querySelector('[part~="missing"]')).to.equal(null);
    await expect(page).to.be.accessible();

    await import('../src/elements/provider/provider.js');
    const title = textIn(proposal.title, 'en');
    await waitUntil(() => card.shadowRoot!.textContent!.includes(title), `the card never showed "${title}"`, { timeout: 3000 });
    await expect(page).to.be.accessible();
  });
});
