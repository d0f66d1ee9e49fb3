/**
 * The conformance suite every element's browser test calls from its first test, as Material Web's
 * elements share their form tests. It checks, for one element, what residents and host pages rely
 * on from all of them: registration by the script webmasters add and by the element's own entry; axe
 * in each shared state (not set up, loading, failed with a way to try again, done); no text that
 * skipped translation; right-to-left; `civic-error` when loading fails; and text at 16px or more
 * on a hostile host page.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import type { CivicClient } from '../../src/client/client.js';
import { getLocale, registerLocale, useLocale } from '../../src/i18n/localize.js';
import { createMemoryClient, defaultSeed } from '../../src/memory/index.js';
import { failingClient, silentClient } from '../../stories/support/clients.js';
import { expectReadable, withHostileHostPage } from './host-page.js';
import { residentTexts } from './texts.js';

export interface ConformanceOptions {
  /** The element's tag, e.g. `civic-proposal-card`. */
  tag: string;
  /** Attributes that tell it what to show (`{ 'proposal-id': 'ash-pocket-park' }`, `{ round: 'fernwick-2026' }`). */
  attributes?: Record<string, string>;
  /** The backend of the "done" state; the in-browser backend with the demo seed by default. */
  client?: () => CivicClient;
  /** The selector of a part that only the "done" state renders, e.g. `[part~="base"]`. */
  done: string;
  /** False for an element that loads nothing itself (the provider): the loading states are skipped. */
  loads?: boolean;
  /**
   * For an element that shows nothing of its own (the provider): light-DOM children to give it, and
   * which of them shows what it provides; the checks then look inside that one.
   */
  shownBy?: { children: string; select: (element: HTMLElement) => HTMLElement };
}

const seedTexts = new Set(stringsIn(defaultSeed()));

/** Every string in a value, deeply: what a backend may show and no translation covers. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const isPseudo = (text: string) => /^⟦[\s\S]*⟧$/.test(text);
/** Formatted numbers, money (`£1.2 million`: Intl's own words), percentages and dates need no translation. */
const isFormatted = (text: string) =>
  /^[\d\s.,:/£$€%+\-−–()]+$/.test(text) || /^[-+]?[£$€]?[\d.,]+ (thousand|million|billion|trillion)$/.test(text) || /^\d{1,2} [A-Z][a-z]+ \d{4}/.test(text);

/** Texts a resident sees that are neither translated, backend data nor formatted numbers. */
export function untranslatedTexts(element: Element, data: ReadonlySet<string> = seedTexts): string[] {
  return residentTexts(element).filter((text) => !isPseudo(text) && !isFormatted(text) && !data.has(text));
}

/** Loads `script` in a fresh page (an iframe) that uses `tag`, and says whether `tag` is then a defined element. */
async function definedInFreshPage(tag: string, script: string): Promise<boolean> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html><head>${script}</head><body><${tag}></${tag}></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    const registry = frame.contentWindow!.customElements;
    await Promise.race([registry.whenDefined(tag), new Promise((resolve) => setTimeout(resolve, 3000))]);
    return registry.get(tag) !== undefined;
  } finally {
    frame.remove();
  }
}

