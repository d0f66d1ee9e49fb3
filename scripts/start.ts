/**
 * npm start: builds what is missing (the bundle, Storybook), then runs the reference server in this
 * same process, seeded on its first start with the demo borough and one real pabulib round.
 * A second start with everything built builds nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeed } from '../src/memory/seed/index.js';
import { REPOSITORY_ROOT, runProcess } from '../server/main.js';
import { importSeed, readPabulib } from '../server/store/import.js';

const built = (path: string) => existsSync(join(REPOSITORY_ROOT, path));
const run = (...args: string[]) => execFileSync('npm', ['run', '--silent', ...args], { stdio: 'inherit', cwd: REPOSITORY_ROOT });

// The loader and the folder of modules it loads beside it.
if (!built('dist/civic-widgets.js') || !built('dist/civic-widgets')) run('build');
// Storybook's preview loads the pseudo-locale, which `npm run localize` generates.
if (!built('src/i18n/locales/en-XA.ts')) run('localize');
// iframe.html is written last: a build that failed half-way leaves index.html without it.
if (!built('storybook-static/iframe.html')) run('build-storybook');

/** The real round beside the demo: Assen 2024, 14 projects and 84 approval ballots counted by equal shares. */
const PABULIB_ROUND = 'test/fixtures/pabulib/Netherlands_Assen_2024.pb';

await runProcess(process.env, {
  async prepare(db, config) {
    const [seeded] = await db.query('SELECT 1 FROM rounds LIMIT 1');
    if (seeded) return;
    const pabulib = readPabulib(readFileSync(join(REPOSITORY_ROOT, PABULIB_ROUND), 'utf8'));
    const summary = await importSeed(db, { ...defaultSeed(config.now()), rounds: [...defaultSeed(config.now()).rounds, pabulib] }, config.now());
    console.log(`First start: seeded the demo (rounds ${summary.rounds.join(', ')}; ${summary.ballots} ballots).`);
  },
});
