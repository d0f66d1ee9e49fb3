import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/proposal-card/proposal-card.js';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { getLocale, registerLocale, resolveLocale, useLocale } from '../src/i18n/localize.js';

describe('choosing a language', () => {
  afterEach(() => useLocale('en-GB'));

  it('uses the source English for English variants and for languages not yet translated', () => {
    expect(resolveLocale('en-US')).to.equal('en-GB');
    expect(resolveLocale('fr')).to.equal('en-GB');
    expect(resolveLocale(undefined)).to.equal('en-GB');
  });

  it('uses a registered translation for its exact tag, ignoring case', async () => {
    registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));
    expect(resolveLocale('EN-xa')).to.equal('en-XA');
    await useLocale('en-xa');
    expect(getLocale()).to.equal('en-XA');
  });

  it('keeps the page readable in English when a translation fails to load', async () => {
    registerLocale('en-XA', () => Promise.reject(new Error('offline')));
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(await useLocale('en-XA')).to.equal('en-GB');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
  });

  it('re-renders elements already on the page when the language changes', async () => {
    registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));
    const card = await fixture(html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`);
    expect(card.shadowRoot!.textContent).to.include('This widget is not set up yet');
    card.setAttribute('locale', 'en-XA');
    await waitUntil(() => card.shadowRoot!.textContent!.includes('⟦Ţĥíš ŵíđĝéţ'), 'never re-rendered', { timeout: 3000 });
  });

  it('takes a language the library does not ship, added by the host at run time', async () => {
    const welsh = { [generateMsgId('This widget is not set up yet', false)]: 'Nid yw’r teclyn hwn wedi’i osod eto' };
    const somali = { [generateMsgId('This widget is not set up yet', false)]: 'Qalabkan weli lama dejin' };
    registerLocale('cy', () => Promise.resolve({ templates: welsh }));
    registerLocale('so', () => Promise.resolve({ templates: somali }));
    const card = await fixture(html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`);
    card.setAttribute('locale', 'cy-GB');
    await waitUntil(() => card.shadowRoot!.textContent!.includes('Nid yw’r teclyn'), 'Welsh never showed', { timeout: 3000 });
    expect(getLocale()).to.equal('cy');
    card.setAttribute('locale', 'so');
    await waitUntil(() => card.shadowRoot!.textContent!.includes('Qalabkan'), 'Somali never showed', { timeout: 3000 });
    expect(getLocale()).to.equal('so');
    card.setAttribute('locale', 'cy');
    await waitUntil(() => card.shadowRoot!.textContent!.includes('Nid yw’r teclyn'), 'Welsh never came back', { timeout: 3000 });
  });

  it('refuses a language tag that is not BCP 47, naming it', () => {
    expect(() => registerLocale('not a locale', () => Promise.resolve({ templates: {} }))).to.throw(RangeError, /not a locale/);
  });
});