export function runConformance(options: ConformanceOptions): void {
  const { tag, attributes = {}, done, loads = true, shownBy } = options;
  const entry = tag.replace(/^civic-/, '');
  const client = options.client ?? (() => createMemoryClient(defaultSeed()));
  const tagName = unsafeStatic(tag);
  const render = (backend: CivicClient | undefined) => {
    const element = document.createElement(tag) as HTMLElement & { client?: CivicClient };
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (shownBy) element.innerHTML = shownBy.children;
    if (backend) element.client = backend;
    return fixture<HTMLElement>(html`<div>${element}</div>`).then((wrapper) => wrapper.firstElementChild as HTMLElement);
  };
  /** The element whose shadow root shows the state: the element itself, or the child it provides for. */
  const shown = (element: HTMLElement) => (shownBy ? shownBy.select(element) : element);
  const shows = (element: HTMLElement, selector: string) =>
    waitUntil(() => shown(element).shadowRoot?.querySelector(selector), `${tag} never showed ${selector}`, { timeout: 4000 });

  describe(`${tag} conformance`, () => {
    // The element itself, from source, in this page (the iframes above load the built files).
    before(() => import(`/src/elements/${entry}/${entry}.ts`));

    it('is defined by the script webmasters add (dist/civic-widgets.js) when a page uses it', async () => {
      expect(await definedInFreshPage(tag, '<script src="/dist/civic-widgets.js"></script>')).to.equal(true);
    });

    it('is registered by its own entry alone', async () => {
      const module = `/dist/es/elements/${entry}/${entry}.js`;
      expect(await definedInFreshPage(tag, `<script type="module">import '${module}';</script>`)).to.equal(true);
    });

    it('passes axe when it is done', async () => {
      const element = await render(client());
      await shows(element, done);
      await expect(element).to.be.accessible();
    });

    it('renders right to left on a right-to-left page, and passes axe there', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"><${tagName} .client=${client()}></${tagName}></div>`);
      const element = wrapper.firstElementChild as HTMLElement;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (shownBy) element.innerHTML = shownBy.children;
      await shows(element, done);
      const first = shown(element).shadowRoot!.querySelector(done) as HTMLElement;
      expect(getComputedStyle(first).direction).to.equal('rtl');
      await expect(wrapper).to.be.accessible();
    });

    it('keeps its text at 16px or more on a host page with html { font-size: 62.5% } and a universal reset', async () => {
      await withHostileHostPage(async () => {
        const element = await render(client());
        await shows(element, done);
        expectReadable(shown(element).shadowRoot!);
      });
    });

    if (!loads) return;

    it('says it is not set up, and passes axe, when it has no backend', async () => {
      const element = await render(undefined);
      await shows(element, '[part~="missing"]');
      await expect(element).to.be.accessible();
    });

    it('says it is loading, politely, and passes axe', async () => {
      const element = await render(silentClient());
      await shows(element, '[part~="loading"]');
      expect(element.shadowRoot!.querySelector('[part~="loading"]')!.getAttribute('role')).to.equal('status');
      await expect(element).to.be.accessible();
    });

    it('fires civic-error, says what failed with a way to try again, and passes axe', async () => {
      const failing = failingClient('network');
      const element = document.createElement(tag) as HTMLElement & { client?: CivicClient };
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      const heard = oneEvent(document, 'civic-error');
      element.client = failing;
      await fixture(html`<div>${element}</div>`);
      const event = (await heard) as CustomEvent;
      expect(event.detail.code).to.equal('network');
      expect(event.target === element, 'fired by the element, heard on the document').to.equal(true);
      await shows(element, '[part~="retry-button"]');
      await expect(element).to.be.accessible();
      // "Try again" asks the backend again.
      element.client = client();
      (element.shadowRoot!.querySelector('[part~="retry-button"]') as HTMLButtonElement).click();
      await shows(element, done);
    });

    describe('in the pseudo-locale', () => {
      let before: string;
      beforeEach(async () => {
        before = getLocale();
        registerLocale('en-XA', () => import('../../src/i18n/locales/en-XA.js'));
        await useLocale('en-XA');
      });
      afterEach(() => useLocale(before));

      const states: Array<[string, () => CivicClient | undefined, string]> = [
        ['done', client, done],
        ['not set up', () => undefined, '[part~="missing"]'],
        ['loading', silentClient, '[part~="loading"]'],
        ['failed', () => failingClient('network'), '[part~="error"]'],
      ];
      for (const [state, backend, selector] of states) {
        it(`leaves no untranslated text when ${state}`, async () => {
          const element = await render(backend());
          await shows(element, selector);
          expect(untranslatedTexts(element)).to.deep.equal([]);
        });
      }
    });
  });
}
