import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { elementNames } from '../../scripts/lib/entries.mjs';

// What an npm user gets. Runs after `npm run build` (npm test builds first).
const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const built = (path: string) => {
  const file = join(root, path);
  assert.ok(existsSync(file), `${path} is missing: run \`npm run build\` first`);
  return file;
};

/** Every file a module loads, following relative imports. */
function importGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    if (specifier?.startsWith('.')) importGraph(resolve(dirname(entry), specifier), seen);
  }
  return seen;
}

function bareImports(files: Set<string>): Set<string> {
  const bare = new Set<string>();
  for (const file of files) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from\s*["']([^"'.][^"']*)["']/g)) bare.add(specifier!);
  }
  return bare;
}

test('every entry in package.json exports exists, with types', () => {
  for (const [name, target] of Object.entries<string | { types: string; default?: string }>(pkg.exports)) {
    if (typeof target === 'string') built(target);
    else {
      // Only the JSX types are types alone: there is no code to import for them.
      if (name === './jsx') assert.equal(target.default, undefined);
      else built(target.default!);
      built(target.types);
    }
    assert.ok(name === '.' || name.startsWith('./'), name);
  }
});

test('each element has its own entry, civic-widgets/<name>, that registers it', () => {
  const names = elementNames(pkg);
  assert.ok(names.includes('provider') && names.includes('proposal-card'));
  for (const name of names) {
    const entry = readFileSync(built(pkg.exports[`./${name}`].default), 'utf8');
    assert.match(entry, new RegExp(`defineElement\\("civic-${name}"`), `${name} registers civic-${name}`);
  }
});

test('the client entry loads no Lit, so it can be used on its own and in Node', () => {
  const files = importGraph(built(pkg.exports['./client'].default));
  const bare = bareImports(files);
  assert.deepEqual([...bare].filter((name) => name === 'lit' || name.startsWith('lit/') || name.startsWith('@lit/')), []);
});

test('element entries leave Lit to the user’s bundler instead of carrying a copy', () => {
  const files = importGraph(built(pkg.exports['./proposal-card'].default));
  assert.ok(bareImports(files).has('lit'), 'imports lit by name');
  for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /class ReactiveElement/, file);
});
