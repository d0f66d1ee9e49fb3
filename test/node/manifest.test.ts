import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { elementNames } from '../../scripts/lib/entries.mjs';

// custom-elements.json is what IDEs, Storybook's docs and controls, and users read: the public
// elements only, each with its whole API. Runs after `npm run build` (which runs `npm run analyze`).
const root = resolve(import.meta.dirname, '../..');
const manifestFile = join(root, 'custom-elements.json');

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
  privacy?: string;
  fieldName?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
}

function manifest(): { modules: Module[] } {
  assert.ok(existsSync(manifestFile), 'custom-elements.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(manifestFile, 'utf8'));
}

const elementsFolder = join(root, 'src/elements');
const folders = readdirSync(elementsFolder).filter((name) => statSync(join(elementsFolder, name)).isDirectory());

/** The source of an element: every .ts file in its folder (a big element is split by part). */
function sourceOf(folder: string): string {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  return files(join(elementsFolder, folder))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** Names given as part="a b" in a template (one attribute may name several parts). */
function partNames(source: string): string[] {
  return [...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap(([, names]) => names!.trim().split(/\s+/));
}

/** Elements that render the shared states (loading, error with retry, not set up) through src/core. */
const usesSharedStates = (source: string) => /from '\.\.\/\.\.\/core\/(load-controller|states)\.js'/.test(source);
const sharedStateParts = partNames(readFileSync(join(root, 'src/core/states.ts'), 'utf8'));

/** The public tokens as theme.ts declares them, with the default each falls back to. */
const theme = readFileSync(join(root, 'src/styles/theme.ts'), 'utf8');
const tokenDefaults = new Map<string, string>();
for (const [, name, fallback] of theme.matchAll(/var\((--civic-[\w-]+),\s*(.+)\);$/gm)) {
  if (!tokenDefaults.has(name!)) tokenDefaults.set(name!, fallback!);
}

function elements(): Array<{ module: Module; element: Declaration; folder: string }> {
  return manifest().modules.flatMap((module) =>
    (module.declarations ?? []).map((element) => ({ module, element, folder: module.path.split('/')[2]! })),
  );
}

test('describes only public elements, one per folder of src/elements, each with a tag', () => {
  const { modules } = manifest();
  for (const module of modules) assert.match(module.path, /^src\/elements\//, `${module.path} is not an element module`);
  for (const { module, element } of elements()) {
    assert.ok(element.customElement && element.tagName, `${element.name} in ${module.path} is not an element with a tag`);
  }
  assert.deepEqual(elements().map(({ folder }) => folder).sort(), [...folders].sort(), 'one element per folder of src/elements');
  assert.ok(folders.length >= 2, 'the provider and the card at least');
});

test('every element entry of the package is described, with a summary and a description', () => {
  for (const name of elementNames()) {
    const found = elements().find(({ element }) => element.tagName === `civic-${name}`);
    assert.ok(found, `civic-${name} is in the manifest`);
    assert.ok(found.element.summary, `civic-${name} has a summary`);
    assert.ok(found.element.description, `civic-${name} has a description (Storybook shows it under the title)`);
  }
});

test('every element documents every --civic-* token of the theme, with a description and its default', () => {
  assert.ok(tokenDefaults.size >= 30, `found ${tokenDefaults.size} tokens in theme.ts`);
  for (const { element } of elements()) {
    const documented = new Map((element.cssProperties ?? []).map((p) => [p.name, p]));
    for (const [name, fallback] of tokenDefaults) {
      const token = documented.get(name);
      assert.ok(token, `${element.tagName} documents ${name}`);
      assert.ok(token.description?.trim(), `${element.tagName}: ${name} has a description`);
      assert.ok(token.default?.startsWith(fallback), `${element.tagName}: ${name} defaults to ${fallback}, not ${token.default}`);
    }
  }
});

test('every element takes the attributes and properties every element inherits', () => {
  for (const { element } of elements()) {
    const attributes = new Map((element.attributes ?? []).map((a) => [a.name, a]));
    for (const name of ['api', 'locale', 'voter-token']) {
      assert.ok(attributes.get(name)?.description, `${element.tagName} documents the ${name} attribute`);
      assert.equal(attributes.get(name)?.type?.text, 'string', `${element.tagName}: ${name} is a string`);
    }
    const members = new Map((element.members ?? []).map((m) => [m.name, m]));
    for (const name of ['api', 'locale', 'voterToken', 'client']) {
      assert.ok(members.get(name)?.description, `${element.tagName} documents the ${name} property`);
    }
  }
});

test('no private, protected or _-prefixed member, and types tools can read', () => {
  for (const { element } of elements()) {
    for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
      assert.ok(!item.name.startsWith('_'), `${element.tagName}: ${item.name}`);
      assert.ok((item.privacy ?? 'public') === 'public', `${element.tagName}: ${item.name} is ${item.privacy}`);
      assert.doesNotMatch(item.type?.text ?? '', /\b(undefined|null)\b/, `${element.tagName}: ${item.name} has type ${item.type?.text}`);
    }
  }
});

test('every part an element renders is documented as a CSS part, the shared states’ parts too', () => {
  assert.deepEqual([...sharedStateParts].sort(), ['error', 'loading', 'missing', 'retry-button']);
  for (const { element, folder } of elements()) {
    const source = sourceOf(folder);
    const used = new Set([...partNames(source), ...(usesSharedStates(source) ? sharedStateParts : [])]);
    const documented = new Map((element.cssParts ?? []).map((p) => [p.name, p]));
    for (const name of used) {
      assert.ok(documented.get(name)?.description, `${element.tagName} documents its part "${name}"`);
    }
  }
});

test('every slot an element renders is documented, and civic-error where loading can fail', () => {
  for (const { element, folder } of elements()) {
    const source = sourceOf(folder);
    const slots = new Set((element.slots ?? []).map((s) => s.name));
    for (const [, name] of source.matchAll(/<slot(?:\s+name="([^"]+)")?[\s>]/g)) {
      assert.ok(slots.has(name ?? ''), `${element.tagName} documents its ${name ? `"${name}" slot` : 'default slot'}`);
    }
    if (usesSharedStates(source)) {
      assert.ok(element.events?.some((e) => e.name === 'civic-error'), `${element.tagName} documents civic-error`);
    }
  }
});
