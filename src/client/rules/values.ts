/**
 * Checks of plain values that ballot, simulation and feedback rules share: objects straight from
 * a request body, and money that must add up exactly.
 */
import type { MinorUnits } from '../types.js';

/** Adds minor units exactly, or throws naming the value that is not a safe integer. */
export function addMinorUnits(total: MinorUnits, amount: MinorUnits, what: string): MinorUnits {
  checkedMinorUnits(amount, what);
  return checkedMinorUnits(total + amount, `the total with ${what}`);
}

/** The amount, or a `RangeError` naming `what` when it is not a safe integer. */
export function checkedMinorUnits(amount: number, what: string): MinorUnits {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${what} must be a whole number of minor units within ±2^53, got ${amount}`);
  }
  return amount;
}

/** Whether the value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
