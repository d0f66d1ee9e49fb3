import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import { failingClient } from '../stories/support/clients.js';

// A host page that does its worst: a 62.5% root font size, a universal reset, odd inherited text styles.
const hostileStyles = `
  html { font-size: 62.5% !important; }
  * { margin: 0; padding: 0; box-sizing: content-box; }
  body { font: 10px/1 "Comic Sans MS", cursive; letter-spacing: 3px; word-spacing: 8px;
         text-transform: uppercase; text-align: right; text-indent: 40px; white-space: nowrap; color: #777; }
`;

function textElements(root: ShadowRoot): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new Set<HTMLElement>();
  while (walker.nextNode()) {
    if (walker.currentNode.textContent?.trim() && walker.currentNode.parentElement) parents.add(walker.currentNode.parentElement);
  }
  return [...parents];
}

function expectReadable(root: ShadowRoot) {
  const elements = textElements(root);
  expect(elements.length, 'some text').to.be.greaterThan(0);
  for (const element of elements) {
    const style = getComputedStyle(element);
    const where = `${element.localName}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`;
    expect(parseFloat(style.fontSize), `font size of ${where}`).to.be.at.least(16);
    expect(parseFloat(style.lineHeight), `line height of ${where}`).to.be.at.least(parseFloat(style.fontSize) * 1.1 - 0.01);
    expect(style.letterSpacing, `letter spacing of ${where}`).to.equal('normal');
    expect(style.textTransform, `text transform of ${where}`).to.equal('none');
  }
}

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
