import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError, isCivicError } from '../../src/client/client.js';

test('a network error or a 503 may succeed when tried again; a validation error will not', () => {
  assert.equal(new CivicError('network', 'offline').retryable, true);
  assert.equal(new CivicError('http', 'unavailable', { status: 503 }).retryable, true);
  assert.equal(new CivicError('http', 'bad request', { status: 400 }).retryable, false);
  assert.equal(new CivicError('validation', 'too many').retryable, false);
});

test('field errors from the server are kept', () => {
  const error = new CivicError('validation', 'invalid ballot', {
    fieldErrors: [{ field: 'selections', code: 'max-length', detail: 'Choose at most 3' }],
  });
  assert.ok(isCivicError(error));
  assert.equal(error.fieldErrors[0]?.detail, 'Choose at most 3');
});
