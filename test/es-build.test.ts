import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// The npm build (dist/es/, built by `npm run build` before the browser tests), as a host's bundler
// or an import map would load it: the shipped languages register themselves and each is its own
// module, fetched only when the page asks for that language. Nothing here is imported from src/.

interface EsBuild {
  getLocale(): string;
}

const localeModules = () =>
  performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/es/i18n/locales/'));

describe('dist/es, the npm build', () => {
  it('registers the shipped languages and fetches only the page’s', async () => {
    // The test page loads hundreds of unbundled modules: room to record every one.
    performance.setResourceTimingBufferSize(100_000);
    const build = (await import(/* @vite-ignore */ `${'/dist/es'}/index.js`)) as EsBuild;
    expect(localeModules(), 'no translations before a language is asked for').to.deep.equal([]);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'pl';
    try {
      await fixture(html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`);
      await waitUntil(() => build.getLocale() === 'pl', 'Polish never loaded', { timeout: 5000 });
      expect(localeModules()).to.deep.equal(['/dist/es/i18n/locales/pl.js']);
    } finally {
      document.documentElement.lang = before;
    }
  });
});
