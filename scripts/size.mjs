// npm run size: bytes a resident downloads, min+gzip (-9) and brotli, for the single-file bundle and
// for each entry bundled alone with everything it imports up front (what a page using only it pays).
// civic-widgets-memory.js, the demo backend, is fetched only by pages with api="memory:";
// civic-widgets-sanitize.js, DOMPurify and its allow-list, only when a description is HTML.
// Budgets (gzip bytes) live in package.json "sizeBudgets"; exceeding one fails the command.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { build } from 'vite';
import { elementNames } from './lib/entries.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudgets ?? {};

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundleAlone(entry) {
  const outputs = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2020', lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const chunks = new Map((Array.isArray(outputs) ? outputs[0] : outputs).output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  // What the entry loads up front: it and its static imports, not the chunks it loads on demand.
  const loaded = new Set();
  const visit = (chunk) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((name) => visit(chunks.get(name)));
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry));
  return [...loaded].map((chunk) => chunk.code).join('\n');
}

if (!existsSync('dist/civic-widgets.js')) {
  console.error('dist/civic-widgets.js is missing: run `npm run build` first.');
  process.exit(1);
}

const names = elementNames(pkg);
const rows = [
  { name: 'civic-widgets.js', code: readFileSync('dist/civic-widgets.js') },
  { name: 'civic-widgets-memory.js', code: readFileSync('dist/civic-widgets-memory.js') },
  { name: 'civic-widgets-sanitize.js', code: readFileSync('dist/civic-widgets-sanitize.js') },
];
rows.push({ name: 'client', code: await bundleAlone('src/client/index.ts') });
for (const name of names) rows.push({ name, code: await bundleAlone(`src/elements/${name}/${name}.ts`) });

const format = (n) => n.toLocaleString('en-GB').padStart(9);
console.log(`${'entry'.padEnd(24)} ${'min'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)} ${'budget'.padStart(9)}`);
const over = [];
for (const { name, code } of rows) {
  const gz = gzip(code);
  const budget = budgets[name];
  if (budget !== undefined && gz > budget) over.push(`${name}: ${gz} B gzip is over its budget of ${budget} B`);
  console.log(
    `${name.padEnd(24)} ${format(code.length)} ${format(gz)} ${format(brotli(code))} ${budget === undefined ? '        -' : format(budget)}${budget !== undefined && gz > budget ? '  OVER' : ''}`,
  );
}
const missing = rows.filter((row) => budgets[row.name] === undefined).map((row) => row.name);
if (missing.length) over.push(`no budget in package.json "sizeBudgets" for: ${missing.join(', ')}`);
if (over.length) {
  console.error(over.join('\n'));
  process.exit(1);
}
