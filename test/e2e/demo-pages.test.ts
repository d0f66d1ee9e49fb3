/**
 * The pages `npm start` serves, in real Chromium against the real server: the demo's elements load
 * their proposals from /api under the server's strict Content Security Policy, with no violation.
 * Needs the built bundle (dist/), which `npm test` builds before this step.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { startTestServer, type TestServer } from '../server/support/server.js';

let browser: Browser;
let server: TestServer;

before(async () => {
  assert.ok(existsSync(`${REPOSITORY_ROOT}/dist/civic-widgets.js`), 'run npm run build first');
  server = await startTestServer({ seed: defaultSeed(new Date()), config: { siteRoot: REPOSITORY_ROOT, now: () => new Date() } });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the demo pages served by the reference server', () => {
  for (const [page, expected] of [['/', []], ['/?q=mercer', ['Pocket park on Mercer Street']], ['/partner.html', ['Four cycle hangars on Brindle Park estate']]] as const) {
    it(`${page} shows proposals from /api with no Content Security Policy violation`, async () => {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('response', (answer) => {
        if (answer.status() >= 400) problems.push(`${answer.status()} ${answer.url()}`);
      });
      await tab.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
      });
      const response = await tab.goto(`${server.origin}${page}`);
      assert.match(response!.headers()['content-security-policy']!, /script-src 'self'(;|$)/);
      // The council's list opens on a fair random order, so which titles come first is the visitor's.
      await tab.locator('civic-proposal-card').first().waitFor({ timeout: 15_000 });
      for (const title of expected) {
        await tab.locator('civic-proposal-card').getByRole('heading', { name: title }).waitFor({ timeout: 15_000 });
      }
      // The elements' own styles apply under style-src 'self': Lit adopts constructed stylesheets.
      const style = await tab.locator('civic-proposal-card').first().evaluate((card) => ({
        adopted: card.shadowRoot!.adoptedStyleSheets.length,
        display: getComputedStyle(card.shadowRoot!.querySelector('article')!).display,
      }));
      assert.ok(style.adopted > 0);
      assert.equal(style.display, 'flex');
      assert.deepEqual(problems, []);
      await tab.close();
    });
  }
});
