/** The `CivicError`s the in-browser backend answers with, shaped as the reference server's problem+json. */
import { CivicError, type FieldError } from '../client/client.js';

/** Our own copy of a caller's submission, so that changing it later cannot change the store. */
export function ownCopy<T>(input: T, what: string): T {
  try {
    return structuredClone(input);
  } catch (cause) {
    throw new CivicError('validation', `The ${what} must be plain data (no functions or DOM objects)`, { status: 422, cause });
  }
}

/** A 422 `validation` CivicError whose detail joins its field errors' details. */
export function validationError(message: string, fieldErrors: FieldError[]): CivicError {
  return new CivicError('validation', message, { status: 422, detail: fieldErrors.map((error) => error.detail).join(' '), fieldErrors });
}

/** A `validation` CivicError for one field that does not have the expected form. */
export function malformed(field: string, expected: string): CivicError {
  return validationError(`${field} must be ${expected}`, [{ field, code: 'malformed', detail: `${field} must be ${expected}.` }]);
}

