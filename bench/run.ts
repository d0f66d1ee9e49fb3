/**
 * npm run bench [-- NAME-FILTER] [--runs N]: builds the library, loads the single-file bundle in a
 * plain page in real Chromium (the test flags) and times every registered case (bench/browser/),
 * printing one line per figure: `NAME: MEDIAN ms (p95 P ms)`, over at least 20 runs after warm-up.
 * A benchmark, not a test: it fails only when it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../test/support/chromium.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 30;
const filter = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs');
if (!Number.isInteger(runs) || runs < 20) {
  console.error('bench: --runs takes a whole number, at least 20');
  process.exit(1);
}
const WARMUP = 5;

execFileSync('node', ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
const bundled = await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    target: 'es2020',
    lib: { entry: 'bench/browser/cases.ts', formats: ['iife'], name: 'civicBenchCases', fileName: () => 'cases.js' },
  },
});
const cases = (Array.isArray(bundled) ? bundled[0]! : (bundled as Exclude<typeof bundled, unknown[]> & { output: Array<{ code: string }> })).output[0]!.code;

const files: Record<string, [string, string | Buffer]> = {
  '/': ['text/html', '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench</title></head><body><script src="/civic-widgets.js"></script><script src="/cases.js"></script></body></html>'],
  '/civic-widgets.js': ['text/javascript', readFileSync('dist/civic-widgets.js')],
  ...Object.fromEntries(
    readdirSync('dist/civic-widgets')
      .filter((name) => name.endsWith('.js'))
      .map((name): [string, [string, Buffer]] => [`/civic-widgets/${name}`, ['text/javascript', readFileSync(`dist/civic-widgets/${name}`)]]),
  ),
  '/cases.js': ['text/javascript', cases],
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url ?? '/', 'http://x').pathname];
  response.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'not found');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  // The loader defines an element when a page first shows one, fetching its module: define them all
  // before timing, as a page that has shown them has, so that a case times rendering, not the network.
  const tags = Object.keys(JSON.parse(readFileSync('dist/civic-widgets/elements.json', 'utf8')).elements as Record<string, unknown>);
  await page.evaluate(async (all) => {
    const probes = all.map((tag) => document.body.appendChild(document.createElement(tag)));
    await Promise.all(all.map((tag) => customElements.whenDefined(tag)));
    probes.forEach((probe) => probe.remove());
  }, tags);
  const names = (await page.evaluate(() => window.civicBench.names())).filter((name) => filter.every((part) => name.includes(part)));
  for (const name of names) {
    const durations = await page.evaluate(([n, r, w]) => window.civicBench.time(n, r, w), [name, runs, WARMUP] as const);
    durations.sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)]!;
    const p95 = durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!;
    console.log(`${name}: ${median.toFixed(1)} ms (p95 ${p95.toFixed(1)} ms)`);
  }
  if (errors.length) throw new Error(`The page failed: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
