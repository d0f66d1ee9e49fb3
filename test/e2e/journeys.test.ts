/**
 * The residents', partners' and webmasters' journeys through the demo site, end to end: real
 * Chromium, the real server over HTTP with its real database (seeded with the demo), the pages as
 * `npm start` serves them, and the product's own CLI for voting codes. One server and one browser
 * for the file; each journey a fresh browser context, as a new resident would come.
 * Needs the build (`npm run build`, which `npm test` runs before this step).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import type { Locator, Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { VOTER_TOKEN_SECRET } from '../server/support/server.js';
import { outboxAttempts, reloadOffline } from './support/offline.js';
import { cacheSiteFiles, openPage, PARTNER_ORIGIN, screenshot, startDemoSite, until, type DemoSite } from './support/demo-site.js';

const run = promisify(execFile);
const CODE_ROUND = 'ashcombe-estate-2026';
let site: DemoSite;
/** The codes `npm run codes` printed for the code round, before the server started. */
let codes: string[] = [];

before(async () => {
  site = await startDemoSite({
    async beforeStart(database) {
      // The council's webmaster makes codes for the letters, exactly as the README says.
      const { stdout } = await run('npm', ['run', '--silent', 'codes', '--', CODE_ROUND, '2'], {
        cwd: REPOSITORY_ROOT,
        env: { ...process.env, CIVIC_DATA_DIR: database.dataDir, ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) },
      });
      const [header, ...rows] = stdout.trim().split(/\r?\n/);
      assert.equal(header, 'round_id,code');
      codes = rows.map((row) => row.split(',')[1]!);
      assert.equal(codes.length, 2);
    },
  });
});
after(async () => {
  await site?.stop();
});

