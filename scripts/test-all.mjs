// npm test: every suite in turn, each runner's own output streamed, then one plain last line
// `N passed, N failed` over all of them. A step without tests of its own (type check, builds)
// counts as one test; a runner that crashes before counting counts as one failure.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'pseudo-locale', command: 'npm run --silent localize' },
  { name: 'type check', command: 'npx tsc -p tsconfig.json' },
  { name: 'build and size', command: 'npm run --silent build' },
  { name: 'node tests', command: 'node --import tsx --test --test-reporter=tap test/node/*.test.ts', counts: tapCounts },
  // The same server suite twice: on PGlite, then on the PostgreSQL that .ci/run starts.
  { name: 'server tests (PGlite)', command: 'env -u CIVIC_TEST_DATABASE_URL node --import tsx --test --test-concurrency=1 --test-reporter=tap test/server/*.test.ts', counts: tapCounts },
  {
    name: 'server tests (PostgreSQL)',
    command: 'node --import tsx --test --test-concurrency=1 --test-reporter=tap test/server/*.test.ts',
    counts: tapCounts,
    skipUnless: 'CIVIC_TEST_DATABASE_URL',
  },
  { name: 'browser tests', command: 'npx wtr', counts: wtrCounts },
  // Before the end-to-end tests: test/e2e/storybook-docs.test.ts opens the built Docs pages.
  { name: 'storybook build', command: 'npx storybook build --quiet -o storybook-static' },
  { name: 'end-to-end tests', command: 'node --import tsx --test --test-concurrency=1 --test-reporter=tap test/e2e/*.test.ts', counts: tapCounts },
  { name: 'stories', command: 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/stories.json', counts: vitestCounts },
];

function tapCounts(output) {
  const pass = output.match(/^# pass (\d+)$/m);
  const fail = output.match(/^# fail (\d+)$/m);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
}

function wtrCounts(output) {
  const line = output.match(/^wtr: (\d+) passed, (\d+) failed/m);
  return line ? { passed: Number(line[1]), failed: Number(line[2]) } : null;
}

async function vitestCounts() {
  const { readFile } = await import('node:fs/promises');
  try {
    const report = JSON.parse(await readFile('test-results/stories.json', 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites ?? 0) };
  } catch {
    return null;
  }
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('close', (code) => resolve({ code, output }));
  });
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (only.length && !only.some((name) => step.name.includes(name))) continue;
  if (step.skipUnless && !process.env[step.skipUnless]) {
    console.log(`\n=== ${step.name}: skipped, ${step.skipUnless} is not set (bash .ci/run sets it)`);
    summary.push(`${step.name.padEnd(26)} skipped`);
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.command}`);
  const started = Date.now();
  const { code, output } = await run(step.command);
  let counts = step.counts ? await step.counts(output) : code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  // A runner that exits non-zero with every test passing still failed (a crash after the tests).
  if (!counts || (code !== 0 && counts.failed === 0)) counts = { passed: counts?.passed ?? 0, failed: 1 };
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${step.name.padEnd(26)} ${String(counts.passed).padStart(5)} passed ${String(counts.failed).padStart(4)} failed  ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
