/**
 * A budget line's value in words, as residents read and hear it: `£1.2 million`, `4.99%`,
 * `20 points`, and its change from now (`£200,000 more than now`). Shared by the slider and the
 * simulator, so a figure reads the same in a line, in the running balance and in the review.
 */
import { msg, str } from '@lit/localize';
import type { BudgetLineUnit } from '../../domain/types.js';
import { formatMoneyCompact, formatNumber, formatPercent } from '../../domain/format.js';
import { plural } from '../../i18n/plural.js';

export interface ValueFormat {
  unit: BudgetLineUnit;
  currency: string;
  locale: string;
}

/** `£1.2 million`, `4.99%` or `20 points`. */
export function formatValue(value: number, { unit, currency, locale }: ValueFormat): string {
  if (unit === 'percent') return formatPercent(value, locale);
  if (unit === 'points') return formatPoints(value, locale);
  return formatMoneyCompact(value, currency, locale);
}

/** `20 points`, in the locale's plural form. */
export function formatPoints(points: number, locale: string): string {
  const n = formatNumber(points, locale);
  return plural(points, locale, {
    zero: () => msg(str`${n} points`, { id: 'points.zero' }),
    one: () => msg(str`${n} point`, { id: 'points.one' }),
    two: () => msg(str`${n} points`, { id: 'points.two' }),
    few: () => msg(str`${n} points`, { id: 'points.few' }),
    many: () => msg(str`${n} points`, { id: 'points.many' }),
    other: () => msg(str`${n} points`, { id: 'points.other' }),
  });
}

/** `£200,000 more than now`, `1% less than now`, or `as now`. */
export function formatChange(value: number, baseline: number, format: ValueFormat): string {
  // Percent steps such as 0.1 are not exact in binary: 4.99 - 4.89 is not 0.1.
  const change = format.unit === 'percent' ? Math.round((value - baseline) * 1e6) / 1e6 : value - baseline;
  if (change === 0) return msg('as now');
  const amount = formatValue(Math.abs(change), format);
  return change > 0 ? msg(str`${amount} more than now`) : msg(str`${amount} less than now`);
}
