/**
 * civic-results' bars in Windows high contrast, as the single-file bundle draws them in real
 * Chromium with forced colours emulated (Web Test Runner's Chrome launcher cannot emulate them).
 * The bundle and the in-browser backend are answered from dist/ by Playwright's router, so no
 * server runs; `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';

const dist = resolve(import.meta.dirname, '../../dist');
const origin = 'http://results.test';
const waitMs = 20_000;

let browser: Browser;

before(async () => {
  assert.ok(existsSync(resolve(dist, 'civic-widgets.js')), 'dist/civic-widgets.js is missing: run `npm run build` first');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
});

after(async () => {
  await browser?.close();
});

async function resultsPage(forcedColors: 'active' | 'none'): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(waitMs);
  await page.emulateMedia({ forcedColors });
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(resolve(dist, path.slice(1))) });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en-GB"><body><script src="/civic-widgets.js"></script><civic-results api="memory:" round="fernwick-2025"></civic-results></body></html>',
    });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.querySelector('civic-results')?.shadowRoot?.querySelector('[part~="chart"] svg rect'));
  return page;
}

/** The funded bar's fill, the budget meter's edge, and what the system colours resolve to. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('civic-results')!.shadowRoot!;
    // Inline, not a named helper: tsx would wrap a named function in a helper the page lacks.
    const [highlight, canvas, canvasText] = ['Highlight', 'Canvas', 'CanvasText'].map((colour) => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = colour;
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    });
    return {
      bar: getComputedStyle(root.querySelector('[part~="chart"] svg rect')!).fill,
      meterEdge: getComputedStyle(root.querySelector('.meter')!).borderTopColor,
      highlight,
      canvas,
      canvasText,
    };
  });

describe('civic-results in forced colours', { timeout: 60_000 }, () => {
  it('draws funded bars in the Highlight colour, and the budget meter’s edge in the text colour', async () => {
    const page = await resultsPage('active');
    try {
      const { bar, meterEdge, highlight, canvas, canvasText } = await colours(page);
      assert.equal(bar, highlight);
      assert.notEqual(bar, canvas, 'a bar the colour of the page would vanish');
      assert.equal(meterEdge, canvasText);
    } finally {
      await page.close();
    }
  });

  it('keeps the theme’s green for funded bars otherwise', async () => {
    const page = await resultsPage('none');
    try {
      assert.equal((await colours(page)).bar, 'rgb(0, 112, 60)');
    } finally {
      await page.close();
    }
  });
});
