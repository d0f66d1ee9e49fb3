import type { BallotRules, MinorUnits } from '../types.js';
import { trimPadding } from './csv.js';
import { DEFAULT_CURRENCY_DIGITS, currencyMinorDigits, parseMinorUnits } from '../money.js';
import { PabulibError } from './types.js';

/** The `vote_type`s this library can vote and count with. */
export type PabulibVoteType = 'approval' | 'cumulative' | 'ordinal' | 'choose-1';

const VOTE_TYPES: readonly string[] = ['approval', 'cumulative', 'ordinal', 'choose-1'];

/** META keys holding whole numbers (counts, lengths, points). */
const COUNT_KEYS = [
  'num_projects', 'num_votes', 'min_length', 'max_length',
  'min_points', 'max_points', 'min_sum_points', 'max_sum_points',
] as const;

/** META keys holding money, read in minor units like `budget`. */
const MONEY_KEYS = ['budget', 'min_sum_cost', 'max_sum_cost'] as const;

/** Which ballot-rule keys each vote type has room for in `BallotRules`. */
const RULE_KEYS: Record<PabulibVoteType, readonly string[]> = {
  approval: ['min_length', 'max_length', 'min_sum_cost', 'max_sum_cost'],
  cumulative: ['min_length', 'max_length', 'min_points', 'max_points', 'min_sum_points', 'max_sum_points'],
  ordinal: ['min_length', 'max_length'],
  'choose-1': [],
};

const ALL_RULE_KEYS = new Set(Object.values(RULE_KEYS).flat());

/** Where each META key was found, to name the line in an error; 0 when the election was built in code. */
export type LineOf = (key: string) => number;

const noLines: LineOf = () => 0;

/** A META value with spaces and tabs around it dropped, or `undefined` when absent or empty. */
export function metaValue(meta: Record<string, string>, key: string): string | undefined {
  const raw = meta[key];
  if (raw === undefined) return undefined;
  const value = trimPadding(raw);
  return value === '' ? undefined : value;
}

/** The election's vote type; throws a `PabulibError` for a missing, unknown or unsupported one. */
export function readVoteType(meta: Record<string, string>, lineOf: LineOf = noLines): PabulibVoteType {
  const value = metaValue(meta, 'vote_type');
  if (value === undefined) {
    throw new PabulibError(lineOf('vote_type'), `META has no vote_type; expected one of ${VOTE_TYPES.join(', ')}`);
  }
  if (VOTE_TYPES.includes(value)) return value as PabulibVoteType;
  if (value === 'scoring') {
    throw new PabulibError(lineOf('vote_type'), `vote_type "scoring" is not supported; supported: ${VOTE_TYPES.join(', ')}`);
  }
  throw new PabulibError(lineOf('vote_type'), `unknown vote_type "${value}"; expected one of ${VOTE_TYPES.join(', ')}`);
}

/** What META `currency` means for amounts, and a note when it is not a currency we know. */
export function readCurrencyDigits(meta: Record<string, string>): { digits: number; problem?: string } {
  const code = metaValue(meta, 'currency');
  if (code === undefined) return { digits: DEFAULT_CURRENCY_DIGITS };
  const digits = currencyMinorDigits(code);
  if (digits !== undefined) return { digits };
  return {
    digits: DEFAULT_CURRENCY_DIGITS,
    problem: `currency "${code}" is not an ISO 4217 code; amounts are read with ${DEFAULT_CURRENCY_DIGITS} decimals`,
  };
}

/** A whole-number META value, or `undefined` when absent. Accepts `10.0` (seen in float-typed exports). */
export function readCount(meta: Record<string, string>, key: string, lineOf: LineOf = noLines): number | undefined {
  const value = metaValue(meta, key);
  if (value === undefined) return undefined;
  const match = /^(\d+)(?:\.0+)?$/.exec(value);
  if (match === null || !Number.isSafeInteger(Number(match[1]))) {
    throw new PabulibError(lineOf(key), `META ${key} "${value}" is not a whole number`);
  }
  return Number(match[1]);
}

/** A money META value in minor units, or `undefined` when absent. */
export function readMoney(
  meta: Record<string, string>,
  key: string,
  digits: number,
  lineOf: LineOf = noLines,
): MinorUnits | undefined {
  const value = metaValue(meta, key);
  if (value === undefined) return undefined;
  const amount = parseMinorUnits(value, digits);
  if (typeof amount === 'string') throw new PabulibError(lineOf(key), `META ${key} ${amount}`);
  return amount;
}

/**
 * Checks every META value this library interprets, so that a file which parses can always be
 * turned into a round. Returns warnings for what is odd but usable.
 */
