/**
 * The outbox in real Chromium against a real HTTP server: a ballot submitted offline survives a
 * page reload and arrives exactly once when the connection (or the server) comes back.
 *
 * The page's HTML and script are answered by Playwright's router (support/page-shell.ts); every
 * /api request goes over the real network to a real node:http server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { BallotServer } from './support/ballot-server.js';
import { reloadOffline } from './support/offline.js';
import { buildShell, serveShell, type PageShell } from './support/page-shell.js';

const waitMs = 15_000;

let browser: Browser;
let shell: PageShell;

before(async () => {
  shell = await buildShell('outbox-page');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
});

after(async () => {
  await browser?.close();
});

/** A fresh browser profile (its own IndexedDB) whose page shell loads even offline. */
async function newContext(server: BallotServer): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.setDefaultTimeout(waitMs);
  await serveShell(context, server.origin, shell);
  return context;
}

/** Runs `test` against a fresh ballot server and browser context, and always closes both. */
async function withBallotServer(test: (server: BallotServer, context: BrowserContext) => Promise<void>): Promise<void> {
  const server = new BallotServer();
  await server.start();
  const context = await newContext(server);
  try {
    await test(server, context);
  } finally {
    await context.close();
    await server.stop();
  }
}

async function openPage(context: BrowserContext, server: BallotServer, retryMs: number): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.origin}/?retry=${retryMs}`);
  await page.waitForSelector('#status[data-ready="true"]');
  return page;
}

const submitBallot = (page: Page) =>
  page.evaluate(() => (window as unknown as { outboxPage: { submitBallot(): Promise<string> } }).outboxPage.submitBallot());

const pendingOn = async (page: Page) => Number(await page.getAttribute('#status', 'data-pending'));

/** Polls until `check` holds, failing with `what` after a bounded wait. */
async function until(check: () => boolean, what: string, timeoutMs = waitMs): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Long enough for a duplicate send, if there were going to be one, to reach the server. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 750));

describe('outbox in real Chromium', { timeout: 90_000 }, () => {
  it('a ballot cast offline survives a reload and arrives exactly once when the connection returns', async () => {
    await withBallotServer(async (server, context) => {
      // A retry timer of a minute: here it is coming back online that must send the ballot.
      const page = await openPage(context, server, 60_000);
      await context.setOffline(true);

      assert.equal(await submitBallot(page), 'queued');
      assert.match(await page.textContent('#result') ?? '', /saved on this device/i);
      assert.match(await page.textContent('#status') ?? '', /Saved on this device: 1 waiting/);
      assert.equal(server.deliveries.length, 0, 'nothing should reach the server while offline');

      await reloadOffline(page, context, () => page.waitForSelector('#status[data-ready="true"]'));
      assert.equal(server.deliveries.length, 0, 'nothing should reach the server while offline');
      assert.equal(await pendingOn(page), 1, 'the reloaded page should find the saved ballot');
      assert.equal(await page.getAttribute('#status', 'data-durable'), 'true');

      await context.setOffline(false);
      await until(() => server.deliveries.length > 0, 'the ballot reaches the server');
      await page.waitForSelector('#status[data-pending="0"]');
      await settle();

      assert.equal(server.deliveries.length, 1, 'exactly one request');
      assert.equal(server.distinctBallots, 1, 'exactly one ballot');
      assert.deepEqual(server.deliveries[0]?.body, { roundId: 'round-1', kind: 'approval', selections: ['p1', 'p3'] });
      assert.match(await page.textContent('#status') ?? '', /Nothing waiting/);
    });
  });

  it('a ballot cast while the server is down arrives exactly once when it is back up', async () => {
    await withBallotServer(async (server, context) => {
      const page = await openPage(context, server, 250);
      await server.stop();

      assert.equal(await submitBallot(page), 'queued');
      assert.equal(await page.getAttribute('#status', 'data-last-error'), 'network', 'a refused connection is a network failure');
      await page.reload();
      await page.waitForSelector('#status[data-ready="true"]');
      assert.equal(await pendingOn(page), 1);
      // The retry timer keeps knocking on a refused port; nothing is lost meanwhile.
      await settle();
      assert.equal(await pendingOn(page), 1);

      await server.start();
      await until(() => server.deliveries.length > 0, 'the ballot reaches the restarted server');
      await page.waitForSelector('#status[data-pending="0"]');
      await settle();

      assert.equal(server.deliveries.length, 1, 'exactly one request');
      assert.equal(server.distinctBallots, 1, 'exactly one ballot');
    });
  });

  it('two open tabs coming back online together send the ballot once', async () => {
    await withBallotServer(async (server, context) => {
      const firstTab = await openPage(context, server, 60_000);
      await context.setOffline(true);
      assert.equal(await submitBallot(firstTab), 'queued');
      const secondTab = await openPage(context, server, 60_000);
      assert.equal(await pendingOn(secondTab), 1, 'the second tab should see the ballot the first one saved');

      await context.setOffline(false);
      await until(() => server.deliveries.length > 0, 'the ballot reaches the server');
      await firstTab.waitForSelector('#status[data-pending="0"]');
      await secondTab.waitForSelector('#status[data-pending="0"]');
      await settle();

      assert.equal(server.deliveries.length, 1, 'exactly one request');
      assert.equal(server.distinctBallots, 1, 'exactly one ballot');
    });
  });
});
