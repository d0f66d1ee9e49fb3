import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Storybook's language toolbar offers every locale lit-localize builds, so a designer can see every
// element in every language (and the pseudo-locale, which shows text that skipped msg()).
const root = resolve(import.meta.dirname, '../..');

test('the Storybook language toolbar lists the source locale and every target locale', () => {
  const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as { sourceLocale: string; targetLocales: string[] };
  const preview = readFileSync(join(root, '.storybook/preview.ts'), 'utf8');
  const toolbar = preview.slice(preview.indexOf('locale: {'), preview.indexOf('direction: {'));
  const offered = [...toolbar.matchAll(/value: '([^']+)'/g)].map((match) => match[1]);
  assert.deepEqual([...offered].sort(), [config.sourceLocale, ...config.targetLocales].sort());
});
