import { expect, fixture, html } from '@open-wc/testing';
import '../src/elements/proposal-card/proposal-card.js';

// What a page that rendered with a framework before registering the elements leaves behind
// (React 19 writes an object prop on an unknown element as an attribute).
describe('an object that arrived as the text "[object Object]"', () => {
  it('is named on the page with how to fix it, and once in the console', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const card = await fixture(html`<civic-proposal-card client="[object Object]" proposal-id="ash-pocket-park"></civic-proposal-card>`);
      const message = card.shadowRoot!.querySelector('[part~="missing"]')!.textContent!.replace(/\s+/g, ' ');
      expect(message).to.include('client as text');
      // The fix fits the script-tag loader: wait for the definition before setting the object, or import from npm.
      expect(message).to.include("await customElements.whenDefined('civic-proposal-card')");
      expect(message).to.include('import the element from npm');
      (card as HTMLElement & { requestUpdate(): void }).requestUpdate();
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.include('<civic-proposal-card> got client');
      expect(String(logged[0]![0])).to.include("await customElements.whenDefined('civic-proposal-card')");
      expect(String(logged[0]![0])).to.include("import 'civic-widgets/proposal-card'");
      await expect(card).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('is not mistaken in real text that merely mentions objects', async () => {
    const card = await fixture(html`<civic-proposal-card title="[object] notes" proposal-id="x"></civic-proposal-card>`);
    expect(card.shadowRoot!.textContent).to.include('It needs a server to talk to');
  });
});
