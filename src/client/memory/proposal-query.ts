/** Listing proposals: filtering, sorting and paging, the same in the browser and on a server. */
import type { Proposal, ProposalPage, ProposalQuery, ProposalSort } from '../types.js';
import { malformed } from './errors.js';

/** Proposals per page when the query gives no `pageSize`. */
export const DEFAULT_PAGE_SIZE = 12;
/** The largest `pageSize` a query may ask for. */
export const MAX_PAGE_SIZE = 100;

const SORTS: readonly ProposalSort[] = ['title', 'cost-asc', 'cost-desc', 'supporters', 'random'];
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

/**
 * One page of proposals: filtered by area, category and text (every word of `q` in the title or
 * summary, ignoring case and accents; an empty filter filters nothing), sorted (by title unless
 * asked otherwise) and paged. Throws a `validation` CivicError naming a page, page size or sort
 * out of range. Pure, so a server can answer `GET /rounds/:id/proposals` with it and match.
 * `randomSeed` makes `sort: 'random'` stable across pages.
 */
export function queryProposals(proposals: readonly Proposal[], query: ProposalQuery, randomSeed: number): ProposalPage {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = query.sort ?? 'title';
  if (!Number.isSafeInteger(page) || page < 1) throw malformed('page', 'a whole number from 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw malformed('pageSize', `a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (!SORTS.includes(sort)) throw malformed('sort', `one of ${SORTS.join(', ')}`);
  const words = foldForSearch(query.q ?? '').split(' ').filter(Boolean);
  // An empty filter, as a "All wards" option sends, filters nothing.
  const matches = proposals.filter((proposal) => {
    if (query.area && proposal.area !== query.area) return false;
    if (query.category && !proposal.categories.includes(query.category)) return false;
    const text = words.length > 0 ? foldForSearch(`${proposal.title} ${proposal.summary}`) : '';
    return words.every((word) => text.includes(word));
  });
  matches.sort(comparator(sort, randomSeed));
  return { items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize };
}

function comparator(sort: ProposalSort, randomSeed: number): (a: Proposal, b: Proposal) => number {
  const byTitle = (a: Proposal, b: Proposal) => titleCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
      return (a, b) => shuffleRank(randomSeed, a.id) - shuffleRank(randomSeed, b.id) || byTitle(a, b);
  }
}

/** FNV-1a of the seed and id: a fixed pseudo-random position per proposal for one seed. */
function shuffleRank(seed: number, id: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
