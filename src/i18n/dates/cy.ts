/**
 * Dates in Welsh where the browser cannot write them (Chromium): British English's date, which
 * `formatDate` falls back to, with CLDR's Welsh words put in, as Firefox writes them:
 * "Dydd Mawrth, 22 Rhagfyr 2099 am 12:00". Fetched with the Welsh translations, so no other page
 * downloads it. Long month names and weekdays only, which is all the elements write.
 */
import type { DateWriter } from '../../domain/date-writers.js';

const MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
/** Sunday first. */
const WEEKDAYS = ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'];

/** The British formatter's own names, to tell which month or weekday a part of its date is. */
function namesOf(locale: string, options: Intl.DateTimeFormatOptions, days: number[]): string[] {
  const formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return days.map((day) => formatter.format(day));
}
let british: { months: string[]; weekdays: string[] } | undefined;

export const writeWelshDate: DateWriter = (formatter, date) => {
  const { locale } = formatter.resolvedOptions();
  british ??= {
    months: namesOf(locale, { month: 'long' }, MONTHS.map((_, month) => Date.UTC(2000, month, 15))),
    // 2 January 2000 was a Sunday.
    weekdays: namesOf(locale, { weekday: 'long' }, WEEKDAYS.map((_, day) => Date.UTC(2000, 0, 2 + day))),
  };
  const { months, weekdays } = british;
  return formatter
    .formatToParts(date)
    .map(({ type, value }) => (type === 'month' ? MONTHS[months.indexOf(value)] : type === 'weekday' ? WEEKDAYS[weekdays.indexOf(value)] : type === 'literal' && value === ' at ' ? ' am ' : undefined) ?? value)
    .join('');
};
