import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { createMemoryClient, type MemorySeed } from '../src/memory/index.js';
import { useLocale } from '../src/i18n/localize.js';
import { translatedSeed } from './support/translated-seed.js';

// Bengali, Urdu and Arabic with the system's fonts: each line box is at least as tall as the letters
// in it (their ink, measured with the font the line uses), so no line's marks run into the next; and
// no box that hides overflow cuts text off. Backend text is in the script (a translated seed), and the
// elements' own words are the shipped translation (English where a message is not translated yet).

const scripts: Array<[lang: string, letters: RegExp, words: string[]]> = [
  ['bn', /\p{Script=Bengali}/u, ['আপনার', 'কাউন্সিল', 'ট্যাক্স', 'প্রস্তাবগুলির', 'তালিকা', 'পার্কের', 'জন্য', 'বাজেট']],
  ['ur', /\p{Script=Arabic}/u, ['آپ', 'کا', 'کونسل', 'ٹیکس', 'بینڈ،', 'تجاویز', 'کی', 'فہرست', 'پارک', 'بجٹ']],
  ['ar', /\p{Script=Arabic}/u, ['نطاق', 'ضريبة', 'المجلس', 'قائمة', 'المقترحات', 'المُموَّلة', 'حديقة', 'الميزانية']],
];

/** A text in `words` about as long as `english`, so lines wrap as a real translation's would. */
const inScript = (words: string[]) => (english: string) =>
  english.split(/\s+/).map((_, i) => words[i % words.length]).join(' ');

const elements: Array<[string, (seed: MemorySeed) => TemplateResult, string]> = [
  ['civic-proposal-card', (seed) => html`<civic-proposal-card .client=${createMemoryClient(seed)} proposal-id="ash-pocket-park"></civic-proposal-card>`, '[part~="base"]'],
  ['civic-proposal-list', (seed) => html`<civic-proposal-list .client=${createMemoryClient(seed)} round="fernwick-2026"></civic-proposal-list>`, '[part~="list"]'],
  ['civic-vote-form', (seed) => html`<civic-vote-form .client=${createMemoryClient(seed)} round="fernwick-2026"></civic-vote-form>`, '[part~="ballot"]'],
  ['civic-results', (seed) => html`<civic-results .client=${createMemoryClient(seed)} round="fernwick-2025"></civic-results>`, '[part~="summary"]'],
  ['civic-budget-simulator', (seed) => html`<civic-budget-simulator .client=${createMemoryClient(seed)} simulation="fernwick-council-budget-2026"></civic-budget-simulator>`, '[part~="balance"]'],
  ['civic-feedback-form', (seed) => html`<civic-feedback-form .client=${createMemoryClient(seed)} form="fernwick-feedback"></civic-feedback-form>`, '[part~="form"]'],
];

/** Every text node under `root`, through the shadow roots of the elements inside it. */
function textNodes(root: Node): Text[] {
  const found: Text[] = [];
  const walk = (node: Node) => {
    if (node instanceof Text) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}

function elementsUnder(root: Node): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) found.push(node);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}

const canvas = document.createElement('canvas').getContext('2d')!;

/** Lines whose letters stand taller than the line box they sit in: "text (ink px > line px)". */
function crampedLines(root: Node, letters: RegExp): string[] {
  const cramped: string[] = [];
  for (const node of textNodes(root)) {
    const text = node.data.trim();
    const parent = node.parentElement;
    if (!text || !letters.test(text) || !parent || !parent.checkVisibility()) continue;
    const style = getComputedStyle(parent);
    canvas.font = style.font;
    const ink = canvas.measureText(text);
    const inkHeight = ink.actualBoundingBoxAscent + ink.actualBoundingBoxDescent;
    const lineHeight = parseFloat(style.lineHeight);
    if (inkHeight > lineHeight + 0.5) cramped.push(`${text.slice(0, 30)} (${inkHeight.toFixed(1)}px ink > ${lineHeight.toFixed(1)}px line, ${style.fontSize})`);
  }
  return cramped;
}

const hides = (value: string) => value === 'hidden' || value === 'clip';
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Boxes that hide overflow and have more content than they show (a box that scrolls lets the
 * resident reach it). Content laid out only when near the screen (`content-visibility: auto`, the
 * list's cards) is brought into view first, as a resident scrolling would.
 */
async function clipped(root: Node): Promise<string[]> {
  const problems: string[] = [];
  for (const lazy of elementsUnder(root).filter((element) => getComputedStyle(element).contentVisibility === 'auto')) {
    lazy.scrollIntoView();
    await nextFrame();
    await nextFrame();
    problems.push(...clippedNow(lazy));
  }
  return [...new Set([...problems, ...clippedNow(root)])];
}

function clippedNow(root: Node): string[] {
  return elementsUnder(root)
    .filter((element) => {
      if (!element.checkVisibility({ contentVisibilityAuto: true })) return false;
      const style = getComputedStyle(element);
      if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
      if (element.matches('input, textarea, select, .visually-hidden, [class*="visually-hidden"]')) return false;
      return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    })
    .map((element) => `${element.localName}.${[...element.classList].join('.')} (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`);
}

describe('Bengali, Urdu and Arabic at readable line heights', () => {
  after(() => useLocale('en-GB'));

  for (const [lang, letters, words] of scripts) {
    for (const [tag, template, done] of elements) {
      it(`${tag} in ${lang}: every line box holds its letters, and nothing is cut off`, async () => {
        const seed = translatedSeed(lang, inScript(words));
        const page = await fixture(html`<civic-provider locale=${lang} style="display:block; inline-size: 320px">${template(seed)}</civic-provider>`);
        const element = page.firstElementChild!;
        await waitUntil(() => element.shadowRoot?.querySelector(done), `${tag} never loaded`, { timeout: 5000 });
        await waitUntil(() => textNodes(element).some((node) => letters.test(node.data)), `${tag} shows no ${lang} text`, { timeout: 5000 });
        await document.fonts.ready;
        expect(crampedLines(element, letters)).to.deep.equal([]);
        expect(await clipped(element)).to.deep.equal([]);
      });
    }
  }

  it('would catch a cramped line (Urdu at the Latin line height) and a box that cuts text off', async () => {
    const seed = translatedSeed('ur', inScript(scripts[1]![2]));
    const page = await fixture(html`<civic-provider locale="ur">${elements[0]![1](seed)}</civic-provider>`);
    const card = page.firstElementChild as HTMLElement;
    await waitUntil(() => card.shadowRoot?.querySelector('[part~="base"]') && textNodes(card).some((node) => /\p{Script=Arabic}/u.test(node.data)), 'no Urdu text');
    card.style.setProperty('--civic-line-height', '1');
    card.style.setProperty('font-size', '20px');
    expect(crampedLines(card, /\p{Script=Arabic}/u)).not.to.deep.equal([]);
    card.style.blockSize = '100px';
    expect((await clipped(card)).join()).to.match(/article\.card/);
  });
});
