/**
 * Every page `npm start` serves, in real Chromium against the real server with the demo seed: each
 * loads its elements through the loader under the server's strict Content Security Policy, shows
 * what it promises once they have rendered, passes axe (WCAG 2.2 AA) and logs no error.
 * With CIVIC_SCREENSHOTS=DIR, each page is also saved at 320px and 1280px wide.
 * Needs the built bundle (dist/), which `npm test` builds before this step.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { allLocales } from '../../src/i18n/locale-codes.js';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { axeViolations, openPage, screenshot, startDemoSite, widgetsRendered, type DemoSite } from './support/demo-site.js';

let site: DemoSite;

before(async () => {
  site = await startDemoSite();
});
after(async () => {
  await site?.stop();
});

interface DemoPage {
  path: string;
  /** What a visitor sees once the elements have rendered. */
  shows: (page: Page) => Promise<void>;
}

const text = (page: Page, selector: string, name: string | RegExp) => page.locator(selector).getByText(name).first().waitFor();

const PAGES: DemoPage[] = [
  {
    path: '/',
    async shows(page) {
      const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      for (const href of ['/proposals.html', '/consultation.html', '/results.html', '/receipt.html', '/embed.html', '/partner.html', '/storybook/']) {
        assert.ok(links.includes(href), `the index links to ${href}`);
      }
    },
  },
  {
    path: '/proposals.html?q=mercer',
    shows: (page) => page.locator('civic-proposal-card').getByRole('heading', { name: 'Pocket park on Mercer Street' }).waitFor(),
  },
  {
    path: '/consultation.html',
    async shows(page) {
      await text(page, 'civic-budget-simulator', /close a £6.5 million gap/);
      await text(page, 'civic-feedback-form', 'How easy was it to vote?');
    },
  },
  {
    path: '/partner.html',
    async shows(page) {
      await text(page, 'civic-vote-form', 'Four cycle hangars on Brindle Park estate');
      const tags = await page.evaluate(() => [...document.querySelectorAll('*')].map((element) => element.localName).filter((name) => name.startsWith('civic-')));
      assert.deepEqual(tags, ['civic-vote-form'], 'the partner page has only the vote form');
      assert.equal(await page.locator('script').count(), 1, 'and one script tag');
      // The library's brand reaches inside the widget through its design tokens.
      const looks = await page.locator('civic-vote-form [part~="continue-button"]').evaluate((button) => ({ background: getComputedStyle(button).backgroundColor, font: getComputedStyle(button).fontFamily }));
      assert.equal(looks.background, 'rgb(90, 42, 130)', "the library's purple (docs/embedding.md, theming)");
      assert.match(looks.font, /Georgia/);
    },
  },
  {
    path: '/results.html',
    shows: (page) => text(page, 'civic-results', 'Funded'),
  },
  {
    path: '/receipt.html',
    shows: (page) => page.getByLabel('Receipt number').waitFor(),
  },
  {
    path: '/embed.html',
    async shows(page) {
      await page.locator('#preview civic-vote-form').getByText('Four cycle hangars on Brindle Park estate').first().waitFor();
      const languages = await page.locator('#locale option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      // Every locale the widgets declare, but the pseudo-locale that only tests use.
      assert.deepEqual([...languages].sort(), allLocales.filter((code) => code !== 'en-XA').sort());
    },
  },
];

describe('the demo pages served by the reference server', () => {
  it('lists each page in the index and no page twice', () => {
    const index = readFileSync(`${REPOSITORY_ROOT}/demo/index.html`, 'utf8');
    for (const { path } of PAGES.slice(1)) assert.ok(index.includes(`href="${path.split('?')[0]}"`), path);
  });

  for (const demo of PAGES) {
    it(`${demo.path} renders its widgets under the CSP, passes axe (WCAG 2.2 AA) and logs no error`, async () => {
      const { context, page, problems } = await openPage(site);
      try {
        const response = await page.goto(`${site.server.origin}${demo.path}`);
        assert.match(response!.headers()['content-security-policy']!, /script-src 'self'(;|$)/);
        await widgetsRendered(page);
        await demo.shows(page);
        assert.deepEqual(await axeViolations(page), []);
        const name = demo.path === '/' ? 'index' : demo.path.slice(1).replace(/\.html.*$/, '');
        await page.setViewportSize({ width: 1280, height: 800 });
        await screenshot(page, `${name}-wide`);
        await page.setViewportSize({ width: 320, height: 640 });
        // WCAG 1.4.10 (reflow): nothing wider than a 320px screen, so nobody scrolls sideways.
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'fits a 320px screen');
        await screenshot(page, `${name}-narrow`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
