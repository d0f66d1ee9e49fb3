import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plural, type PluralForms } from '../../src/i18n/plural.js';

const forms: PluralForms = { zero: () => 'zero', one: () => 'one', two: () => 'two', few: () => 'few', many: () => 'many', other: () => 'other' };

test('English uses one and other', () => {
  assert.deepEqual([0, 1, 2, 5].map((n) => plural(n, 'en-GB', forms)), ['other', 'one', 'other', 'other']);
});

test('Welsh and Arabic get all six forms', () => {
  assert.deepEqual([0, 1, 2, 3, 6, 4].map((n) => plural(n, 'cy', forms)), ['zero', 'one', 'two', 'few', 'many', 'other']);
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => plural(n, 'ar', forms)), ['zero', 'one', 'two', 'few', 'many', 'other']);
});

test('Portuguese is Portugal’s, as its translation is: none is plural (0 propostas); Brazil’s rules when a page asks for them', () => {
  assert.deepEqual([0, 1, 2].map((n) => plural(n, 'pt', forms)), ['other', 'one', 'other']);
  assert.deepEqual([0, 1, 2].map((n) => plural(n, 'pt-BR', forms)), ['one', 'one', 'other']);
});

test('a malformed locale from a page falls back to English rules instead of throwing', () => {
  assert.equal(plural(1, 'not a locale!', forms), 'one');
});

test('positions take the ordinal forms: 1st, 2nd, 3rd, 4th, 11th, 22nd', () => {
  assert.deepEqual([1, 2, 3, 4, 11, 22].map((n) => plural(n, 'en-GB', forms, 'ordinal')), ['one', 'two', 'few', 'other', 'other', 'two']);
  assert.equal(plural(3, 'en-GB', forms), 'other', 'counts keep the cardinal forms beside them');
});