export function checkMeta(
  meta: Record<string, string>,
  digits: number,
  lineOf: LineOf,
): Array<{ line: number; message: string }> {
  const voteType = readVoteType(meta, lineOf);
  for (const key of COUNT_KEYS) readCount(meta, key, lineOf);
  for (const key of MONEY_KEYS) readMoney(meta, key, digits, lineOf);
  if (metaValue(meta, 'budget') === undefined) throw new PabulibError(lineOf('budget'), 'META has no budget');
  if (voteType === 'cumulative' && metaValue(meta, 'max_sum_points') === undefined) {
    throw new PabulibError(lineOf('vote_type'), 'vote_type cumulative needs META max_sum_points (the points each voter may spread)');
  }
  const warnings: Array<{ line: number; message: string }> = [];
  for (const key of Object.keys(meta)) {
    if (ALL_RULE_KEYS.has(key) && !RULE_KEYS[voteType].includes(key) && metaValue(meta, key) !== undefined) {
      warnings.push({ line: lineOf(key), message: `META ${key} does not apply to vote_type ${voteType} and is ignored` });
    }
  }
  for (const key of ['date_begin', 'date_end']) {
    const value = metaValue(meta, key);
    if (value !== undefined && isoDate(value) === null) {
      warnings.push({ line: lineOf(key), message: `META ${key} "${value}" is not a date like 16.09.2023 or 2023; it is ignored` });
    }
  }
  return warnings;
}

/** The ballot rules META describes, every limit kept (cost limits in minor units). */
export function readRules(meta: Record<string, string>, digits: number, lineOf: LineOf = noLines): BallotRules {
  const voteType = readVoteType(meta, lineOf);
  const count = (key: string) => readCount(meta, key, lineOf);
  const money = (key: string) => readMoney(meta, key, digits, lineOf);
  switch (voteType) {
    case 'approval':
      return withoutUndefined({
        kind: 'approval',
        minLength: count('min_length'),
        maxLength: count('max_length'),
        minSumCost: money('min_sum_cost'),
        maxSumCost: money('max_sum_cost'),
      });
    case 'cumulative': {
      const maxSumPoints = count('max_sum_points');
      if (maxSumPoints === undefined) {
        throw new PabulibError(lineOf('vote_type'), 'vote_type cumulative needs META max_sum_points (the points each voter may spread)');
      }
      return withoutUndefined({
        kind: 'cumulative',
        minLength: count('min_length'),
        maxLength: count('max_length'),
        minPoints: count('min_points'),
        maxPoints: count('max_points'),
        minSumPoints: count('min_sum_points'),
        maxSumPoints,
      });
    }
    case 'ordinal':
      return withoutUndefined({ kind: 'ordinal', minLength: count('min_length'), maxLength: count('max_length') });
    case 'choose-1':
      return { kind: 'choose-1' };
  }
}

/** The META keys that express `rules`, in pabulib's own order, values as text. */
export function rulesToMeta(rules: BallotRules, formatMoney: (amount: MinorUnits, key: string) => string): Array<[string, string]> {
  const entries: Array<[string, number | undefined, boolean]> = [];
  if (rules.kind === 'approval') {
    entries.push(['min_length', rules.minLength, false], ['max_length', rules.maxLength, false]);
    entries.push(['min_sum_cost', rules.minSumCost, true], ['max_sum_cost', rules.maxSumCost, true]);
  } else if (rules.kind === 'cumulative') {
    entries.push(['min_length', rules.minLength, false], ['max_length', rules.maxLength, false]);
    entries.push(['min_points', rules.minPoints, false], ['max_points', rules.maxPoints, false]);
    entries.push(['min_sum_points', rules.minSumPoints, false], ['max_sum_points', rules.maxSumPoints, false]);
  } else if (rules.kind === 'ordinal') {
    entries.push(['min_length', rules.minLength, false], ['max_length', rules.maxLength, false]);
  }
  return entries
    .filter((entry): entry is [string, number, boolean] => entry[1] !== undefined)
    .map(([key, value, isMoney]) => [key, isMoney ? formatMoney(value, key) : String(value)]);
}

/**
 * A pabulib date as ISO 8601: `16.09.2023` → `2023-09-16`, a bare year `2023` stays `2023`,
 * an ISO date is kept. `null` for anything else, including impossible dates like 31.02.2023.
 */
export function isoDate(value: string): string | null {
  const text = trimPadding(value);
  if (/^\d{4}$/.test(text)) return text;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dotted
    ? [dotted[3], dotted[2], dotted[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** An ISO date (or year) as pabulib writes it: `2023-09-16` → `16.09.2023`; `null` when it is not one. */
export function pabulibDate(iso: string): string | null {
  if (/^\d{4}$/.test(iso)) return iso;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : null;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
