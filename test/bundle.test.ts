import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// This file imports nothing from src/: everything comes from the built single-file bundle,
// as on a webmaster's page. `npm test` builds it before the browser tests.

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** `civic-<name>` for every element entry of package.json `exports` (`./vote-form` → `civic-vote-form`). */
async function exportedElementTags(): Promise<string[]> {
  const pkg = (await (await fetch('/package.json')).json()) as { exports: Record<string, string | { default: string }> };
  return Object.entries(pkg.exports)
    .filter(([, target]) => /\/dist\/es\/elements\//.test(typeof target === 'string' ? target : target.default))
    .map(([key]) => `civic-${key.slice(2)}`);
}

describe('dist/civic-widgets.js, the single-file bundle', () => {
  const pageErrors: string[] = [];
  const consoleErrors: unknown[][] = [];
  let globalsBefore: Set<string>;
  const originalConsoleError = console.error;

  before(async () => {
    globalsBefore = new Set(Object.keys(window));
    window.addEventListener('error', (event) => pageErrors.push(event.message));
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args);
      originalConsoleError(...args);
    };
    // A CMS block and a theme both adding the script tag.
    await loadScript('/dist/civic-widgets.js');
    await loadScript('/dist/civic-widgets.js');
  });

  after(() => {
    console.error = originalConsoleError;
  });

  it('can be loaded twice on one page without an error', () => {
    expect(pageErrors).to.deep.equal([]);
    expect(consoleErrors).to.deep.equal([]);
  });

  it('registers every element the package exports', async () => {
    const tags = await exportedElementTags();
    expect(tags, 'the package exports its elements').to.include.members(['civic-provider', 'civic-proposal-card']);
    const missing = tags.filter((tag) => !customElements.get(tag));
    expect(missing, 'left out of src/index.ts').to.deep.equal([]);
  });

  it('adds no global variable to the page', () => {
    const added = Object.keys(window).filter((key) => !globalsBefore.has(key));
    expect(added).to.deep.equal([]);
  });

  it('shows a proposal from the in-browser backend with nothing but markup', async () => {
    const card = await fixture(html`<civic-proposal-card api="memory:" proposal-id="ash-pocket-park"></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot?.textContent?.includes('Pocket park'), 'the card never loaded', { timeout: 3000 });
    await expect(card).to.be.accessible();
  });
});
