/**
 * The list and its cards on a host page at its worst, in real Chromium over real HTTP: the bundle
 * included twice, a strict Content-Security-Policy header (`script-src 'self'; style-src 'self'`: no
 * inline script or style, so the elements' styles must come through adopted stylesheets), the page's
 * CSS hiding every div, span, p, heading and button and resetting margins, padding and line height
 * on everything, `html { font-size: 62.5% }`, and proposals whose every text holds markup and script.
 * The widgets must still render, readable, with no error, no CSP violation and nothing run.
 *
 * Needs the build (`npm run build`, which `npm test` runs before this step).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { HostileHost, proposals } from './support/hostile/server.js';
import { textIn } from '../../src/domain/localized-text.js';

const waitMs = 20_000;
let browser: Browser;
let host: HostileHost;

before(async () => {
  assert.ok(existsSync(resolve(import.meta.dirname, '../../dist/civic-widgets/elements.json')), 'dist/ is missing: run `npm run build` first');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
  host = new HostileHost();
  await host.start();
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

interface HostReport {
  violations: string[];
  errors: string[];
  consoleErrors: string[];
  pwned: unknown;
}

const report = (page: Page) =>
  page.evaluate((): HostReport => {
    const { violations, errors, consoleErrors } = (window as unknown as { hostPage: Omit<HostReport, 'pwned'> }).hostPage;
    return { violations, errors, consoleErrors, pwned: (window as unknown as { pwned?: unknown }).pwned };
  });

async function openHostPage(width = 1024): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(waitMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
  await page.goto(`${host.origin}/`);
  // The list's cards have rendered their titles.
  await page.waitForFunction(() => {
    const list = document.querySelector('civic-proposal-list');
    const cards = [...(list?.shadowRoot?.querySelectorAll('civic-proposal-card') ?? [])];
    return cards.length === 12 && cards.every((card) => card.shadowRoot?.querySelector('[part~="title"]'));
  });
  return { page, pageErrors };
}

/** Titles as a resident sees them: text, size and whether they take up room on the page. */
const titles = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('civic-proposal-list')!;
    const cards = [...list.shadowRoot!.querySelectorAll('civic-proposal-card'), document.querySelector('civic-proposal-card')!];
    return cards.map((card) => {
      const title = card.shadowRoot!.querySelector<HTMLElement>('[part~="title"]')!;
      const style = getComputedStyle(title);
      const box = title.getBoundingClientRect();
      return { text: title.textContent!.trim(), fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), width: box.width, height: box.height };
    });
  });

/** The path of the module holding DOMPurify, which the build lists as loaded on demand. */
function sanitizerModule(): string {
  const { onDemand } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/civic-widgets/elements.json'), 'utf8')) as { onDemand: Record<string, string[]> };
  return `/${onDemand['src/core/sanitize-html.ts']![0]}`;
}

describe('the proposal list on a hostile host page', { timeout: 120_000 }, () => {
  it('renders every card with the page’s markup shown as text, readable, with no error, CSP violation or script run', async () => {
    const { page, pageErrors } = await openHostPage();
    try {
      // The host's stylesheet is in force: its own heading is hidden.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).display), 'none');
      const shown = await titles(page);
      assert.equal(shown.length, 13);
      for (const title of shown) {
        assert.ok(title.fontSize >= 16, `"${title.text}" is ${title.fontSize}px`);
        assert.ok(title.lineHeight >= title.fontSize * 1.1, `"${title.text}" has a line height of ${title.lineHeight}px`);
        assert.ok(title.width > 100 && title.height >= 16, `"${title.text}" takes up room on the page (${title.width}×${title.height})`);
      }
      const texts = shown.map((title) => title.text);
      assert.ok(texts.includes(textIn(proposals[0]!.title, 'en')), 'a title holding an <img onerror> shows it as text');
      assert.ok(texts.includes(textIn(proposals[1]!.title, 'en')), 'a title holding a <script> shows it as text');
      // The styles came as adopted stylesheets; not one <style> or style attribute in a shadow root.
      const styling = await page.evaluate(() => {
        const roots = [document.querySelector('civic-proposal-list')!, ...document.querySelector('civic-proposal-list')!.shadowRoot!.querySelectorAll('civic-proposal-card')].map((el) => el.shadowRoot!);
        return { adopted: roots.every((root) => root.adoptedStyleSheets.length > 0), inline: roots.flatMap((root) => [...root.querySelectorAll('style, [style]')].map((el) => el.localName)) };
      });
      assert.deepEqual(styling, { adopted: true, inline: [] });
      // The filters work under the page's CSP: a search typed with the keyboard.
      await page.locator('civic-proposal-list').locator('[part~="search"]').fill('');
      await page.locator('civic-proposal-list').locator('[part~="search"]').pressSequentially('benches');
      await page.waitForFunction(() => document.querySelector('civic-proposal-list')!.shadowRoot!.querySelectorAll('civic-proposal-card').length === 1);
      assert.deepEqual(await report(page), { violations: [], errors: [], consoleErrors: [], pwned: undefined });
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('loads the sanitiser from beside the bundle only when an HTML description is opened, and shows it safely', async () => {
    const { page, pageErrors } = await openHostPage();
    try {
      const sanitizer = sanitizerModule();
      assert.ok(!host.requests.slice(host.requests.lastIndexOf('/')).includes(sanitizer), 'not fetched before it is needed');
      const card = page.locator('main > civic-proposal-card');
      await card.locator('[part~="read-more"]').click();
      await page.waitForFunction(() => document.querySelector('main > civic-proposal-card')!.shadowRoot!.querySelector('[part~="description"] strong'));
      assert.ok(host.requests.slice(host.requests.lastIndexOf('/')).includes(sanitizer), 'fetched from beside the bundle once opened');
      const description = await page.evaluate(() => {
        const region = document.querySelector('main > civic-proposal-card')!.shadowRoot!.querySelector<HTMLElement>('[part~="description"]')!;
        return {
          elements: [...region.querySelectorAll('*')].map((el) => el.localName),
          links: [...region.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('rel')]),
          fontSize: parseFloat(getComputedStyle(region).fontSize),
          expanded: document.querySelector('main > civic-proposal-card')!.shadowRoot!.querySelector('[part~="read-more"]')!.getAttribute('aria-expanded'),
        };
      });
      assert.deepEqual(description.elements.filter((name) => !['p', 'strong', 'a'].includes(name)), []);
      assert.deepEqual(description.links, [[null, null], ['https://fernwick.example/verges', 'noopener noreferrer']]);
      assert.ok(description.fontSize >= 16);
      assert.equal(description.expanded, 'true');
      await page.locator('main > civic-proposal-card').locator('p').filter({ hasText: 'Styled' }).click();
      assert.deepEqual(await report(page), { violations: [], errors: [], consoleErrors: [], pwned: undefined });
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });

  it('fits a phone: nothing wider than a 320px screen', async () => {
    const { page } = await openHostPage(320);
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= 320, `the page scrolls sideways to ${overflow}px`);
      for (const title of await titles(page)) assert.ok(title.fontSize >= 16, `"${title.text}" is ${title.fontSize}px`);
      assert.equal((await report(page)).violations.length, 0);
    } finally {
      await page.close();
    }
  });
});
