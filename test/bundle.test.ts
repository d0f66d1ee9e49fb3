import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';

// This file imports nothing from src/: everything comes from the built loader (dist/civic-widgets.js)
// and the modules it loads from beside itself, as on a webmaster's page. `npm test` builds them
// before the browser tests.

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

/** A fresh page (an iframe) with the loader and `body`; resolves once it has loaded. */
async function freshPage(body: string, lang = 'en-GB'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><script src="/dist/civic-widgets.js"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

/** The modules a page has fetched from beside the loader. */
const fetchedModules = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/civic-widgets/'));

describe('dist/civic-widgets.js, the script a webmaster adds', () => {
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

  it('defines every element the package exports as soon as a page uses it', async () => {
    const tags = await exportedElementTags();
    expect(tags, 'the package exports its elements').to.include.members(['civic-provider', 'civic-proposal-card']);
    const frame = await freshPage(tags.map((tag) => `<${tag}></${tag}>`).join(''));
    const registry = frame.contentWindow!.customElements;
    const defined = await Promise.all(tags.map((tag) => Promise.race([registry.whenDefined(tag).then(() => tag), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))])));
    expect(tags.filter((tag, i) => defined[i] !== tag), 'never defined').to.deep.equal([]);
    frame.remove();
  });

  it('downloads only the elements a page uses: a page with a card fetches no feedback form', async () => {
    const frame = await freshPage('<civic-proposal-card></civic-proposal-card>');
    await frame.contentWindow!.customElements.whenDefined('civic-proposal-card');
    const fetched = fetchedModules(frame);
    expect(fetched).to.include('/dist/civic-widgets/proposal-card.js');
    expect(fetched).not.to.include('/dist/civic-widgets/feedback-form.js');
    expect(frame.contentWindow!.customElements.get('civic-feedback-form')).to.equal(undefined);
    frame.remove();
  });

  it('fetches the translations of the page’s language only, beside the elements, and shows them', async () => {
    const frame = await freshPage('<civic-proposal-card proposal-id="x"></civic-proposal-card>', 'cy');
    try {
      const card = frame.contentDocument!.querySelector('civic-proposal-card')!;
      const { templates } = (await import(/* @vite-ignore */ `${'/dist/civic-widgets/locales'}/cy.js`)) as { templates: Record<string, string> };
      const welsh = templates[generateMsgId('This widget is not set up yet', false)];
      expect(welsh, 'the built cy module has the message (English until translated)').to.be.a('string');
      await waitUntil(() => card.shadowRoot?.querySelector('.message__title')?.textContent === welsh, 'never showed the cy text', { timeout: 5000 });
      // Welsh brings its own dates, which Chromium lacks.
      expect(fetchedModules(frame).filter((path) => path.includes('/locales/')).sort()).to.deep.equal(['/dist/civic-widgets/locales/cy-dates.js', '/dist/civic-widgets/locales/cy.js']);
      // Asked for with the element's modules, not after they ran: no second round trip before the Welsh shows.
      const entries = frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const timing = (file: string) => entries.find((entry) => entry.name.endsWith(file))!;
      expect(timing('/locales/cy.js').startTime).to.be.below(timing('/proposal-card.js').responseEnd);
      expect(timing('/locales/cy-dates.js').startTime).to.be.below(timing('/proposal-card.js').responseEnd);
    } finally {
      frame.remove();
    }
  });

  it('fetches no translations on an English page', async () => {
    const frame = await freshPage('<civic-proposal-card proposal-id="x"></civic-proposal-card>', 'en-GB');
    const card = frame.contentDocument!.querySelector('civic-proposal-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('.message__title')?.textContent === 'This widget is not set up yet', 'never rendered', { timeout: 5000 });
    expect(fetchedModules(frame).filter((path) => path.includes('/locales/'))).to.deep.equal([]);
    frame.remove();
  });

  it('defines an element the page adds later, as a single-page app does', async () => {
    const frame = await freshPage('');
    const card = frame.contentDocument!.createElement('civic-proposal-card');
    frame.contentDocument!.body.append(frame.contentDocument!.createElement('div'));
    frame.contentDocument!.body.lastElementChild!.append(card);
    await waitUntil(() => frame.contentWindow!.customElements.get('civic-proposal-card'), 'never defined', { timeout: 5000 });
    frame.remove();
  });

  it('adds no global variable to the page', () => {
    const added = Object.keys(window).filter((key) => !globalsBefore.has(key));
    expect(added).to.deep.equal([]);
  });

  it('shows a proposal from the in-browser backend (fetched on demand) with nothing but markup', async () => {
    const card = await fixture(html`<civic-proposal-card api="memory:" proposal-id="ash-pocket-park"></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot?.textContent?.includes('Pocket park'), 'the card never loaded', { timeout: 3000 });
    await expect(card).to.be.accessible();
  });
});
