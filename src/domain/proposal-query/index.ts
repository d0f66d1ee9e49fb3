/** Listing proposals: filtering, sorting and paging, the same in the in-browser backend and on the server. */
import { allTexts, textIn } from '../localized-text.js';
import type { Proposal, ProposalPage, ProposalQuery, ProposalSort } from '../types.js';
import { isOrderSeed, MAX_ORDER_SEED, randomRank } from './random-order.js';

export { MAX_ORDER_SEED, orderSeed } from './random-order.js';

/** Proposals per page when the query gives no `pageSize`. */
export const DEFAULT_PAGE_SIZE = 12;
/** The largest `pageSize` a query may ask for. */
export const MAX_PAGE_SIZE = 100;

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
// Letters that Unicode does not decompose into a base letter and an accent.
const EXTRA_FOLDS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/**
 * Text as search compares it: without accents, case, zero-width characters or repeated spaces,
 * so `Łąka` matches `laka` and a title with a no-break space matches a normal one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþ]/g, (letter) => EXTRA_FOLDS[letter]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A query parameter out of range: which one, and what it must be. */
export interface QueryProblem {
  field: 'page' | 'pageSize' | 'sort' | 'seed';
  expected: string;
}

/** The sorts a query may ask for. */
export const PROPOSAL_SORTS: readonly ProposalSort[] = ['title', 'cost-asc', 'cost-desc', 'supporters', 'random'];

/** What is wrong with a query's page, page size and sort; empty when `queryProposals` can answer it. */
export function proposalQueryProblems(query: ProposalQuery): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const { page = 1, pageSize = DEFAULT_PAGE_SIZE, sort = 'title' } = query;
  if (!Number.isSafeInteger(page) || page < 1) problems.push({ field: 'page', expected: 'a whole number from 1' });
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    problems.push({ field: 'pageSize', expected: `a whole number from 1 to ${MAX_PAGE_SIZE}` });
  }
  if (!PROPOSAL_SORTS.includes(sort)) problems.push({ field: 'sort', expected: `one of ${PROPOSAL_SORTS.join(', ')}` });
  if (query.seed !== undefined && !isOrderSeed(query.seed)) problems.push({ field: 'seed', expected: `a whole number from 0 to ${MAX_ORDER_SEED}` });
  return problems;
}

/** Folded title and summary per proposal: a list filters the same proposals on every keystroke. */
const foldedTexts = new WeakMap<Proposal, { source: string; folded: string }>();

function searchableText(proposal: Proposal): string {
  // Every language's version: a resident finds a proposal in whichever language they type.
  const source = [...allTexts(proposal.title), ...allTexts(proposal.summary)].join(' ');
  let cached = foldedTexts.get(proposal);
  // Compared with the text it was folded from, so a proposal edited in place is folded again.
  if (cached?.source !== source) {
    cached = { source, folded: foldForSearch(source) };
    foldedTexts.set(proposal, cached);
  }
  return cached.folded;
}

/**
 * One page of proposals: filtered by area, category and text (every word of `q` in the title or
 * summary, ignoring case and accents; an empty filter filters nothing), sorted (by title unless
 * asked otherwise) and paged. Pure, so the server answers `GET /rounds/:id/proposals` with it and
 * the two backends cannot disagree. `sort: 'random'` orders by the query's `seed` (one per visitor
 * and round, so a resident sees the same order on every page and visit), or by `randomSeed`, the
 * backend's own, when the query has none.
 * @throws {RangeError} naming the first of `proposalQueryProblems`; check them first.
 */
export function queryProposals(proposals: readonly Proposal[], query: ProposalQuery, randomSeed: number): ProposalPage {
  const problem = proposalQueryProblems(query)[0];
  if (problem) throw new RangeError(`${problem.field} must be ${problem.expected}`);
  const { page = 1, pageSize = DEFAULT_PAGE_SIZE, sort = 'title' } = query;
  const words = foldForSearch(query.q ?? '').split(' ').filter(Boolean);
  // An empty filter, as a "All wards" option sends, filters nothing.
  const matches = proposals.filter((proposal) => {
    if (query.area && proposal.area !== query.area) return false;
    if (query.category && !proposal.categories.includes(query.category)) return false;
    const text = words.length > 0 ? searchableText(proposal) : '';
    return words.every((word) => text.includes(word));
  });
  matches.sort(comparator(sort, query.seed ?? randomSeed));
  return { items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize };
}

/** The query carries no language, so titles sort by their English (else first) version, as on the server. */
const sortTitle = (proposal: Proposal) => textIn(proposal.title, 'en');

function comparator(sort: ProposalSort, randomSeed: number): (a: Proposal, b: Proposal) => number {
  const byTitle = (a: Proposal, b: Proposal) => titleCollator.compare(sortTitle(a), sortTitle(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'title':
      return byTitle;
    case 'cost-asc':
      return (a, b) => a.cost - b.cost || byTitle(a, b);
    case 'cost-desc':
      return (a, b) => b.cost - a.cost || byTitle(a, b);
    case 'supporters':
      return (a, b) => (b.supporters ?? 0) - (a.supporters ?? 0) || byTitle(a, b);
    case 'random':
      return (a, b) => randomRank(randomSeed, a.id) - randomRank(randomSeed, b.id) || byTitle(a, b);
  }
}
