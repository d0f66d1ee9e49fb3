import type { BrowserContext, Page } from 'playwright-core';

/**
 * Reloads a page while its browser context is offline, and makes sure the new document knows it is
 * offline. Chromium keeps failing requests after the reload, but the new document's
 * `navigator.onLine` says `true` (the emulated offline state is not applied to it again), so no
 * `online` event would ever come when the context goes back online, and a page that waits for one
 * (the outbox does) would look broken when it is not. Going online and offline again while no send
 * is due re-applies the emulation; `ready` must wait until the page has finished its first
 * attempt to send, so that nothing is sent in that instant.
 */
export async function reloadOffline(page: Page, context: BrowserContext, ready: () => Promise<unknown>): Promise<void> {
  await page.reload();
  await ready();
  if (await page.evaluate(() => navigator.onLine)) {
    await context.setOffline(false);
    await context.setOffline(true);
  }
  if (await page.evaluate(() => navigator.onLine)) throw new Error('the reloaded page still believes it is online');
}

/** How many times the page's outbox has tried to send the one ballot it keeps, read from IndexedDB. */
export const outboxAttempts = (page: Page) =>
  page.evaluate(async () => {
    // The outbox names its database after its backend; whichever that is, it is the one outbox here.
    const names = (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('civic-outbox:'));
    if (names.length !== 1) throw new Error(`expected one outbox database, found: ${names.join(', ') || 'none'}`);
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(names[0]!);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        try {
          const all = open.result.transaction('pending').objectStore('pending').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<{ attempts: number }>)[0]?.attempts ?? 0);
          };
        } catch (error) {
          reject(error);
        }
      };
    });
  });
