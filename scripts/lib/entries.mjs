import { readFileSync } from 'node:fs';

/**
 * The element entry points, read from package.json `exports`: every export whose module is under
 * `dist/es/elements/` (`./vote-form` -> `vote-form`). Other exports (the client, a server, the
 * domain) are not elements, so the public API, the builds and the size report cannot disagree.
 */
export function elementNames(pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))) {
  return Object.entries(pkg.exports)
    .filter(([, target]) => /^\.\/dist\/es\/elements\/([a-z-]+)\/\1\.js$/.test(typeof target === 'string' ? target : target?.default ?? ''))
    .map(([key]) => key.slice(2));
}
