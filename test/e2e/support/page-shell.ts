/**
 * The page an end-to-end test drives: its HTML and its script (bundled with esbuild from a support
 * entry), answered by Playwright's router, standing in for the browser cache or service worker
 * that lets a resident reopen a page offline. Everything under /api goes over the real network.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';

const support = fileURLToPath(new URL('./', import.meta.url));

export interface PageShell {
  html: string;
  js: string;
  /** Where the HTML loads the script from, e.g. `/outbox-page.js`. */
  scriptPath: string;
}

/** Bundles `support/<name>.ts` and reads `support/<name>.html`. */
export async function buildShell(name: string): Promise<PageShell> {
  const dir = await mkdtemp(join(tmpdir(), `civic-${name}-`));
  try {
    await build({
      entryPoints: [join(support, `${name}.ts`)],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(dir, `${name}.js`),
      logLevel: 'error',
    });
    return { html: await readFile(join(support, `${name}.html`), 'utf8'), js: await readFile(join(dir, `${name}.js`), 'utf8'), scriptPath: `/${name}.js` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Answers `/` and the shell's script on `origin` from memory, online or not. */
export async function serveShell(context: BrowserContext, origin: string, shell: PageShell): Promise<void> {
  const isShell = (url: URL) => url.origin === origin && (url.pathname === '/' || url.pathname === shell.scriptPath);
  await context.route(isShell, (route) =>
    new URL(route.request().url()).pathname === '/'
      ? route.fulfill({ contentType: 'text/html', body: shell.html })
      : route.fulfill({ contentType: 'text/javascript', body: shell.js }),
  );
}
