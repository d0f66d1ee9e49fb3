/**
 * Storybook's Docs pages as a designer sees them, in real Chromium over the static build
 * (`npx storybook build --quiet -o storybook-static`, which `npm test` runs before this step):
 * every story shows whole, and each attribute's control fits its type.
 *
 * The build's files are answered by Playwright's router under a made-up origin, so no server runs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';

const staticDir = resolve(import.meta.dirname, '../../storybook-static');
const origin = 'http://storybook.test';
const waitMs = 20_000;

let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(staticDir, 'iframe.html')), 'storybook-static is missing: run `npx storybook build --quiet -o storybook-static` first');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
});

after(async () => {
  await browser?.close();
});

/** The Docs page of every element, from the build's own index: present and future elements alike. */
function elementDocsPages(): string[] {
  const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string; tags?: string[] }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'docs' && entry.tags?.includes('autodocs'))
    .map((entry) => entry.id);
}

/**
 * From the first frame on, notes any story whose frame is shorter than what the story rendered:
 * Storybook clips (and scrolls) what does not fit, so a designer would see only a sliver of it.
 * Plain JavaScript: a function from this file would carry tsx's helpers into the page.
 */
const clippedStoriesMonitor = `
  window.clippedStories = {};
  requestAnimationFrame(function check() {
    for (const frame of document.querySelectorAll('.docs-story')) {
      const story = frame.querySelector('.sb-story');
      if (story && frame.scrollHeight > frame.clientHeight + 1) {
        window.clippedStories[story.id] ??= { frame: frame.clientHeight, content: frame.scrollHeight };
      }
    }
    requestAnimationFrame(check);
  });
`;

async function openDocs(id: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(waitMs);
  await page.route(`${origin}/**`, (route) => {
    const file = normalize(join(staticDir, new URL(route.request().url()).pathname));
    if (!file.startsWith(staticDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ path: file });
  });
  await page.addInitScript({ content: clippedStoriesMonitor });
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=docs`);
  return page;
}

/**
 * Until every element in the page's first story (a card, the results…; not the provider, which shows
 * nothing itself) has rendered what it loaded: not its loading message, nor an error.
 */
async function waitForFirstStoryLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = [...(document.querySelector('.docs-story')?.querySelectorAll('*') ?? [])].filter(
      (element) => element.localName.startsWith('civic-') && element.localName !== 'civic-provider',
    );
    return shown.length > 0 && shown.every((element) => element.shadowRoot?.firstElementChild && !element.shadowRoot.querySelector('[part~="loading"], [part~="error"], [part~="missing"]'));
  });
}

describe('Storybook Docs pages', () => {
  for (const id of elementDocsPages()) {
    it(`${id} shows every story whole, even while its elements load`, async () => {
      const page = await openDocs(id);
      try {
        await waitForFirstStoryLoaded(page);
        // Long enough for late layout (images, fonts) and for Storybook to have measured everything.
        await page.waitForTimeout(1_000);
        const clipped = await page.evaluate('window.clippedStories');
        assert.deepEqual(clipped, {}, 'stories whose frame was shorter than their content (px)');
        const stories = await page.locator('.docs-story').count();
        assert.ok(stories > 0, 'the page shows its stories');
      } finally {
        await page.close();
      }
    });
  }

  it('the proposal card’s Docs page shows the whole card in its first story', async () => {
    const page = await openDocs('elements-proposal-card--docs');
    try {
      await waitForFirstStoryLoaded(page);
      const primary = page.locator('.docs-story').first();
      const card = primary.locator('civic-proposal-card');
      const frameBox = (await primary.boundingBox())!;
      const cardBox = (await card.boundingBox())!;
      assert.ok(cardBox.height > 150, `the card has rendered (${cardBox.height}px)`);
      assert.ok(frameBox.height >= cardBox.height, `frame ${frameBox.height}px, card ${cardBox.height}px`);
      assert.ok(cardBox.y + cardBox.height <= frameBox.y + frameBox.height, 'the card ends inside its frame');
    } finally {
      await page.close();
    }
  });

  it('offers a text field for string attributes and a number field for numbers, not "Set object"', async () => {
    const page = await openDocs('elements-proposal-card--docs');
    try {
      const table = page.locator('.docblock-argstable').first();
      await table.waitFor();
      assert.equal(await table.getByRole('button', { name: 'Set object' }).count(), 0, 'no control offers "Set object"');
      for (const [name, expected] of [
        ['proposal-id', 'textarea'],
        ['api', 'textarea'],
        ['currency', 'textarea'],
        ['voter-token', 'textarea'],
        ['heading-level', 'input[type="number"]'],
      ] as const) {
        const row = table.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}\\*?$`) }) });
        const control = row.locator('td').last();
        // An object control offers "Set object", or edits a value that is set as JSON.
        assert.equal(await control.getByRole('button', { name: 'Set object' }).count(), 0, `${name} offers "Set object"`);
        assert.equal(await control.getByText(`Edit ${name} as JSON`).count(), 0, `${name} is edited as JSON`);
        // An attribute the story leaves unset shows a "Set string" / "Set number" button first.
        const setter = control.getByRole('button', { name: /^Set (string|number)$/ });
        if (await setter.count()) await setter.click();
        assert.equal(await control.locator(expected).count(), 1, `${name}'s control is ${expected}: ${await control.innerHTML()}`);
      }
    } finally {
      await page.close();
    }
  });
});
