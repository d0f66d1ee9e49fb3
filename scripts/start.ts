/**
 * npm start: builds what is missing (the bundle, Storybook), then runs the reference server in this
 * same process, seeded on its first start with the demo borough and one real pabulib round.
 * A second start with everything built builds nothing.
 *
 * package.json runs it as `exec node --import tsx`: npm's shell becomes this process, so the SIGTERM
 * npm passes on when it is stopped reaches the server. Under a shell, or the tsx command, that signal
 * stopped them and left the server running on its own.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

// The demo has a round that takes voter tokens, and the server will not start such a round without
// the secret host sites sign them with: for the demo, a random one for this run unless one is set.
const env = { ...process.env };
if (!env.VOTER_TOKEN_SECRET) {
  env.VOTER_TOKEN_SECRET = randomBytes(32).toString('hex');
  console.log('Demo: VOTER_TOKEN_SECRET is not set, so voter tokens are checked with a random secret for this run; set it to sign tokens yourself.');
}
// The paper count and the downloads need the admin token: the demo makes one for this run and says it,
// so a newcomer can try them (the server listens on this machine only unless HOST says otherwise).
if (!env.ADMIN_TOKEN) {
  env.ADMIN_TOKEN = randomBytes(12).toString('hex');
  console.log(`Demo: the admin token for this run is ${env.ADMIN_TOKEN} (the paper count at /paper.html, CSV downloads); set ADMIN_TOKEN to choose your own.`);
}

await runProcess(env, {
  async prepare(db, config) {
    const [seeded] = await db.query('SELECT 1 FROM rounds LIMIT 1');
    if (seeded) return;
    const pabulib = readPabulib(readFileSync(join(REPOSITORY_ROOT, PABULIB_ROUND), 'utf8'));
    const summary = await importSeed(db, { ...defaultSeed(config.now()), rounds: [...defaultSeed(config.now()).rounds, pabulib] }, config.now());
    console.log(`First start: seeded the demo (rounds ${summary.rounds.join(', ')}; ${summary.ballots} ballots).`);
  },
});
