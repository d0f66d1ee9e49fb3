import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { createMemoryClient, defaultSeed } from '../src/memory/index.js';
import type { Proposal } from '../src/domain/types.js';
import { getLocale, registerLocale, useLocale } from '../src/i18n/localize.js';
import { failingClient, silentClient } from '../stories/support/clients.js';
import { residentTexts } from './support/texts.js';

// In the pseudo-locale every string that went through msg() reads ⟦like ţĥíš⟧. Any other text a
// resident sees must be data from the backend or a formatted number; anything else skipped msg().

const seed = defaultSeed();
const proposal = seed.rounds[0]!.proposals.find((p) => p.imageUrl)!;
const statuses: Proposal['status'][] = ['proposed', 'shortlisted', 'funded', 'not-funded', 'withdrawn', 'delivered'];

function dataOf(p: Proposal): string[] {
  return [p.title, p.summary, p.area ?? '', p.imageAlt ?? '', ...p.categories];
}

const isPseudo = (text: string) => /^⟦[\s\S]*⟧$/.test(text);
const isNumber = (text: string) => /^[\d\s.,£$€%+\-−]+$/.test(text);

function untranslated(element: Element, data: string[]): string[] {
  return residentTexts(element).filter((text) => !isPseudo(text) && !isNumber(text) && !data.includes(text));
}

const states: Array<[string, () => TemplateResult, (el: Element) => unknown]> = [
  ['a loaded card', () => html`<civic-proposal-card .client=${createMemoryClient(seed)} proposal-id=${proposal.id}></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="base"]')],
  ['loading', () => html`<civic-proposal-card .client=${silentClient()} proposal-id="x"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="loading"]')],
  ['a network error', () => html`<civic-proposal-card .client=${failingClient('network')} proposal-id="x"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="error"]')],
  ['not found', () => html`<civic-proposal-card .client=${createMemoryClient(seed)} proposal-id="none"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="error"]')],
  ['no backend', () => html`<civic-proposal-card proposal-id="x"></civic-proposal-card>`, (el) => el.shadowRoot!.querySelector('[part="missing"]')],
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
      expect(untranslated(element, dataOf(proposal))).to.deep.equal([]);
    });
  }

  it('would catch a string that skipped msg()', async () => {
    const element = await fixture(html`<civic-proposal-card .proposal=${proposal}><span slot="actions">Add to my vote</span></civic-proposal-card>`);
    expect(untranslated(element, dataOf(proposal))).to.deep.equal(['Add to my vote']);
  });
});
