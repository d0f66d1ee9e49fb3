// Fills xliff/en-XA.xlf with a pseudo-translation of every extracted message: accented letters
// inside ⟦ ⟧. Rendered in the en-XA locale, any text a resident sees that is NOT bracketed skipped
// msg(); the pseudo-locale test fails on it. Placeholders and XML entities are left untouched.
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'xliff/en-XA.xlf';
const accents = Object.fromEntries(
  [...'abcdeghiklmnoprstuwyzABCDEGHIKLNORSTUWYZ'].map((letter, i) => [letter, [...'áƀçđéĝĥíķļɱñóþŕšţúŵýžÁƁÇĐÉĜĤÍĶĻŃÓŔŠŢÚŴÝŽ'][i]]),
);
const pseudo = (text) => [...text].map((char) => accents[char] ?? char).join('');

function translate(source) {
  // Keep <x .../>, <ph>…</ph> and &entities; exactly as they are.
  const parts = source.split(/(<x\b[^>]*\/>|<ph\b[^>]*>[\s\S]*?<\/ph>|&[a-zA-Z]+;|&#\d+;)/);
  return `⟦${parts.map((part, i) => (i % 2 ? part : pseudo(part))).join('')}⟧`;
}

const xliff = readFileSync(file, 'utf8')
  .replace(/\s*<target>[\s\S]*?<\/target>/g, '')
  .replace(/<source>([\s\S]*?)<\/source>/g, (whole, source) => `${whole}<target>${translate(source)}</target>`);
writeFileSync(file, xliff);
console.log(`pseudo-locale: ${(xliff.match(/<target>/g) ?? []).length} messages in ${file}`);
