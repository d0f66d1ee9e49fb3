import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerDateWriter } from '../../src/domain/date-writers.js';
import { formatDate, formatMoney, formatMoneyCompact, formatNumber, formatPercent, parseDecimal } from '../../src/domain/format.js';
import { writeWelshDate } from '../../src/i18n/dates/cy.js';

// Intl separates some currencies from the number with a no-break space; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('whole amounts of money are written without pence, as GOV.UK writes them', () => {
  assert.equal(formatMoney(25_000_000, 'GBP', 'en-GB'), '£250,000');
  assert.equal(formatMoney(1_234_567, 'GBP', 'en-GB'), '£12,345.67');
  assert.equal(formatMoney(5, 'GBP', 'en-GB'), '£0.05');
});

test('a Hungarian budget in fillér is shown in forints, not a hundred times too large', () => {
  // ISO 4217 gives HUF two minor digits; some Intl data says none. The amount must mean one thing.
  assert.equal(plain(formatMoney(21_600_000_000, 'HUF', 'hu-HU')), '216 000 000 Ft');
  assert.equal(plain(formatMoney(21_600_000_000, 'HUF', 'en-GB')), 'HUF 216,000,000');
});

test('currencies without minor units, and with three, are exact', () => {
  assert.equal(formatMoney(1500, 'JPY', 'en-GB'), 'JP¥1,500');
  assert.equal(plain(formatMoney(1500, 'KWD', 'en-GB')), 'KWD 1.500');
  assert.equal(plain(formatMoney(1234, 'KWD', 'en-GB')), 'KWD 1.234');
});

test('money follows the locale’s conventions', () => {
  assert.equal(plain(formatMoney(96_924_538, 'PLN', 'pl-PL')), '969 245,38 zł');
  assert.equal(plain(formatMoney(4_800_000, 'GBP', 'de-DE')), '48.000 £');
});

test('an unknown currency code or locale from a backend does not throw', () => {
  assert.match(formatMoney(1000, 'NOT-A-CURRENCY', 'en-GB'), /10/);
  assert.doesNotThrow(() => formatMoney(1000, 'GBP', 'not a locale!'));
});

test('numbers, percentages and dates are localised; an unreadable date is shown as given', () => {
  assert.equal(formatNumber(1234567, 'en-GB'), '1,234,567');
  assert.equal(plain(formatNumber(1234567, 'fr-FR')), '1 234 567');
  assert.equal(formatPercent(12.5, 'en-GB'), '12.5%');
  assert.equal(formatDate('2026-11-25T10:00:00Z', 'en-GB'), '25 November 2026');
  assert.equal(formatDate('sometime soon', 'en-GB'), 'sometime soon');
});

test('a language the engine cannot format is written as the library’s own British English, not the engine’s default', () => {
  // Chromium has no Welsh dates (its default here is American); Node has, so a code no engine knows stands for it.
  const when = '2026-12-22T06:29:00Z';
  const options = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } as const;
  assert.equal(formatDate(when, 'xx', options), formatDate(when, 'en-GB', options));
  assert.equal(formatDate(when, 'xx', options), '22 December 2026 at 06:29');
  assert.equal(formatDate(when, 'not a locale!', options), '22 December 2026 at 06:29');
  assert.equal(formatMoney(123_456_78, 'EUR', 'xx'), '€123,456.78');
  assert.equal(formatNumber(1234.5, 'xx'), '1,234.5');
});

