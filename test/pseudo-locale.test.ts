import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import type { Proposal } from '../src/domain/types.js';
import { getLocale, registerLocale, useLocale } from '../src/i18n/localize.js';
import { untranslatedTexts } from './support/conformance.js';

// In the pseudo-locale every string that went through msg() reads ⟦like ţĥíš⟧. Any other text a
// resident sees must be data from the backend or a formatted number; anything else skipped msg().
// Every element's shared states are checked by its conformance suite; these are the card's own.

const seed = defaultSeed();
const proposal = seed.rounds[0]!.proposals.find((p) => p.imageUrl)!;
const statuses: Proposal['status'][] = ['proposed', 'shortlisted', 'funded', 'not-funded', 'withdrawn', 'delivered'];

const states: Array<[string, () => TemplateResult, (el: Element) => unknown]> = [
  ['not found', () => html`<civic-proposal-card .client=${createMemoryClient(seed)} proposal-id="none"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="error"]')],
  ['no proposal id', () => html`<civic-proposal-card api="memory:"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="missing"]')],
  ...statuses.map((status): [string, () => TemplateResult, (el: Element) => unknown] => [
    `status ${status}`,
    () => html`<civic-proposal-card .proposal=${{ ...proposal, status }}></civic-proposal-card>`,
    (el) => el.shadowRoot!.querySelector('[part="status"]'),
  ]),
];

describe('every visible string goes through msg()', () => {
  before(async () => {
    registerLocale('en-XA', () => import('../src/i18n/locales/en-XA.js'));
    await useLocale('en-XA');
    expect(getLocale()).to.equal('en-XA');
  });
  after(() => useLocale('en-GB'));

  for (const [name, template, ready] of states) {
    it(`has no untranslated text: ${name}`, async () => {
      const element = await fixture(template());
      await waitUntil(() => ready(element), `${name} never rendered`, { timeout: 3000 });
      expect(untranslatedTexts(element)).to.deep.equal([]);
    });
  }

  it('would catch a string that skipped msg()', async () => {
    const element = await fixture(html`<civic-proposal-card .proposal=${proposal}><span slot="actions">Add to my vote</span></civic-proposal-card>`);
    expect(untranslatedTexts(element)).to.deep.equal(['Add to my vote']);
  });
});
