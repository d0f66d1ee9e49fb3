/**
 * What the demo site's end-to-end tests share: the real server with the demo seed and the demo
 * pages, one Chromium, a record of every console error, failed request and CSP violation on a page,
 * a wait until every civic-* element on it has rendered, and axe (WCAG 2.2 AA) on the whole page.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { defaultSeed } from '../../../src/memory/seed/index.js';
import { REPOSITORY_ROOT } from '../../../server/main.js';
import type { ServerConfig } from '../../../server/config.js';
import { chromiumArgs, chromiumPath } from '../../support/chromium.mjs';
import { freshDatabase, type TestDatabase } from '../../server/support/database.js';
import { startTestServer, type TestServer } from '../../server/support/server.js';

export const waitMs = 20_000;

/** A page on another site that embeds the widgets (the test server lets it call the API). */
export const PARTNER_ORIGIN = 'http://blank.example';

export interface DemoSite {
  server: TestServer;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The server on a fresh database seeded with the demo; `beforeStart` runs on that database before
 * the server opens it (a CLI such as `npm run codes` cannot use it while a server does).
 */
export async function startDemoSite(options: { config?: Partial<ServerConfig>; beforeStart?: (database: TestDatabase) => Promise<void> } = {}): Promise<DemoSite> {
  assert.ok(existsSync(join(REPOSITORY_ROOT, 'dist/civic-widgets/elements.json')), 'dist/ is missing: run `npm run build` first');
  const config: Partial<ServerConfig> = { siteRoot: REPOSITORY_ROOT, now: () => new Date(), allowedOrigins: [PARTNER_ORIGIN], ...options.config };
  const database = await freshDatabase();
  const seeding = await startTestServer({ seed: defaultSeed(new Date()), database, config });
  await seeding.stop();
  await options.beforeStart?.(database);
  const server = await startTestServer({ seed: null, database, config });
  // A partner's page here comes from a routed origin and the server from loopback; on the web both are
  // public, so Chromium's Private Network Access block (for a non-secure page reaching loopback) is off.
  const args = [...chromiumArgs, '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks'];
  const browser = await chromium.launch({ executablePath: chromiumPath, args, timeout: waitMs });
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      await database.dispose();
    },
  };
}

/** A fresh context (its own storage, like a new resident) with a page whose problems are recorded. */
export async function openPage(site: DemoSite): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext();
  context.setDefaultTimeout(waitMs);
  const page = await context.newPage();
  return { context, page, problems: recordProblems(page) };
}

/**
 * Keeps the site's pages, scripts and styles (not the API) as the browser's cache or a service worker
 * would, so a page reloaded while offline still opens; what the API is asked goes to the network.
 */
export async function cacheSiteFiles(context: BrowserContext, origin: string): Promise<void> {
  const kept = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  await context.route(`${origin}/**`, async (route) => {
    const url = route.request().url();
    if (route.request().method() !== 'GET' || new URL(url).pathname.startsWith('/api/')) return route.continue();
    let copy = kept.get(url);
    if (!copy) {
      const response = await route.fetch();
      copy = { status: response.status(), headers: response.headers(), body: await response.body() };
      kept.set(url, copy);
    }
    await route.fulfill(copy);
  });
}

/** Console errors, uncaught errors, failed responses and CSP violations, as they happen. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (answer) => {
    if (answer.status() >= 400) problems.push(`${answer.status()} ${answer.url()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}

/**
 * Waits until every civic-* element on the page, and in their shadow roots, is defined and shows
 * neither its loading state nor an error nor "not set up".
 */
export async function widgetsRendered(page: Page): Promise<void> {
  // One function with no inner named function: tsx would wrap one in a `__name` the page lacks, and
  // a string would be eval, which the page's CSP refuses.
  await page.waitForFunction(
    () => {
      const roots: Array<Document | ShadowRoot> = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const element of root.querySelectorAll('*')) {
          if (!element.localName.startsWith('civic-')) continue;
          const shadow = element.shadowRoot;
          if (!customElements.get(element.localName) || !shadow || shadow.childElementCount === 0) return false;
          if (shadow.querySelector('[part~="loading"], [part~="error"], [part~="missing"]')) return false;
          roots.push(shadow);
        }
      }
      return true;
    },
    undefined,
    { timeout: waitMs, polling: 100 },
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe on the whole page (shadow roots included) with the WCAG 2.2 A and AA rules; returns each
 * violation as "rule: target" lines. Evaluated through the DevTools protocol, which the page's
 * `script-src 'self'` does not block (a <script> with axe's text would be).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.help}): ${JSON.stringify(node.target)}`));
  });
}

/** With CIVIC_SCREENSHOTS=DIR set, a full-page PNG in DIR, to look at the pages as a resident would. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.CIVIC_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

/** Polls until `check` holds, failing with `what` after a bounded wait. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${waitMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
