import type { MinorUnits } from './types.js';

/**
 * ISO 4217 minor units of the currencies that do not use 2. Taken from the standard rather than
 * from Intl because engines disagree with it: Node 20's Intl says HUF has 0 digits, ISO 4217 says 2,
 * and a budget must mean the same number of minor units on the server and in every browser.
 */
const MINOR_DIGITS_OTHER_THAN_2: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Minor-unit exponents for amounts written without a known currency. */
export const DEFAULT_CURRENCY_DIGITS = 2;

/**
 * The ISO 4217 minor-unit exponent of a currency code (`PLN` → 2, `JPY` → 0), or `undefined`
 * when the code is not a currency this runtime's Intl knows.
 */
export function currencyMinorDigits(code: string): number | undefined {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !knownCurrencies().has(upper)) return undefined;
  return MINOR_DIGITS_OTHER_THAN_2[upper] ?? 2;
}

let knownCurrencyCodes: Set<string> | undefined;

function knownCurrencies(): Set<string> | { has(code: string): boolean } {
  // Engines without Intl.supportedValuesOf (before 2022) cannot tell; any well-formed code then passes.
  if (typeof Intl.supportedValuesOf !== 'function') return { has: () => true };
  knownCurrencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencyCodes;
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal amount of major units (`969245.38`, `4000.0`, `216000000`) as an exact
 * integer of minor units, without going through floating point. Spaces and tabs around it are
 * ignored; digits beyond `digits` are accepted only when they are zeros, since they add nothing.
 * Returns a string describing the problem when the text is not such an amount.
 */
export function parseMinorUnits(text: string, digits: number): MinorUnits | string {
  const trimmed = text.replace(/^[ \t]+|[ \t]+$/g, '');
  const match = PLAIN_DECIMAL.exec(trimmed);
  if (match === null) {
    return trimmed === ''
      ? 'is empty; expected an amount such as 1500 or 1500.50'
      : `"${trimmed}" is not an amount; expected digits with an optional "." and decimals, such as 1500 or 1500.50`;
  }
  const whole = match[1] ?? '';
  const decimals = match[2] ?? '';
  const excess = decimals.slice(digits);
  if (/[^0]/.test(excess)) {
    return `"${trimmed}" has ${decimals.length} decimals but the currency has ${digits}`;
  }
  const minor = BigInt(whole + decimals.slice(0, digits).padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return `"${trimmed}" is too large to count exactly`;
  return Number(minor);
}

/** Writes minor units as the shortest plain decimal of major units: 96924538, 2 → `969245.38`; 400000, 2 → `4000`. */
export function formatMinorUnits(amount: MinorUnits, digits: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`An amount must be a non-negative whole number of minor units, got ${amount}`);
  }
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  const whole = text.slice(0, -digits);
  const decimals = text.slice(-digits).replace(/0+$/, '');
  return decimals === '' ? whole : `${whole}.${decimals}`;
}

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
