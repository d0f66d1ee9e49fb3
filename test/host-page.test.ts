import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { failingClient } from '../stories/support/clients.js';
import { expectReadable, hostileStyles } from './support/host-page.js';

describe('on a host page with html { font-size: 62.5% } and a universal reset', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = hostileStyles;
    document.head.append(style);
  });
  after(() => style.remove());

  it('keeps a proposal card’s text at 16px or more, spaced and wrapping', async () => {
    const client = createMemoryClient(defaultSeed());
    const card = await fixture(html`<civic-proposal-card .client=${client} proposal-id="ash-pocket-park" style="inline-size: 320px"></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('[part="base"]'), 'the card never loaded', { timeout: 3000 });
    expectReadable(card.shadowRoot!);
    // The host's nowrap must not leak in: text wraps and stays inside a narrow card.
    const base = card.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(getComputedStyle(base).whiteSpace).to.equal('normal');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('keeps buttons a comfortable size to tap', async () => {
    const card = await fixture(html`<civic-proposal-card .client=${failingClient('network')} proposal-id="x"></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('[part="retry-button"]'), 'no retry button', { timeout: 3000 });
    expectReadable(card.shadowRoot!);
    const button = card.shadowRoot!.querySelector<HTMLElement>('[part="retry-button"]')!;
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(parseFloat(getComputedStyle(button).paddingInlineStart)).to.be.greaterThan(0);
  });

  it('keeps the "not set up" message readable', async () => {
    const card = await fixture(html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`);
    expectReadable(card.shadowRoot!);
  });
});
