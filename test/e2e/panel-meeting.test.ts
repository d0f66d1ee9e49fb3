/**
 * A resident panel's meeting end to end, in Chromium against the real server: the projector's
 * panel screen (demo/panel.html) counts twelve members voting from their own browsers with their
 * codes, live; a dropped live connection catches up without counting anything twice; the library's
 * kiosk forgets each resident; then the facilitator closes voting and reveals the results.
 * Needs the built bundle (dist/), which `npm test` builds before this step.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { PANEL_FACILITATOR_CODE, PANEL_ROUND_ID, PANEL_VOTING_CODES } from '../../src/memory/seed/panel.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { enc, startTestServer, type TestServer } from '../server/support/server.js';

let browser: Browser;
let server: TestServer;
let projector: Page;
/** Voting codes made by the council during the meeting, for the kiosk and the dropped connection. */
let extraCodes: string[] = [];

const screen = (page: Page) => page.locator('civic-panel-screen');
const count = () => screen(projector).locator('[part~="count"]');

before(async () => {
  assert.ok(existsSync(`${REPOSITORY_ROOT}/dist/civic-widgets.js`), 'run npm run build first');
  server = await startTestServer({ seed: defaultSeed(new Date()), config: { siteRoot: REPOSITORY_ROOT, now: () => new Date(), live: { pollMs: 100, heartbeatMs: 2_000 } } });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  projector = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const problems: string[] = [];
  projector.on('pageerror', (error) => problems.push(error.message));
  await projector.goto(`${server.origin}/panel.html`);
  // Every count the screen ever shows, to prove that none is shown twice or too high.
  // A string, not a function: tsx would wrap a function's inner helpers in its own __name, unknown in the page.
  await screen(projector).locator('[part~="agenda"]').waitFor({ timeout: 15_000 });
  await projector.evaluate(`
    window.counts = [];
    new MutationObserver(() => {
      const shown = document.querySelector('civic-panel-screen').shadowRoot.querySelector('[part~="count"]')?.textContent?.trim();
      if (shown && window.counts[window.counts.length - 1] !== shown) window.counts.push(shown);
    }).observe(document.querySelector('civic-panel-screen').shadowRoot, { subtree: true, childList: true, characterData: true });
  `);
  await screen(projector).locator('[part~="agenda"]').waitFor({ timeout: 15_000 });
  assert.deepEqual(problems, []);
  const made = await server.api('POST', `/rounds/${enc(PANEL_ROUND_ID)}/codes`, { body: { count: 4 }, admin: true });
  extraCodes = made.body.codes;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A panel member votes on their own phone: their own browser context, their code, two proposals. */
async function voteOnPhone(code: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/panel-vote.html`);
    const form = page.locator('civic-vote-form');
    await form.locator('#code').fill(code);
    await form.locator('[part~="continue-button"]').click();
    await form.locator('label', { hasText: 'Monthly play street on Fern Road' }).click();
    await form.locator('label', { hasText: 'Food-growing beds by the flats' }).click();
    await form.locator('[part~="continue-button"]').click();
    await form.locator('[part~="submit-button"]').click();
    return (await form.locator('[part~="receipt-id"]').textContent({ timeout: 15_000 }))!.trim();
  } finally {
    await context.close();
  }
}

const countsShown = () => projector.evaluate('window.counts') as Promise<string[]>;
const numbers = (counts: string[]) => counts.map((text) => Number(/^(\d+)/.exec(text)?.[1]));

describe('a resident panel meeting', () => {
  it('the facilitator opens voting with their code, and the screen counts twelve members voting from their phones, live', async () => {
    const form = projector.locator('#facilitator-form');
    await projector.locator('.facilitator summary').click();
    await form.locator('#facilitator-code').fill(PANEL_FACILITATOR_CODE);
    await form.locator('button').click();
    await screen(projector).getByRole('button', { name: 'Show the first proposal' }).click();
    await screen(projector).locator('[part~="agenda"]', { hasText: 'Proposal 1 of 5' }).waitFor();
    await screen(projector).getByRole('button', { name: 'Open voting' }).click();
    await count().filter({ hasText: '0 ballots received' }).waitFor();
    await screen(projector).locator('[part~="qr"]').waitFor();
    assert.match((await screen(projector).locator('[part~="join"]').textContent())!, /127\.0\.0\.1:\d+\/panel-vote\.html/);

    // Two cores: four phones at a time.
    const receipts: string[] = [];
    for (let start = 0; start < 12; start += 4) {
      receipts.push(...(await Promise.all(PANEL_VOTING_CODES.slice(start, start + 4).map(voteOnPhone))));
      await count().filter({ hasText: `${start + 4} ballots received` }).waitFor({ timeout: 10_000 });
    }
    assert.equal(new Set(receipts).size, 12);
    const seen = numbers(await countsShown());
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `counts only go up: ${seen.join(', ')}`);
    assert.ok(seen.length >= 4, `the count moved as ballots arrived: ${seen.join(', ')}`);
    assert.equal(seen.at(-1), 12);
    // Never what anyone chose.
    assert.doesNotMatch((await screen(projector).locator('.screen').textContent())!, /Food-growing|votes/);
  });

  it('a kiosk forgets each resident: after the receipt nothing is left on screen, on the device, or behind the back button', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const kiosk = await context.newPage();
    await kiosk.goto(`${server.origin}/kiosk.html`);
    const form = kiosk.locator('civic-vote-form');
    await form.locator('#code').fill(extraCodes[0]!);
    await form.locator('[part~="continue-button"]').click();
    await form.locator('label', { hasText: 'Heating for Brindle Park community hall' }).click();
    await form.locator('[part~="continue-button"]').click();
    await form.locator('[part~="submit-button"]').click();
    const receipt = (await form.locator('[part~="receipt-id"]').textContent())!.trim();
    await count().filter({ hasText: '13 ballots received' }).waitFor();

    // The resident walks off through a link; the next one presses Back.
    await kiosk.goto(`${server.origin}/partner.html`);
    await kiosk.goBack();
    await form.locator('[part~="code-step"]').waitFor();
    const shown = await form.evaluate((element) => element.shadowRoot!.textContent);
    assert.doesNotMatch(shown!, new RegExp(`${receipt}|Your vote has been received|Heating for Brindle Park`));
    assert.equal(await form.locator('#code').inputValue(), '');
    assert.deepEqual(await kiosk.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('civic-widgets:draft:'))"), []);

    // The next resident, with their own code, gets a clean ballot and "Finish" clears it at once.
    await form.locator('#code').fill(extraCodes[1]!);
    await form.locator('[part~="continue-button"]').click();
    assert.equal(await form.locator('label', { hasText: 'Heating for Brindle Park community hall' }).locator('..').locator('input').isChecked(), false);
    await form.locator('label', { hasText: 'Cycling lessons for adults' }).click();
    await form.locator('[part~="continue-button"]').click();
    await form.locator('[part~="submit-button"]').click();
    await form.locator('[part~="kiosk-notice"]').getByRole('button', { name: 'Finish and clear the screen' }).click();
    await form.locator('[part~="code-step"]').waitFor();
    assert.equal(await form.locator('[part~="receipt"]').count(), 0);
    await count().filter({ hasText: '14 ballots received' }).waitFor();
    await context.close();
  });

  it('a dropped live connection reconnects and catches up, counting nothing twice', async () => {
    await projector.context().setOffline(true);
    // Drop the stream as a failing Wi-Fi would.
    server.app.fastify.server.closeAllConnections();
    // This process's own keep-alive connection went too: let the HTTP client notice before it calls again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const code of extraCodes.slice(2)) {
      const answer = await server.api('POST', `/rounds/${enc(PANEL_ROUND_ID)}/ballots`, { body: { roundId: PANEL_ROUND_ID, kind: 'approval', selections: ['panel-play-street'], votingCode: code } });
      assert.equal(answer.status, 201);
    }
    await projector.waitForTimeout(2_500);
    assert.match((await count().textContent())!, /^14 ballots received/, 'offline, the screen cannot know yet');
    await projector.context().setOffline(false);
    await count().filter({ hasText: '16 ballots received' }).waitFor({ timeout: 15_000 });
    await projector.waitForTimeout(1_000);
    const seen = numbers(await countsShown());
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `counts only go up: ${seen.join(', ')}`);
    assert.equal(Math.max(...seen), 16, `never more than were cast: ${seen.join(', ')}`);
    assert.match((await count().textContent())!, /^16 ballots received/);
  });

  it('the facilitator closes voting and reveals the results with their reasons', async () => {
    await screen(projector).getByRole('button', { name: 'Close voting' }).click();
    await screen(projector).locator('[part~="voting"]', { hasText: 'Voting has closed' }).waitFor();
    await screen(projector).getByRole('button', { name: 'Reveal the results' }).click();
    const results = screen(projector).locator('[part~="results"]');
    await results.waitFor();
    assert.match((await results.textContent())!, /Monthly play street on Fern Road/);
    assert.match((await screen(projector).locator('[part~="why"]').first().textContent())!, /^Funded/);
    await projector.screenshot({ path: '/tmp/panel-e2e-results.png', fullPage: true });
  });
});
