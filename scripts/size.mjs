// npm run size: bytes a resident downloads, min+gzip (-9) and brotli, as the script-tag build serves
// them: the loader (civic-widgets.js), a page with each element (the loader, the element's module and
// every shared module it imports), a page with every element, and what loads only on demand (the
// in-browser backend for api="memory:", the HTML sanitiser, each language's translations: locale: cy…),
// beside the npm client entry bundled alone.
// Budgets (gzip bytes) live in package.json "sizeBudgets"; exceeding one fails the command. Every
// language shares the budget "each locale" unless it has one of its own ("locale: bn").
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudgets ?? {};

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** An npm entry bundled alone with everything it imports up front. */
async function bundleAlone(entry) {
  const outputs = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2020', lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const chunks = new Map((Array.isArray(outputs) ? outputs[0] : outputs).output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((name) => visit(chunks.get(name)));
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry));
  return [...loaded].map((chunk) => chunk.code).join('\n');
}

if (!existsSync('dist/civic-widgets.js') || !existsSync('dist/civic-widgets/elements.json')) {
  console.error('dist/civic-widgets.js is missing: run `npm run build` first.');
  process.exit(1);
}
const { elements, onDemand } = JSON.parse(readFileSync('dist/civic-widgets/elements.json', 'utf8'));
const loader = readFileSync('dist/civic-widgets.js', 'utf8');
// Each file counted separately, as each is its own download: gzip does not share across files.
const files = (names) => [...new Set(names)].map((name) => readFileSync(`dist/${name}`, 'utf8'));
const sizeOf = (codes) => ({ min: codes.reduce((n, c) => n + c.length, 0), gz: codes.reduce((n, c) => n + gzip(c), 0), br: codes.reduce((n, c) => n + brotli(c), 0) });

const rows = [{ name: 'civic-widgets.js', what: 'the loader', ...sizeOf([loader]) }];
for (const [tag, names] of Object.entries(elements)) {
  rows.push({ name: tag.replace(/^civic-/, ''), what: `a page with <${tag}>`, ...sizeOf([loader, ...files(names)]) });
}
rows.push({ name: 'all elements', what: 'a page with every element', ...sizeOf([loader, ...files(Object.values(elements).flat())]) });
const everyElementFile = new Set(Object.values(elements).flat());
for (const [module, names] of Object.entries(onDemand)) {
  // What a page fetches beyond every element's own files; modules some element loads anyway are not extra.
  const extra = names.filter((name) => !everyElementFile.has(name));
  if (extra.length === 0) continue;
  // A language's own dates (Welsh) are fetched with its translations, and counted with them.
  if (module.startsWith('src/i18n/dates/')) continue;
  const locale = module.match(/^src\/i18n\/locales\/(.+)\.ts$/)?.[1];
  if (locale) {
    const withDates = [...extra, ...(onDemand[`src/i18n/dates/${locale}.ts`] ?? [])];
    rows.push({ name: `locale: ${locale}`, what: `fetched only on a page in that language (${module})`, ...sizeOf(files(withDates)), shared: 'each locale' });
    continue;
  }
  const label = module.includes('memory') ? 'in-browser backend' : module.includes('sanitize') ? 'HTML sanitiser' : module.includes('uqr') ? 'QR code encoder' : module.includes('rest/meeting') ? 'panel meeting over REST' : module.includes('vote-form/kiosk') ? 'kiosk' : module;
  rows.push({ name: `on demand: ${label}`, what: `fetched only when needed (${module})`, ...sizeOf(files(extra)) });
}
rows.push({ name: 'client', what: 'npm: civic-widgets/client alone', ...sizeOf([await bundleAlone('src/client/index.ts')]) });

function budgetOf(row) {
  return budgets[row.name] ?? (row.shared ? budgets[row.shared] : undefined);
}
const format = (n) => n.toLocaleString('en-GB').padStart(9);
console.log(`${'what a resident downloads'.padEnd(32)} ${'min'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)} ${'budget'.padStart(9)}`);
const over = [];
for (const row of rows) {
  const { name, min, gz, br } = row;
  const budget = budgetOf(row);
  if (budget !== undefined && gz > budget) over.push(`${name}: ${gz} B gzip is over its budget of ${budget} B`);
  console.log(`${name.padEnd(32)} ${format(min)} ${format(gz)} ${format(br)} ${budget === undefined ? '        -' : format(budget)}${budget !== undefined && gz > budget ? '  OVER' : ''}`);
}
const missing = rows.filter((row) => budgetOf(row) === undefined).map((row) => row.name);
if (missing.length) over.push(`no budget in package.json "sizeBudgets" for: ${missing.join(', ')}`);
if (over.length) {
  console.error(over.join('\n'));
  process.exit(1);
}
