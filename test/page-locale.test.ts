import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import '../src/elements/provider/provider.js';
import '../src/elements/proposal-card/proposal-card.js';
import { builtInLocales } from '../src/i18n/built-in-locales.js';
import { getLocale, useLocale } from '../src/i18n/localize.js';

// Which language a page shows (src/core/page-locale.ts), with the shipped locale modules as they are
// built from xliff/: a message shows its translation once there is one, else the English.

const NOT_SET_UP = 'This widget is not set up yet';

/** What the shipped `locale` module shows for the "not set up" message (English until it is translated). */
async function shipped(locale: string): Promise<string> {
  const { templates } = await builtInLocales[locale]!();
  return (templates[generateMsgId(NOT_SET_UP, false)] as string | undefined) ?? NOT_SET_UP;
}

const title = (card: Element) => card.shadowRoot!.querySelector('.message__title')?.textContent ?? '';

async function showsLocale(locale: string, ...cards: Element[]) {
  await waitUntil(() => getLocale() === locale, `the page never showed ${locale} (shows ${getLocale()})`, { timeout: 5000 });
  const expected = await shipped(locale);
  await waitUntil(() => cards.every((card) => title(card) === expected), `not every element shows the ${locale} text`, { timeout: 5000 });
}

describe('the language a page shows', () => {
  const root = document.documentElement;
  const langBefore = root.lang;
  afterEach(async () => {
    root.lang = langBefore;
    await useLocale('en-GB');
  });

  it('follows the host page’s <html lang> with no locale set, fetching the shipped module, and follows a change of it at run time', async () => {
    root.lang = 'cy-GB';
    const card = await fixture(html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`);
    await showsLocale('cy', card);
    expect(card.hasAttribute('lang'), 'the same language as the page needs no lang of its own').to.equal(false);
    root.lang = 'pl';
    await showsLocale('pl', card);
    root.lang = 'en-GB';
    await waitUntil(() => title(card) === NOT_SET_UP, 'never came back to English', { timeout: 5000 });
  });

  it('takes the element’s locale over the provider’s, and the provider’s over the page’s', async () => {
    root.lang = 'pl';
    const page = await fixture(html`<civic-provider locale="ro"><civic-proposal-card proposal-id="x"></civic-proposal-card></civic-provider>`);
    const card = page.querySelector('civic-proposal-card')!;
    await showsLocale('ro', card);
    card.setAttribute('locale', 'lt');
    await showsLocale('lt', card);
    card.removeAttribute('locale');
    page.setAttribute('locale', 'pt');
    await showsLocale('pt', card);
  });

  it('marks an element in another language than the page’s with that lang and dir, and unmarks it when they agree', async () => {
    root.lang = 'en-GB';
    const page = await fixture(html`<civic-provider locale="ar"><civic-proposal-card proposal-id="x"></civic-proposal-card></civic-provider>`);
    const card = page.querySelector('civic-proposal-card')!;
    await showsLocale('ar', card);
    await waitUntil(() => card.getAttribute('lang') === 'ar', 'never marked lang="ar"');
    expect(card.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(card.shadowRoot!.querySelector('.message__title')!).direction).to.equal('rtl');
    // The page turns Arabic: the element now agrees with it.
    root.lang = 'ar';
    await waitUntil(() => !card.hasAttribute('lang'), 'kept a lang the page already says');
    expect(card.hasAttribute('dir')).to.equal(false);
    // An English widget on an Arabic page reads left to right.
    page.setAttribute('locale', 'en-GB');
    await waitUntil(() => card.getAttribute('lang') === 'en-GB' && card.getAttribute('dir') === 'ltr', 'an English element on an Arabic page is not marked');
  });

  it('shows one language when two elements ask for different ones: the later wins, the console says so, the earlier returns when the later leaves', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(String(message));
    try {
      const first = await fixture(html`<civic-proposal-card locale="pl" proposal-id="x"></civic-proposal-card>`);
      await showsLocale('pl', first);
      const second = await fixture(html`<civic-proposal-card locale="cy" proposal-id="x"></civic-proposal-card>`);
      await showsLocale('cy', first, second);
      expect(warnings.some((text) => /ask for pl and cy/.test(text)), warnings.join('\n')).to.equal(true);
      second.remove();
      await showsLocale('pl', first);
    } finally {
      console.warn = warn;
    }
  });

  it('formats money in the requested locale while its language (or English, lacking it) shows', async () => {
    const card = await fixture(html`<civic-proposal-card locale="de-DE" .proposal=${{ id: 'p', title: 'Benches', summary: 'More benches', cost: 4_800_000, status: 'proposed', categories: [] }}></civic-proposal-card>`);
    await waitUntil(() => card.shadowRoot!.textContent!.includes('48.000'), 'not formatted the German way');
  });
});