const page = (path: string) => `${site.server.origin}${path}`;
const form = (tab: Page) => tab.locator('civic-vote-form');
const ballotsIn = async (roundId: string) => (await site.server.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ballots WHERE round_id = $1', [roundId]))[0]!.n;
const ballot = async (id: string) => (await site.server.database.db.query<{ round_id: string; selections: unknown }>('SELECT round_id, selections FROM ballots WHERE id = $1', [id]))[0];
const ids = (...titles: string[]) => titles.map((title) => PROPOSALS[title]!);

/** Proposals of the open round the journeys vote for. */
const PROPOSALS: Record<string, string> = {
  'Four cycle hangars on Brindle Park estate': 'bp-cycle-hangars',
  'Pocket park on Mercer Street': 'ash-pocket-park',
};

/** What has focus, through shadow roots: its tag, part and accessible text. */
const focused = (tab: Page) =>
  tab.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    const labels = (element as HTMLInputElement).labels;
    return { tag: element.localName, part: element.getAttribute('part') ?? '', text: (labels?.[0]?.textContent ?? element.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });

/** Presses Tab until what has focus matches, as a keyboard user would; fails after 120 presses. */
async function tabTo(tab: Page, what: string, matches: (target: { tag: string; part: string; text: string }) => boolean): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    await tab.keyboard.press('Tab');
    const target = await focused(tab);
    if (target && matches(target)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Chooses proposals by their labels, continues, and waits for the review (pointer, for the journeys not about the keyboard). */
async function chooseAndReview(vote: Locator, titles: string[]): Promise<void> {
  for (const title of titles) await vote.locator('label', { hasText: title }).click();
  await vote.locator('[part~="continue-button"]').click();
  await vote.locator('[part~="review"]').waitFor();
}

async function receiptOf(vote: Locator): Promise<string> {
  const id = vote.locator('[part~="receipt-id"]');
  await id.waitFor();
  return (await id.textContent())!.trim();
}

describe('journeys through the demo site', { timeout: 120_000 }, () => {
  it('a resident on the partner page votes on the knapsack round with the keyboard only, checks the receipt later, and the ballot is stored once', async () => {
    const { context, page: tab, problems } = await openPage(site);
    try {
      const before = await ballotsIn('fernwick-2026');
      await tab.goto(page('/partner.html'));
      await form(tab).locator('[part~="proposal"]').first().waitFor();
      for (const title of Object.keys(PROPOSALS)) {
        await tabTo(tab, title, (target) => target.tag === 'input' && target.text.includes(title));
        await tab.keyboard.press('Space');
      }
      await form(tab).getByText('£70,000 of £250,000 chosen').first().waitFor();
      await tabTo(tab, 'Continue', (target) => target.part.includes('continue-button'));
      await tab.keyboard.press('Enter');
      await form(tab).locator('[part~="review"]').waitFor();
      await tabTo(tab, 'Submit', (target) => target.part.includes('submit-button'));
      await tab.keyboard.press('Enter');
      const receipt = await receiptOf(form(tab));
      assert.equal(await form(tab).locator('[part~="receipt"] a').getAttribute('href'), '/receipt.html', 'the receipt links to where to check it');

      // Later, on the council's receipt page, still with the keyboard.
      await tab.goto(page('/receipt.html'));
      await tabTo(tab, 'the receipt number', (target) => target.tag === 'input');
      await tab.keyboard.type(receipt);
      await tab.keyboard.press('Enter');
      await tab.getByRole('status').getByText('Your vote is counted').waitFor();
      assert.match((await tab.getByRole('status').textContent())!, /Fernwick Neighbourhood Fund 2026/);

      assert.equal(await ballotsIn('fernwick-2026'), before + 1, 'one ballot more');
      assert.deepEqual(await ballot(receipt), { round_id: 'fernwick-2026', selections: ids('Four cycle hangars on Brindle Park estate', 'Pocket park on Mercer Street') });
      assert.deepEqual(problems, []);
    } finally {
      await screenshot(tab, 'journey-keyboard-vote');
      await context.close();
    }
  });

  it('a resident votes offline on the partner page, reloads, comes back online, and the vote is stored once', async () => {
    const { context, page: tab } = await openPage(site);
    try {
      const before = await ballotsIn('fernwick-2026');
      await cacheSiteFiles(context, site.server.origin);
      await tab.goto(page('/partner.html'));
      await chooseAndReview(form(tab), ['Pocket park on Mercer Street']);
      await context.setOffline(true);
      await form(tab).locator('[part~="submit-button"]').click();
      await form(tab).locator('[part~="notice"]', { hasText: 'Your vote is saved on this device' }).waitFor();
      await reloadOffline(tab, context, () => until(async () => (await outboxAttempts(tab)) >= 2, 'the reloaded page tried to send'));
      assert.equal(await ballotsIn('fernwick-2026'), before, 'nothing arrives while offline');
      await context.setOffline(false);
      const receipt = await receiptOf(form(tab));
      // Long enough for a second send, if there were going to be one, to arrive.
      await new Promise((resolve) => setTimeout(resolve, 750));
      assert.equal(await ballotsIn('fernwick-2026'), before + 1, 'stored once');
      assert.deepEqual(await ballot(receipt), { round_id: 'fernwick-2026', selections: ids('Pocket park on Mercer Street') });
    } finally {
      await screenshot(tab, 'journey-offline-vote');
      await context.close();
    }
  });

  it('a resident votes with a code from npm run codes; the same code again is refused', async () => {
    const embed = `<civic-vote-form api="/api" round="${CODE_ROUND}"></civic-vote-form>`;
    const vote = async (code: string) => {
      const { context, page: tab } = await openPage(site);
      await tab.goto(page('/partner.html'));
      await tab.locator('civic-vote-form').evaluate((element, html) => (element.outerHTML = html), embed);
      await form(tab).getByLabel('Enter your voting code').fill(code);
      await form(tab).locator('[part~="continue-button"]').click();
      await chooseAndReview(form(tab), ['Repaint and light the Ashcombe stairwells', 'Covered bin stores']);
      await form(tab).locator('[part~="submit-button"]').click();
      return { context, tab };
    };
    const first = await vote(codes[0]!.toLowerCase().replace(/-/g, ' '));
    const receipt = await receiptOf(form(first.tab));
    await first.context.close();
    assert.equal((await ballot(receipt))?.round_id, CODE_ROUND);

    const again = await vote(codes[0]!);
    // The server answers 409 voting-code-used: the resident is told the code was used, not that it is unknown.
    await form(again.tab).locator('#code-error', { hasText: 'This voting code has already been used' }).waitFor();
    await again.context.close();
    assert.equal(await ballotsIn(CODE_ROUND), 1, 'one ballot for one code');
  });

  it('a host site signs a voter token and passes it to the element: the vote counts once for that voter', async () => {
    const round = 'brindle-residents-2026';
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('brindle-member-042').setAudience(round).setExpirationTime('2h').sign(new TextEncoder().encode(VOTER_TOKEN_SECRET));
    // The housing association's own site, on its own origin, after its resident signed in.
    const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brindle residents</title></head><body>
      <h1>Residents' vote</h1>
      <civic-vote-form api="${site.server.origin}/api" round="${round}" voter-token="${token}"></civic-vote-form>
      <script src="${site.server.origin}/civic-widgets.js" defer></script></body></html>`;
    const vote = async () => {
      const { context, page: tab, problems } = await openPage(site);
      await context.route(`${PARTNER_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage }));
      await tab.goto(`${PARTNER_ORIGIN}/vote`);
      await chooseAndReview(form(tab), ['A shared tool shed']);
      await form(tab).locator('[part~="submit-button"]').click();
      return { context, tab, problems };
    };
    const first = await vote();
    const receipt = await receiptOf(form(first.tab));
    assert.deepEqual(first.problems, []);
    await first.context.close();
    assert.equal((await ballot(receipt))?.round_id, round);

    // The same resident, on another device, tries again.
    const second = await vote();
    await form(second.tab).getByText(/already voted/i).first().waitFor();
    await second.context.close();
    assert.equal(await ballotsIn(round), 1, 'counted once for that voter');
  });

  it('a resident balances the council budget and sends it; the webmaster downloads the CSV and finds it', async () => {
    const { context, page: tab, problems } = await openPage(site);
    try {
      await tab.goto(page('/consultation.html'));
      const simulator = tab.locator('civic-budget-simulator');
      const tax = simulator.locator('[data-line="council-tax-rise"] input[type="range"]');
      await tax.focus();
      // Up to the referendum limit, then seven tenths of a percent back: the budget balances.
      await tab.keyboard.press('End');
      for (let i = 0; i < 7; i++) await tab.keyboard.press('PageDown');
      await simulator.locator('[part~="balance-headline"]', { hasText: 'Your budget balances' }).waitFor();
      await simulator.locator('[part~="continue-button"]').click();
      await simulator.locator('[part~="review"]').waitFor();
      await simulator.locator('[part~="send-button"]').click();
      const reference = simulator.locator('[part~="reference"]');
      await reference.waitFor();
      const id = (await reference.textContent())!.trim();

      const csv = await site.server.api('GET', '/simulations/fernwick-council-budget-2026/submissions.csv', { admin: true });
      assert.equal(csv.status, 200);
      const row = csv.text.split(/\r?\n/).find((line) => line.includes(id));
      assert.ok(row, `the CSV has a row for ${id}`);
      const header = csv.text.split(/\r?\n/)[0]!.split(',');
      assert.equal(row.split(',')[header.indexOf('council-tax-rise')], '4.29');
      assert.deepEqual(problems, []);
    } finally {
      await screenshot(tab, 'journey-simulator');
      await context.close();
    }
  });

  it('a resident sends feedback, is told of a field error only the server found, corrects it and sends it', async () => {
    const { context, page: tab } = await openPage(site);
    try {
      await tab.goto(page('/consultation.html'));
      const feedback = tab.locator('civic-feedback-form');
      await feedback.getByText('4', { exact: true }).click();
      // While the resident answers, the council makes the ward question required: the form the page
      // loaded still has it optional, so only the server can say so.
      const [changed] = await site.server.database.db.query<{ id: string }>(
        `UPDATE forms SET form = jsonb_set(form, '{questions,2,required}', 'true') WHERE id = 'fernwick-feedback' AND form #>> '{questions,2,id}' = 'ward' RETURNING id`,
      );
      assert.ok(changed, 'the council made "Which ward do you live in?" required');
      await feedback.getByLabel('What could we do better?').fill('Put a ballot box in the library, please.');
      await feedback.locator('label', { hasText: 'I agree that Fernwick Council' }).click();
      await feedback.locator('[part~="submit-button"]').click();
      const summary = feedback.locator('[part~="error-summary"]');
      await summary.getByText(/Select an answer to .*Which ward do you live in\?/).waitFor();
      assert.equal((await site.server.counts()).feedback_responses, 0, 'nothing stored');

      // The summary's link leads to the question; the resident answers it and sends again.
      await summary.locator('a').first().click();
      await feedback.locator('label', { hasText: 'Canal Wharf' }).click();
      await feedback.locator('[part~="submit-button"]').click();
      await feedback.locator('[part~="panel"]', { hasText: 'Your feedback has been sent' }).waitFor();
      const stored = await site.server.database.db.query<{ response: { answers: Record<string, unknown> } }>(`SELECT response FROM feedback_responses WHERE form_id = 'fernwick-feedback'`);
      assert.deepEqual(
        stored.map((row) => row.response.answers),
        [{ ease: 4, improve: 'Put a ballot box in the library, please.', ward: 'canal-wharf', consent: true }],
      );
    } finally {
      await screenshot(tab, 'journey-feedback');
      await context.close();
    }
  });

  it('after the round closes, the results page shows the published winners under both rules', async () => {
    const { context, page: tab, problems } = await openPage(site);
    try {
      const round = 'fernwick-2025';
      await tab.goto(page(`/results.html?round=${round}`));
      const results = tab.locator('civic-results');
      for (const [rule, name] of [['equal-shares', 'Equal shares'], ['greedy', 'Most votes first']] as const) {
        const published = await site.server.api('GET', `/rounds/${round}/results?rule=${rule}`);
        assert.equal(published.status, 200);
        const winners = (published.body.winners as Array<{ title: string }>).map((winner) => winner.title);
        assert.ok(winners.length > 0);
        await results.getByLabel(name, { exact: true }).check();
        await until(async () => (await results.locator('[part~="table"] tr.funded').count()) === winners.length, `${winners.length} funded rows under ${rule}`);
        const funded = await results.locator('[part~="table"] tr.funded').allTextContents();
        for (const winner of winners) assert.ok(funded.some((row) => row.includes(winner)), `${winner} is funded under ${rule}`);
      }

      // This year's round, which the journeys above voted in: nothing to see until the council closes it.
      await tab.goto(page('/results.html?round=fernwick-2026'));
      await results.locator('[part~="not-published"]').waitFor();
      assert.equal((await site.server.api('PUT', '/rounds/fernwick-2026/status', { admin: true, body: { status: 'closed' } })).status, 200);
      const published = await site.server.api('GET', '/rounds/fernwick-2026/results');
      assert.equal(published.status, 200);
      const winners = (published.body.winners as Array<{ title: string }>).map((winner) => winner.title);
      assert.ok(winners.includes('Pocket park on Mercer Street'), 'the pocket park, voted for twice above, is funded');
      await tab.reload();
      await until(async () => (await results.locator('[part~="table"] tr.funded').count()) === winners.length, `${winners.length} funded rows once closed`);
      const funded = await results.locator('[part~="table"] tr.funded').allTextContents();
      for (const winner of winners) assert.ok(funded.some((row) => row.includes(winner)), `${winner} is funded`);
      assert.deepEqual(problems, []);
    } finally {
      await screenshot(tab, 'journey-results');
      await context.close();
    }
  });
});
