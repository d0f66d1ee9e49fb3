/**
 * `npm start` itself, as a newcomer runs it: on a built checkout it builds nothing, seeds a new data
 * folder with the demo and one pabulib round, serves everything, and stopping it stops the server,
 * whether a terminal's Ctrl-C or a process manager's SIGTERM to npm. Runs after `npm test` has built
 * the bundle and Storybook, so a start that rebuilt anything would show in the files' times.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPOSITORY_ROOT } from '../../server/main.js';
import { childEnv } from '../server/support/process.js';

/** What `scripts/start.ts` builds when it is missing. */
const BUILT = ['dist/civic-widgets.js', 'dist/civic-widgets', 'src/i18n/locales/en-XA.ts', 'storybook-static/iframe.html'];
const builtTimes = () => BUILT.map((path) => `${path} ${statSync(join(REPOSITORY_ROOT, path)).mtimeMs}`);

const dataDir = mkdtempSync(join(tmpdir(), 'civic-npm-start-'));
/** The process groups started here: whatever a failing test left running in one is killed at the end. */
const groups = new Set<number>();
after(() => {
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Nothing left in it.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  npm: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<unknown>;
}

/** `npm start` in a process group of its own, as a terminal runs it; resolves once it listens. */
function npmStart(): Promise<Started> {
  const npm = spawn('npm', ['start'], { cwd: REPOSITORY_ROOT, env: childEnv({ CIVIC_DATA_DIR: dataDir }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.add(npm.pid!);
  let output = '';
  const exited = new Promise((done) => npm.on('exit', done));
  return new Promise((resolve, reject) => {
    const tooSlow = setTimeout(() => {
      process.kill(-npm.pid!, 'SIGKILL');
      reject(new Error(`npm start did not listen within 90 s:\n${output}`));
    }, 90_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const origin = /civic-widgets server: (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (origin) {
        clearTimeout(tooSlow);
        resolve({ npm, origin, output: () => output, exited });
      }
    };
    npm.stdout!.on('data', read);
    npm.stderr!.on('data', read);
    void exited.then(() => {
      clearTimeout(tooSlow);
      reject(new Error(`npm start stopped before listening:\n${output}`));
    });
  });
}

/** Whether anything still answers at the origin. */
const answers = (origin: string) => fetch(`${origin}/api/openapi.yaml`).then(() => true, () => false);

/** Waits until the server no longer answers, for up to ten seconds. */
async function stopsAnswering(origin: string): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 200) {
    if (!(await answers(origin))) return true;
    await sleep(200);
  }
  return false;
}

test('on a built checkout npm start builds nothing, seeds a new folder with the demo and a pabulib round, and serves the API, the pages, the bundle and Storybook', async () => {
  const before = builtTimes();
  const started = await npmStart();
  try {
    assert.match(started.output(), /First start: seeded the demo \(rounds .*fernwick-2026.*Netherlands_Assen_2024; \d+ ballots\)/);
    assert.deepEqual(builtTimes(), before, 'nothing was built again');

    const round = await fetch(`${started.origin}/api/rounds/Netherlands_Assen_2024`);
    assert.equal(round.status, 200);
    assert.equal(((await round.json()) as { status: string }).status, 'closed');
    const demoRound = await fetch(`${started.origin}/api/rounds/fernwick-2026`);
    assert.equal(demoRound.status, 200);

    const page = await fetch(`${started.origin}/consultation.html`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<civic-budget-simulator api="\/api"/, 'the demo pages talk to this server');
    const bundle = await fetch(`${started.origin}/civic-widgets.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    const storybook = await fetch(`${started.origin}/storybook/`);
    assert.equal(storybook.status, 200);
    assert.match(await storybook.text(), /storybook/i);
  } finally {
    process.kill(-started.npm.pid!, 'SIGINT');
    await started.exited;
  }
});

test('stopping npm start stops the server: SIGTERM to npm alone, as a process manager sends, and Ctrl-C to the whole group', async () => {
  // SIGTERM to npm's own process: npm passes it on, and the server must be what receives it.
  const first = await npmStart();
  assert.doesNotMatch(first.output(), /First start/, 'the folder was seeded once, by the test before');
  process.kill(first.npm.pid!, 'SIGTERM');
  await first.exited;
  assert.ok(await stopsAnswering(first.origin), 'the server stopped with npm');

  // Ctrl-C in a terminal: SIGINT to every process of the group. The folder's lock was released, so this starts.
  const second = await npmStart();
  process.kill(-second.npm.pid!, 'SIGINT');
  await second.exited;
  assert.ok(await stopsAnswering(second.origin), 'the server stopped on Ctrl-C');
});
