// npm run build: the script-tag bundle, the npm modules, their types and the custom elements manifest.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', 'vite', 'build', '--mode', 'iife', '--logLevel', 'warn');
run('npx', 'vite', 'build', '--mode', 'memory', '--logLevel', 'warn');
run('npx', 'vite', 'build', '--mode', 'sanitize', '--logLevel', 'warn');
run('npx', 'vite', 'build', '--mode', 'es', '--logLevel', 'warn');
run('npx', 'tsc', '-p', 'tsconfig.build.json');
run('npm', 'run', '--silent', 'analyze');
run('node', 'scripts/size.mjs');
