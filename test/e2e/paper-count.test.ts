/**
 * A paper count in real Chromium against the real server (demo/paper.html): two clerks key the same
 * batch in their own browsers, one ballot's entries differ, a third person finds it side by side and
 * settles it, and the results on the page then count paper and online ballots apart. A clerk whose
 * provider code arrives last (a slow connection) still gets the sign-in form.
 * Needs the built bundle (dist/), which `npm test` builds before this step.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultSeed } from '../../src/memory/seed/index.js';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../server/support/server.js';
import { textIn } from '../../src/domain/localized-text.js';

const ROUND = 'fernwick-2025';
const waitMs = 15_000;
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

/** The printed numbers of the round's two cheapest proposals: the paper lists proposals by title. */
function cheapestNumbers(): [string, string] {
  const proposals = defaultSeed().rounds.find((entry) => entry.round.id === ROUND)!.proposals.sort((a, b) => textIn(a.title, 'en').localeCompare(textIn(b.title, 'en'), 'en'));
  const byCost = [...proposals].sort((a, b) => a.cost - b.cost);
  return [String(proposals.indexOf(byCost[0]!) + 1), String(proposals.indexOf(byCost[1]!) + 1)];
}

/** A clerk's own browser on the count page, signed in by keyboard. */
async function clerkPage(name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${server.origin}/paper.html`);
  const entry = page.locator('civic-paper-entry');
  await entry.getByLabel('Your name').fill(name, { timeout: waitMs });
  await entry.getByLabel('Batch').fill('B1');
  await entry.getByLabel('Access code for the count').fill(ADMIN_TOKEN);
  await entry.getByLabel('Access code for the count').press('Enter');
  await entry.getByLabel('Ballot number').waitFor({ timeout: waitMs });
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

async function key(page: Page, number: string, marks: string): Promise<string> {
  const entry = page.locator('civic-paper-entry');
  await entry.getByLabel('Ballot number').fill(number);
  await entry.getByLabel('Ballot number').press('Enter');
  await entry.getByLabel('Marks on the paper').fill(marks);
  await entry.getByLabel('Marks on the paper').press('Enter');
  const outcome = entry.locator('[part~="outcome"]');
  await outcome.filter({ hasText: `Ballot ${number}` }).waitFor({ timeout: waitMs });
  return (await outcome.textContent())!.trim();
}

describe('a paper count on demo/paper.html', () => {
  it('signs a clerk in when the provider’s code arrives after the count’s, as on a slow connection', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // The loader fetches each element's code in parallel; here the provider's comes last.
      await page.route('**/civic-widgets/provider.js', async (route) => {
        await new Promise((done) => setTimeout(done, 1_500));
        await route.continue();
      });
      await page.goto(`${server.origin}/paper.html`);
      await page.locator('civic-paper-entry').getByLabel('Your name').waitFor({ timeout: waitMs });
    } finally {
      await context.close();
    }
  });

  it('finds a double-entry mismatch, settles it, and the results count paper and online apart', async () => {
    const online = (await server.api('GET', `/rounds/${ROUND}/results`)).body.ballots as number;
    const [a, b] = cheapestNumbers();

    const ann = await clerkPage('Ann Lee');
    const bob = await clerkPage('Bob Hart');
    assert.match(await key(ann, '1', a), /It waits for the second clerk’s entry\./);
    assert.match(await key(ann, '2', `${a} ${b}`), /waits/);
    assert.match(await key(bob, '1', a), /Both entries agree: it counts\./);
    assert.match(await key(bob, '2', a), /The two entries differ: a third person will settle it\./);
    await bob.locator('civic-paper-entry [part~="tally"]').filter({ hasText: '2 ballots' }).waitFor({ timeout: waitMs });

    const cy = await clerkPage('Cy Okafor');
    const entry = cy.locator('civic-paper-entry');
    await entry.getByRole('button', { name: 'Entries that differ (1)' }).click({ timeout: waitMs });
    const table = entry.getByRole('table', { name: 'The two entries of ballot 2' });
    await table.waitFor({ timeout: waitMs });
    assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['Proposal', 'Ann Lee', 'Bob Hart']);
    assert.equal(await table.locator('tbody tr').filter({ hasText: '(differs)' }).count(), 1, 'the one proposal the two readings disagree on');
    await entry.getByLabel('What ballot 2 says').fill(`${b} ${a}`);
    await entry.getByRole('button', { name: 'Settle ballot 2' }).click();
    await entry.locator('[part~="no-mismatches"]').waitFor({ timeout: waitMs });

    const results = (await server.api('GET', `/rounds/${ROUND}/results`)).body;
    assert.deepEqual(results.sources, { online, paper: 2 });
    // The results on the page count them apart too, once reloaded.
    await cy.reload();
    const sources = cy.locator('civic-results').locator('[part~="sources"]');
    await sources.waitFor({ timeout: waitMs });
    assert.equal((await sources.textContent())!.trim(), `${online} online, 2 on paper.`);

    const audit = (await server.api('GET', `/rounds/${ROUND}/paper-audit`, { admin: true })).body.entries.map((line: { actor: string; action: string; number: string }) => `${line.actor} ${line.action} ${line.number}`);
    assert.deepEqual(audit, ['Ann Lee entered 1', 'Ann Lee entered 2', 'Bob Hart entered 1', 'Bob Hart entered 2', 'Cy Okafor settled 2']);
    for (const page of [ann, bob, cy]) assert.deepEqual((page as Page & { problems?: string[] }).problems, []);
  });
});
