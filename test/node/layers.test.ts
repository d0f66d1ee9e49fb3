import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The layers of src/ (README "Where things are"): each may import only what lies beneath it, and no
// module imports itself back through others.
const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module each file imports: relative ones as absolute .ts paths, packages by name. */
function imports(file: string): string[] {
  // Comments may show imports as examples; only code counts.
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...code.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((match) => match[1] ?? match[2] ?? match[3]!);
  return specifiers.map((specifier) => (specifier.startsWith('.') ? resolve(dirname(file), specifier).replace(/\.js$/, '.ts') : specifier));
}

const files = sourceFiles(src);
const graph = new Map(files.map((file) => [file, imports(file)]));
const layerOf = (file: string) => relative(src, file).split('/')[0]!;

test('the domain is pure: it imports only itself, no package, no DOM or Lit', () => {
  for (const [file, targets] of graph) {
    if (layerOf(file) !== 'domain') continue;
    for (const target of targets) {
      assert.equal(layerOf(target), 'domain', `${relative(root, file)} imports ${relative(root, target)}`);
    }
  }
});

test('the client imports only itself and the domain (its index also re-exports the in-browser backend)', () => {
  const packages = new Set(['valibot', 'idb']);
  for (const [file, targets] of graph) {
    if (layerOf(file) !== 'client') continue;
    for (const target of targets) {
      if (packages.has(target)) continue;
      const allowed = ['client', 'domain', ...(file === join(src, 'client/index.ts') ? ['memory'] : [])];
      assert.ok(target.startsWith('/') && allowed.includes(layerOf(target)), `${relative(root, file)} imports ${target.startsWith('/') ? relative(root, target) : target}`);
    }
  }
});

test('the in-browser backend imports only itself, the client and the domain', () => {
  for (const [file, targets] of graph) {
    if (layerOf(file) !== 'memory') continue;
    for (const target of targets) {
      if (target === 'valibot') continue;
      assert.ok(target.startsWith('/') && ['memory', 'client', 'domain'].includes(layerOf(target)), `${relative(root, file)} imports ${target}`);
    }
  }
});

test('no module imports itself back through others', () => {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      const cycle = stack.slice(stack.indexOf(file)).concat(file).map((path) => relative(root, path));
      assert.fail(`import cycle: ${cycle.join(' -> ')}`);
    }
    state.set(file, 'visiting');
    stack.push(file);
    for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target);
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) visit(file);
});

test('every relative import resolves to a source file, so the checks above see the whole graph', () => {
  const known = [...graph.values()].flat().filter((target) => target.startsWith('/'));
  // The locale modules are generated (npm run localize) and import nothing of ours.
  const generated = (target: string) => relative(src, target).startsWith('i18n/locales/');
  const unresolved = known.filter((target) => !graph.has(target) && !generated(target)).map((target) => relative(root, target));
  assert.deepEqual(unresolved, []);
  assert.ok(known.length > 100);
});

test('the server imports from src/ only the domain, so it cannot disagree with the elements or carry browser code', () => {
  const serverRoot = join(root, 'server');
  const serverFiles = sourceFiles(serverRoot);
  assert.ok(serverFiles.length > 20);
  for (const file of serverFiles) {
    for (const target of imports(file)) {
      if (!target.startsWith('/') || !target.startsWith(`${src}/`)) continue;
      assert.equal(layerOf(target), 'domain', `${relative(root, file)} imports ${relative(root, target)}`);
    }
  }
});
