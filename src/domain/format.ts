import { currencyMinorDigits, DEFAULT_CURRENCY_DIGITS } from './money.js';
import type { MinorUnits } from './types.js';

/**
 * Intl formatters for money, numbers and dates. Creating an Intl formatter is slow and elements
 * re-render often, so each one is cached per locale and options.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.NumberFormat(locale, options);
    } catch {
      // An unknown currency code or a malformed locale from a backend must not break the page.
      const { currency, style, ...rest } = options;
      return new Intl.NumberFormat(undefined, style === 'currency' ? rest : options);
    }
  });
}

/**
 * Money from integer minor units: `formatMoney(1250000, 'GBP', 'en-GB')` is `£12,500`. Whole
 * amounts show no pence, as GOV.UK writes them; others show every minor digit.
 */
export function formatMoney(amount: MinorUnits, currency: string, locale: string): string {
  // ISO 4217's exponent, not Intl's: engines disagree (HUF), and the amount's meaning must not.
  const digits = currencyMinorDigits(currency) ?? DEFAULT_CURRENCY_DIGITS;
  const scale = 10 ** digits;
  const fractionDigits = amount % scale === 0 ? 0 : digits;
  const formatter = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  const formatted = formatter.format(amount / scale);
  return formatter.resolvedOptions().style === 'currency' ? formatted : `${formatted} ${currency}`;
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, {}).format(value);
}

/** `percent` is in percent: 12.5 is `12.5%`. */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A date as residents read it (`25 November 2026`); an unreadable date is shown as given. */
export function formatDate(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.DateTimeFormat(locale, options);
    } catch {
      return new Intl.DateTimeFormat(undefined, options);
    }
  }).format(date);
}
