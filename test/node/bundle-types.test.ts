import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

// A type-checking project that imports the single-file bundle (`civic-widgets/civic-widgets.js`)
// gets every element's tag typed. Runs after `npm run build` (the declarations are in dist/types).
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const consumer = (importLine: string) => `${importLine}

const proposalId: string | undefined = document.createElement('civic-proposal-card').proposalId;
const api: string | undefined = document.querySelector('civic-provider')!.api;

// @ts-expect-error the tag map gives real types, not any: proposalId is not a number
const wrong: number = document.createElement('civic-proposal-card').proposalId;

export { proposalId, api, wrong };
`;

async function typeCheck(importLine: string) {
  const project = await mkdtemp(join(tmpdir(), 'civic-bundle-types-'));
  try {
    // The package as npm would install it, resolved through its package.json exports.
    await mkdir(join(project, 'node_modules'));
    await symlink(root, join(project, 'node_modules/civic-widgets'), 'dir');
    await writeFile(join(project, 'consumer.ts'), consumer(importLine));
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', project], { cwd: project }).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `tsc found errors in a consumer with \`${importLine}\`:\n${result.stdout}${result.stderr}`);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

test('the single-file bundle export has types: the tag map of every element', async () => {
  await typeCheck(`import 'civic-widgets/civic-widgets.js';`);
});

test('a page that loads the bundle with a script tag gets the same types from a type-only import', async () => {
  await typeCheck(`import type {} from 'civic-widgets/civic-widgets.js';`);
});
