import { currencyMinorDigits, DEFAULT_CURRENCY_DIGITS } from './money.js';
import { dateWriterOf } from './date-writers.js';
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

/**
 * The language of the library's own text (British English). A language the browser cannot format
 * (Welsh, in Chromium) is written as that text is, not in whatever the browser defaults to, which
 * may be American: "December 22, 2026 at 6:29 AM" in a Welsh sentence.
 */
const FALLBACK_LOCALE = 'en-GB';

/** `locale` when this browser can format it; else, or when the tag is malformed, the fallback. */
function usableLocale(locale: string, formatter: { supportedLocalesOf(locales: string): string[] }): string {
  try {
    return formatter.supportedLocalesOf(locale).length > 0 ? locale : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => {
    const usable = usableLocale(locale, Intl.NumberFormat);
    try {
      return new Intl.NumberFormat(usable, options);
    } catch {
      // An unknown currency code from a backend must not break the page.
      const { currency, style, ...rest } = options;
      return new Intl.NumberFormat(usable, style === 'currency' ? rest : options);
    }
  });
}

/**
 * Whether a formatter writes a currency (false for the fallback made for an unknown currency code).
 * Kept per formatter: `resolvedOptions()` makes a new object each call, and costs ten times the
 * formatting itself, which a 200-proposal ballot does on every row.
 */
const currencyStyles = new WeakMap<Intl.NumberFormat, boolean>();

function writesCurrency(formatter: Intl.NumberFormat): boolean {
  let writes = currencyStyles.get(formatter);
  if (writes === undefined) {
    writes = formatter.resolvedOptions().style === 'currency';
    currencyStyles.set(formatter, writes);
  }
  return writes;
}

/** How to write an amount: `signed` puts + before a rise and − before a fall (a change, not a total). */
export interface MoneyFormatOptions {
  signed?: boolean;
}

/**
 * Money from integer minor units: `formatMoney(1250000, 'GBP', 'en-GB')` is `£12,500`. Whole
 * amounts show no pence, as GOV.UK writes them; others show every minor digit.
 */
export function formatMoney(amount: MinorUnits, currency: string, locale: string, options: MoneyFormatOptions = {}): string {
  // ISO 4217's exponent, not Intl's: engines disagree (HUF), and the amount's meaning must not.
  const digits = currencyMinorDigits(currency) ?? DEFAULT_CURRENCY_DIGITS;
  const scale = 10 ** digits;
  const fractionDigits = amount % scale === 0 ? 0 : digits;
  const formatter = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    ...(options.signed ? { signDisplay: 'exceptZero' } : {}),
  });
  const formatted = formatter.format(amount / scale);
  return writesCurrency(formatter) ? formatted : `${formatted} ${currency}`;
}

/** Scripts that write a number's word without a space before it (`120万`). */
const UNSPACED_SCRIPTS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** From a million up, amounts read better in words: `£1.2 million`, `£182.5 million`, `£1.05 billion`. */
const COMPACT_FROM = 1_000_000;

/**
 * Money as people say it: `£1.2 million` from a million up (to two decimals), `£250,000` below,
 * exactly as `formatMoney` writes it. Intl's compact currency is short (`£1.2m`, which a screen
 * reader may read as metres), so the long word of the compact number takes the short one's place.
 */
export function formatMoneyCompact(amount: MinorUnits, currency: string, locale: string, options: MoneyFormatOptions = {}): string {
  const digits = currencyMinorDigits(currency) ?? DEFAULT_CURRENCY_DIGITS;
  const major = amount / 10 ** digits;
  if (Math.abs(major) < COMPACT_FROM) return formatMoney(amount, currency, locale, options);
  const compact = { notation: 'compact', maximumFractionDigits: 2, minimumFractionDigits: 0 } as const;
  const short = numberFormat(locale, { ...compact, style: 'currency', currency, ...(options.signed ? { signDisplay: 'exceptZero' } : {}) });
  if (!writesCurrency(short)) return formatMoney(amount, currency, locale, options);
  const word = numberFormat(locale, { ...compact, compactDisplay: 'long' })
    .formatToParts(Math.abs(major))
    .find((part) => part.type === 'compact')?.value;
  return short
    .formatToParts(major)
    .map((part) => (part.type === 'compact' && word ? (UNSPACED_SCRIPTS.test(word) ? word : ` ${word}`) : part.value))
    .join('')
    .replace(/\s{2,}/g, ' ');
}

/** The sign a locale writes before or after amounts of `currency`: `£`, `€`, `PLN`. */
export function currencySymbol(currency: string, locale: string): string {
  const formatter = numberFormat(locale, { style: 'currency', currency });
  return formatter.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}

export function formatNumber(value: number, locale: string, options: { signed?: boolean } = {}): string {
  return numberFormat(locale, options.signed ? { signDisplay: 'exceptZero' } : {}).format(value);
}

/**
 * `percent` is in percent: 12.5 is `12.5%`. Up to two decimals by default, as council tax rises are
 * set (4.99%); a share of a whole (votes, money spent) reads better with one (`33.3%`).
 */
export function formatPercent(percent: number, locale: string, options: { signed?: boolean; decimals?: 1 | 2 } = {}): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: options.decimals ?? 2, ...(options.signed ? { signDisplay: 'exceptZero' } : {}) }).format(percent / 100);
}

/**
 * Reads a number a resident typed, in their locale's way (`1,250,000.50` in en-GB, `1.250.000,50`
 * in de-DE), ignoring spaces, currency signs and a trailing `%`. Returns undefined when the text is
 * not a number.
 */
export function parseDecimal(text: string, locale: string): number | undefined {
  const parts = numberFormat(locale, {}).formatToParts(12345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  let plain = text.replace(/[\s\u00a0\u202f%]/g, '').replace(/^[^\d\-−+.,]+|[^\d.,]+$/gu, '');
  if (group.trim() !== '') plain = plain.split(group).join('');
  plain = plain.replace(decimal, '.').replace('−', '-');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return undefined;
  return Number(plain);
}

/** A date as residents read it (`25 November 2026`); an unreadable date is shown as given. */
export function formatDate(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formatter = cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(usableLocale(locale, Intl.DateTimeFormat), options));
  // A language the browser lacks is written in British English, or by the writer its translations brought.
  const language = locale.split('-')[0]!;
  const write = dateWriterOf(language);
  return write && !formatter.resolvedOptions().locale.toLowerCase().startsWith(language.toLowerCase()) ? write(formatter, date) : formatter.format(date);
}