test('Welsh dates where the browser has none read as the browser that has them writes them', () => {
  // Node has Welsh dates and Chromium has not, so a code no engine knows stands for Welsh here:
  // what our writer makes of the British fallback must be exactly what ICU writes in Welsh.
  registerDateWriter('xx', writeWelshDate);
  const everyOption: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'long' },
    { dateStyle: 'long', timeStyle: 'short' },
    { dateStyle: 'full', timeStyle: 'short' },
    { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  ];
  // Every month, and with them every weekday; one date in British Summer Time, one near midnight.
  const dates = [...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2099, month, 1 + month * 2, 12)).toISOString()), '2026-06-30T23:30:00Z'];
  for (const options of everyOption.map((options) => ({ ...options, timeZone: 'Europe/London' }))) {
    for (const when of dates) {
      // One difference, on purpose: summer time keeps British English's "BST", where ICU's Welsh has "GMT+1".
      const welsh = new Intl.DateTimeFormat('cy', options).format(new Date(when)).replace(/GMT\+1$/, 'BST');
      assert.equal(formatDate(when, 'xx', options), welsh, `${when} ${JSON.stringify(options)}`);
    }
  }
  assert.equal(formatDate('2099-12-22T12:00:00Z', 'xx', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }), 'Dydd Mawrth, 22 Rhagfyr 2099 am 12:00');
  assert.equal(formatDate('2099-12-22T12:00:00Z', 'xx-GB', { dateStyle: 'long', timeZone: 'UTC' }), '22 Rhagfyr 2099', 'a region does not lose the writer');
  // Numeric dates need no words: British English's, with its four-digit year.
  assert.equal(formatDate('2099-12-22T12:00:00Z', 'xx', { dateStyle: 'short', timeZone: 'UTC' }), '22/12/2099');
  // A browser that can write the language writes it itself.
  registerDateWriter('en', () => 'never used');
  assert.equal(formatDate('2099-12-22T12:00:00Z', 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }), '22 December 2099');
});

test('large amounts read in words, as people say them, and changes carry their sign', () => {
  assert.equal(formatMoneyCompact(120_000_000, 'GBP', 'en-GB'), '£1.2 million');
  assert.equal(formatMoneyCompact(18_250_000_000, 'GBP', 'en-GB'), '£182.5 million');
  assert.equal(formatMoneyCompact(105_000_000_000, 'GBP', 'en-GB'), '£1.05 billion');
  assert.equal(formatMoneyCompact(20_000_000, 'GBP', 'en-GB'), '£200,000', 'below a million, exact');
  assert.equal(formatMoneyCompact(-230_000_000, 'GBP', 'en-GB', { signed: true }), '-£2.3 million');
  assert.equal(formatMoneyCompact(120_000_000, 'GBP', 'cy'), '£1.2 miliwn');
  assert.equal(plain(formatMoneyCompact(120_000_000, 'EUR', 'de-DE')), '1,2 Millionen €');
  assert.equal(formatMoneyCompact(120_000_000, 'GBP', 'ja'), '£120万', 'no space where the script writes none');
  assert.equal(formatMoney(3_400, 'GBP', 'en-GB', { signed: true }), '+£34');
  assert.equal(formatMoney(0, 'GBP', 'en-GB', { signed: true }), '£0');
  assert.equal(formatPercent(4.99, 'en-GB'), '4.99%', 'council tax rises have two decimals');
  assert.equal(formatPercent(-1.5, 'en-GB', { signed: true }), '-1.5%');
  assert.equal(formatNumber(5, 'en-GB', { signed: true }), '+5');
});

test('numbers residents type are read in their locale’s way; anything else is not a number', () => {
  assert.equal(parseDecimal('1,250,000.50', 'en-GB'), 1_250_000.5);
  assert.equal(parseDecimal('£98,000,000', 'en-GB'), 98_000_000);
  assert.equal(parseDecimal(' 4.99 % ', 'en-GB'), 4.99);
  assert.equal(parseDecimal('1.250.000,50', 'de-DE'), 1_250_000.5);
  assert.equal(parseDecimal('1 250 000,5', 'fr-FR'), 1_250_000.5);
  assert.equal(parseDecimal('-3', 'en-GB'), -3);
  for (const text of ['', 'abc', '1.2.3', '12abc34']) assert.equal(parseDecimal(text, 'en-GB'), undefined, text);
});
