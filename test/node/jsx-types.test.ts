/**
 * The JSX types `npm run build` makes from the custom elements manifest (dist/types/jsx.d.ts,
 * exported as `civic-widgets/jsx`): a TypeScript React app that imports them type-checks an
 * element's attributes, properties and events, and refuses an attribute of the wrong type.
 * Compiled by the project's own tsc, as the app's build would; needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let app: string;

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist/types/jsx.d.ts')), 'dist/types/jsx.d.ts is missing: run `npm run build` first');
  // Inside the package, so `civic-widgets/jsx` resolves through package.json `exports` as in an app.
  app = mkdtempSync(join(ROOT, '.jsx-app-'));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { jsx: 'react-jsx', strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
      files: ['app.tsx'],
    }),
  );
});
after(() => rmSync(app, { recursive: true, force: true }));

/** Type-checks `source` as the app's only file; the compiler's output, empty when it passes. */
async function typeCheck(source: string): Promise<{ ok: boolean; output: string }> {
  writeFileSync(join(app, 'app.tsx'), source);
  try {
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(app, 'tsconfig.json'), '--pretty', 'false'], { cwd: app });
    return { ok: true, output: '' };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const header = `import type {} from 'civic-widgets/jsx';\nimport { useRef } from 'react';\n`;

describe('JSX types for React from the custom elements manifest', () => {
  it('type-checks attributes, a ref to the element and a typed event, with no declarations written by hand', async () => {
    const result = await typeCheck(`${header}
export function Ballot({ onReceipt }: { onReceipt(id: string): void }) {
  const form = useRef<HTMLElementTagNameMap['civic-vote-form']>(null);
  return (
    <civic-vote-form
      ref={form}
      round="fernwick-2026"
      api="https://council.example/api"
      heading-level={3}
      no-leave-warning
      oncivic-vote-submitted={(event) => onReceipt(event.detail.id)}
    />
  );
}
`);
    assert.equal(result.output, '');
    assert.ok(result.ok);
  });

  it('refuses an attribute of the wrong type, naming it', async () => {
    const result = await typeCheck(`${header}
export const Ballot = () => <civic-vote-form round="fernwick-2026" heading-level="three" />;
`);
    assert.equal(result.ok, false);
    assert.match(result.output, /^app\.tsx\(\d+,\d+\): error TS2322/);
    assert.match(result.output, /Types of property '"heading-level"' are incompatible/);
    assert.match(result.output, /Type 'string' is not assignable to type 'number'/);
    assert.doesNotMatch(result.output, /jsx\.d\.ts/, 'no error in the types themselves');
  });
});
