/**
 * What a webmaster pastes, working on a blank page of another site: every snippet the embed
 * builder makes (a script tag, or npm: the import bundled as the partner's bundler would), and the
 * documented ways to connect an existing backend (docs/examples/). Real Chromium, the real server
 * with the demo seed; the partner's site is a routed origin the server's CORS allows.
 * Needs the build (`npm run build`, which `npm test` runs before this step).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { openPage, PARTNER_ORIGIN, screenshot, startDemoSite, widgetsRendered, type DemoSite } from './support/demo-site.js';

let site: DemoSite;
/** A partner's project: its node_modules holds civic-widgets (this package, as npm would install it). */
let project: string;

before(async () => {
  site = await startDemoSite();
  project = mkdtempSync(join(tmpdir(), 'civic-partner-app-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(REPOSITORY_ROOT, join(project, 'node_modules', 'civic-widgets'), 'dir');
});
after(async () => {
  await site?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Bundles a partner's script as their bundler would, resolving `civic-widgets/…` through the package's exports. */
async function bundle(source: string): Promise<string> {
  writeFileSync(join(project, 'app.js'), source);
  const result = await build({ entryPoints: [join(project, 'app.js')], bundle: true, format: 'esm', write: false, absWorkingDir: project, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

/**
 * Serves a blank page on the partner's origin holding `body`, and `/app.js` when given; every other
 * request on that origin goes to `extra` (the partner's own backend) or fails.
 */
async function partnerPage(context: BrowserContext, body: string, app?: string, extra?: (path: string, request: import('playwright-core').Request) => Promise<{ status?: number; json: unknown } | undefined>): Promise<void> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head><body><main>\n${body}\n</main>${app ? '<script type="module" src="/app.js"></script>' : ''}</body></html>`;
  await context.route(`${PARTNER_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    if (url.pathname === '/app.js' && app) return route.fulfill({ contentType: 'text/javascript', body: app });
    const answer = await extra?.(url.pathname + url.search, route.request());
    if (answer) return route.fulfill({ status: answer.status ?? 200, contentType: 'application/json', json: answer.json });
    return route.fulfill({ status: 404, body: 'not here' });
  });
}

const ELEMENTS = ['vote-form', 'proposal-list', 'results', 'budget-simulator', 'feedback-form'] as const;

/** The builder's snippet for one choice: the HTML, and for npm the JavaScript. */
async function snippet(builder: Page, choice: { element: string; source?: string; locale?: string; theme?: string; kind: 'script' | 'npm' }) {
  await builder.selectOption('#element', choice.element);
  if (choice.source) await builder.selectOption('#source', choice.source);
  if (choice.locale) await builder.selectOption('#locale', choice.locale);
  if (choice.theme) await builder.selectOption('#theme', choice.theme);
  await builder.check(`#kind-${choice.kind}`);
  return { html: await builder.inputValue('#snippet-html'), js: choice.kind === 'npm' ? await builder.inputValue('#snippet-js') : '' };
}

describe('the embed builder’s snippets, pasted into a blank page of another site', { timeout: 180_000 }, () => {
  for (const kind of ['script', 'npm'] as const) {
    it(`every widget's ${kind} snippet renders it with no error`, async () => {
      const { context: builderContext, page: builder } = await openPage(site);
      await builder.goto(`${site.server.origin}/embed.html`);
      try {
        for (const element of ELEMENTS) {
          const code = await snippet(builder, { element, kind });
          assert.match(code.html, new RegExp(`<civic-${element} api="${site.server.origin}/api"`));
          const { context, page, problems } = await openPage(site);
          try {
            await partnerPage(context, code.html, kind === 'npm' ? await bundle(code.js) : undefined);
            await page.goto(`${PARTNER_ORIGIN}/`);
            await widgetsRendered(page);
            assert.equal(await page.locator(`civic-${element}`).count(), 1);
            assert.deepEqual(problems, [], `${element}, ${kind}`);
          } finally {
            await context.close();
          }
        }
      } finally {
        await builderContext.close();
      }
    });
  }

  it('a snippet with a language and a partner theme shows both on the blank page', async () => {
    const { context: builderContext, page: builder } = await openPage(site);
    await builder.goto(`${site.server.origin}/embed.html`);
    const code = await snippet(builder, { element: 'vote-form', source: 'fernwick-2026', locale: 'cy', theme: 'library', kind: 'script' });
    await builderContext.close();
    assert.match(code.html, /locale="cy"/);
    assert.match(code.html, /--civic-color-primary: #5a2a82;/);
    const { context, page, problems } = await openPage(site);
    try {
      await partnerPage(context, code.html);
      await page.goto(`${PARTNER_ORIGIN}/`);
      await widgetsRendered(page);
      const looks = await page.locator('civic-vote-form [part~="continue-button"]').evaluate((button) => ({ background: getComputedStyle(button).backgroundColor, font: getComputedStyle(button).fontFamily }));
      assert.equal(looks.background, 'rgb(90, 42, 130)');
      assert.match(looks.font, /Georgia/);
      assert.equal(await page.locator('civic-vote-form').evaluate((form) => (form as HTMLElement & { resolvedLocale?: string }).resolvedLocale ?? form.getAttribute('locale')), 'cy');
      await screenshot(page, 'embed-snippet-cy-library');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe('connecting an existing backend, as docs/embedding.md shows', { timeout: 60_000 }, () => {
  it('paths: the list reads the platform’s own routes (docs/examples/existing-backend-paths.js)', async () => {
    const { context, page, problems } = await openPage(site);
    // The platform: the same shapes as the contract, under its own routes (here, the demo server's data).
    const routes: Array<[RegExp, string]> = [
      [/^\/participation\/budgets\/([^/?]+)\/ideas(\?.*)?$/, '/api/rounds/$1/proposals$2'],
      [/^\/participation\/budgets\/([^/?]+)$/, '/api/rounds/$1'],
      [/^\/participation\/ideas\/([^/?]+)$/, '/api/proposals/$1'],
    ];
    const asked: string[] = [];
    try {
      await partnerPage(context, '<civic-proposal-list round="fernwick-2026" sort="title"></civic-proposal-list>', await bundle(readFileSync(join(REPOSITORY_ROOT, 'docs/examples/existing-backend-paths.js'), 'utf8')), async (path) => {
        const route = routes.find(([pattern]) => pattern.test(path));
        if (!route) return undefined;
        asked.push(path.split('?')[0]!);
        const answer = await fetch(`${site.server.origin}${path.replace(route[0], route[1])}`);
        return { status: answer.status, json: await answer.json() };
      });
      await page.goto(`${PARTNER_ORIGIN}/`);
      await widgetsRendered(page);
      await page.locator('civic-proposal-card').getByRole('heading', { name: 'Accessible toilet for St Jude\'s hall' }).waitFor();
      assert.deepEqual([...new Set(asked)].sort(), ['/participation/budgets/fernwick-2026', '/participation/budgets/fernwick-2026/ideas']);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('a CivicClient of its own: feedback goes to the council’s case system (docs/examples/own-client.js)', async () => {
    const { context, page, problems } = await openPage(site);
    const cases: unknown[] = [];
    try {
      const api = async (path: string, request: import('playwright-core').Request) => {
        if (path === '/cases' && request.method() === 'POST') {
          cases.push(request.postDataJSON());
          return { status: 201, json: { caseReference: 'FC-2026-0042', openedAt: '2026-11-30T10:00:00.000Z' } };
        }
        // The form itself still comes from the widgets' server.
        if (path.startsWith('/api/')) {
          const answer = await fetch(`${site.server.origin}${path}`);
          return { status: answer.status, json: await answer.json() };
        }
        return undefined;
      };
      await partnerPage(context, '<civic-feedback-form form="fernwick-feedback"></civic-feedback-form>', await bundle(readFileSync(join(REPOSITORY_ROOT, 'docs/examples/own-client.js'), 'utf8')), api);
      await page.goto(`${PARTNER_ORIGIN}/`);
      await widgetsRendered(page);
      const feedback = page.locator('civic-feedback-form');
      await feedback.getByText('5', { exact: true }).click();
      await feedback.locator('label', { hasText: 'I agree that Fernwick Council' }).click();
      await feedback.locator('[part~="submit-button"]').click();
      await feedback.locator('[part~="panel"]', { hasText: 'Your feedback has been sent' }).waitFor();
      assert.deepEqual(cases, [{ type: 'consultation-feedback', source: 'fernwick-feedback', fields: { ease: 5, consent: true } }]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
