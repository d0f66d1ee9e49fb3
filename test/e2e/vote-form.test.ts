/**
 * The vote form in real Chromium against a real HTTP server: a resident votes while offline, the
 * form says the vote is saved on the device, the page is reloaded, the connection comes back, and
 * the server gets exactly one ballot while the form shows its receipt.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { BallotServer, type BallotPaper } from './support/ballot-server.js';
import { outboxAttempts as attempts, reloadOffline } from './support/offline.js';
import { buildShell, serveShell, type PageShell } from './support/page-shell.js';

const waitMs = 15_000;

const paper: BallotPaper = {
  round: {
    id: 'round-1',
    title: 'Fernwick Neighbourhood Fund',
    description: 'Choose what to spend £50,000 on.',
    budget: 5_000_000,
    currency: 'GBP',
    opensAt: null,
    closesAt: null,
    status: 'open',
    rules: { kind: 'approval', maxSumCost: 5_000_000 },
    voterIdentity: 'open',
  },
  proposals: [
    { id: 'p1', title: 'Skate park', summary: 'Ramps and a bowl.', cost: 2_340_000, categories: [], status: 'shortlisted' },
    { id: 'p2', title: 'Lido repairs', summary: 'Fix the pool.', cost: 4_800_000, categories: [], status: 'shortlisted' },
    { id: 'p3', title: 'Street trees', summary: 'Twenty trees.', cost: 1_200_000, categories: [], status: 'shortlisted' },
  ],
};

let browser: Browser;
let shell: PageShell;

before(async () => {
  shell = await buildShell('vote-form-page');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
});

after(async () => {
  await browser?.close();
});

const form = (page: Page) => page.locator('civic-vote-form');

/** Polls until `check` holds, failing with `what` after a bounded wait. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${waitMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('civic-vote-form in real Chromium', { timeout: 90_000 }, () => {
  it('a vote cast offline is saved on the device, survives a reload, and is counted once with its receipt shown', async () => {
    const server = new BallotServer(paper);
    await server.start();
    const context = await browser.newContext();
    context.setDefaultTimeout(waitMs);
    try {
      await serveShell(context, server.origin, shell);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(`${server.origin}/`);
      await form(page).locator('label', { hasText: 'Skate park' }).click();
      await form(page).locator('label', { hasText: 'Street trees' }).click();
      await form(page).locator('[part~="continue-button"]').click();
      await form(page).locator('[part~="review"]').waitFor();

      await context.setOffline(true);
      await form(page).locator('[part~="submit-button"]').click();
      await form(page).locator('[part~="notice"]', { hasText: 'Your vote is saved on this device' }).waitFor();
      assert.equal(server.deliveries.length, 0, 'nothing reaches the server while offline');

      // The reloaded page tries to send the saved vote at once; wait until that try has failed.
      await reloadOffline(page, context, () => until(async () => (await attempts(page)) >= 2, 'the reloaded page tried to send'));
      await form(page).locator('[part~="notice"]', { hasText: 'It will be sent as soon as you are back online' }).waitFor();
      assert.equal(server.deliveries.length, 0, 'still nothing while offline');

      await context.setOffline(false);
      const receiptId = form(page).locator('[part~="receipt-id"]');
      await receiptId.waitFor();
      // Long enough for a duplicate send, if there were going to be one, to reach the server.
      await new Promise((resolve) => setTimeout(resolve, 750));

      assert.equal(server.deliveries.length, 1, 'exactly one request');
      assert.equal(server.distinctBallots, 1, 'exactly one ballot');
      assert.deepEqual(server.deliveries[0]?.body, { roundId: 'round-1', kind: 'approval', selections: ['p1', 'p3'] });
      assert.equal(await receiptId.textContent(), 'ballot-1', 'the receipt the server gave');
      const receipt = await form(page).locator('[part~="receipt"]').textContent();
      assert.match(receipt ?? '', /Skate park[\s\S]*£23,400[\s\S]*Street trees[\s\S]*£12,000/);
      const drafts = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('civic-widgets:draft:')));
      assert.deepEqual(drafts, [], 'the draft is forgotten after the receipt');
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
