import { readFileSync } from 'node:fs';

/**
 * The element entry points, read from package.json `exports` (`./vote-form` -> `vote-form`), so the
 * public API, the builds and the size report cannot disagree.
 */
export function elementNames(pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))) {
  return Object.keys(pkg.exports)
    .filter((key) => /^\.\/[a-z-]+$/.test(key) && key !== './client')
    .map((key) => key.slice(2));
}
