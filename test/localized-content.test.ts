import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { createMemoryClient } from '../src/memory/index.js';
import { useLocale } from '../src/i18n/localize.js';
import { polish, translatedSeed } from './support/translated-seed.js';

// Backend text in several languages ({ "en": …, "pl": … }, as Decidim sends it): every element shows
// the resident's version, marked with its lang, and never the object itself.

const seed = translatedSeed();
const round = seed.rounds.find((entry) => entry.round.id === 'fernwick-2026')!;
const proposal = round.proposals[0]!;

const elements: Array<[string, (client: ReturnType<typeof createMemoryClient>) => ReturnType<typeof html>, string]> = [
  ['civic-proposal-card', (client) => html`<civic-proposal-card .client=${client} proposal-id=${proposal.id}></civic-proposal-card>`, '[part~="base"]'],
  ['civic-proposal-list', (client) => html`<civic-proposal-list .client=${client} round="fernwick-2026"></civic-proposal-list>`, '[part~="list"]'],
  ['civic-vote-form', (client) => html`<civic-vote-form .client=${client} round="fernwick-2026"></civic-vote-form>`, '[part~="ballot"]'],
  ['civic-results', (client) => html`<civic-results .client=${client} round="fernwick-2025"></civic-results>`, '[part~="summary"]'],
  ['civic-budget-simulator', (client) => html`<civic-budget-simulator .client=${client} simulation="fernwick-council-budget-2026"></civic-budget-simulator>`, '[part~="balance"]'],
  ['civic-feedback-form', (client) => html`<civic-feedback-form .client=${client} form="fernwick-feedback"></civic-feedback-form>`, '[part~="form"]'],
];

/** Every text in the element and the elements inside it, shadow roots included. */
function deepText(node: Node): string {
  if (node instanceof Element && node.shadowRoot) return deepText(node.shadowRoot) + [...node.childNodes].map(deepText).join('');
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  return [...node.childNodes].map(deepText).join(' ');
}

/** Elements marked with `lang` in the element and the elements inside it. */
function marked(root: ParentNode, lang: string): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [
    ...(element.getAttribute('lang') === lang ? [element] : []),
    ...(element.shadowRoot ? marked(element.shadowRoot, lang) : []),
  ]);
}

describe('text from the backend in several languages', () => {
  after(() => useLocale('en-GB'));

  for (const [tag, template, done] of elements) {
    it(`${tag} shows the resident's language, marks it with its lang, and falls back to English`, async () => {
      const client = createMemoryClient(translatedSeed());
      const page = await fixture(html`<civic-provider locale="pl">${template(client)}</civic-provider>`);
      const element = page.firstElementChild!;
      await waitUntil(() => element.shadowRoot?.querySelector(done), `${tag} never loaded`, { timeout: 5000 });
      await waitUntil(() => marked(element.shadowRoot!, 'pl').some((text) => text.textContent!.includes('PL ')), `${tag} shows no Polish text marked lang="pl"`, { timeout: 5000 });
      expect(deepText(element)).not.to.include('[object Object]');

      // A resident reading Welsh gets the English version (the fallback), marked as English.
      page.setAttribute('locale', 'cy');
      await waitUntil(() => !deepText(element).includes('PL '), `${tag} kept Polish text for a Welsh reader`, { timeout: 5000 });
      expect(marked(element.shadowRoot!, 'en'), `${tag} marks the English fallback`).not.to.deep.equal([]);
      expect(deepText(element)).not.to.include('[object Object]');
    });
  }

  it('civic-budget-slider takes a label in several languages from a page', async () => {
    const slider = await fixture(html`<civic-budget-slider locale="pl" .label=${{ en: 'Libraries', pl: polish('Libraries') }} min="0" max="10" step="1" baseline="5"></civic-budget-slider>`);
    await waitUntil(() => slider.shadowRoot!.querySelector('[part~="label"] [lang="pl"]')?.textContent === polish('Libraries'), 'the Polish label never showed');
    expect(slider.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!.labels![0]!.textContent).to.include(polish('Libraries'));
  });
});
