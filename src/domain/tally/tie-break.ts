import type { PreparedElection } from './prepare.js';

const DIGITS = /^\d+$/;

/**
 * Orders project ids the way a reader expects: numeric ids by value (`9` before `10`), anything
 * else by UTF-16 code units (`c10` before `c2`), numeric ids before other ids. A total order, so
 * results never depend on the order of proposals in the input.
 */
export function compareIds(a: string, b: string): number {
  const aNumeric = DIGITS.test(a);
  const bNumeric = DIGITS.test(b);
  if (aNumeric && bNumeric) {
    const aValue = a.replace(/^0+(?=\d)/, '');
    const bValue = b.replace(/^0+(?=\d)/, '');
    if (aValue.length !== bValue.length) return aValue.length - bValue.length;
    if (aValue !== bValue) return aValue < bValue ? -1 : 1;
  } else if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Between two proposals a rule finds equally good: negative when `a` goes first. Lower cost first
 * (equalshares.net's recommendation), then more votes, then id order; never 0 for two proposals.
 */
export function tieBreak(election: PreparedElection, a: number, b: number): number {
  const costs = election.costs;
  const votes = election.votes;
  return (
    (costs[a] ?? 0) - (costs[b] ?? 0) ||
    (votes[b] ?? 0) - (votes[a] ?? 0) ||
    compareIds(election.ids[a] ?? '', election.ids[b] ?? '')
  );
}
