// npm run build: the script-tag loader and the modules it loads, the npm modules, their types, the custom elements manifest and the JSX types made from it.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
// The locale modules (src/i18n/locales/, not committed) from the XLIFF files, so a fresh clone builds.
run('npm', 'run', '--silent', 'localize');
// The elements' modules first: the loader is built from the list of files that build writes.
run('npx', 'vite', 'build', '--mode', 'served', '--logLevel', 'warn');
run('npx', 'vite', 'build', '--mode', 'loader', '--logLevel', 'warn');
run('npx', 'vite', 'build', '--mode', 'es', '--logLevel', 'warn');
run('npx', 'tsc', '-p', 'tsconfig.build.json');
run('npm', 'run', '--silent', 'analyze');
run('node', 'scripts/jsx-types.mjs');
run('node', 'scripts/size.mjs');
