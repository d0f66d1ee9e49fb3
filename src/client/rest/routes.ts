/**
 * The REST contract's routes (docs/openapi.yaml), and how a URL is built from a route template.
 */
import type { CivicClientMethod } from '../client.js';

/** A `CivicClient` method name (the optional meeting ones too); each one has exactly one route. */
export type RouteName = CivicClientMethod | 'getMeeting' | 'updateMeeting' | 'watchMeeting';

/** The route templates of the contract, relative to `baseUrl`. `:id` is the one path parameter. */
export const DEFAULT_PATHS: Readonly<Record<RouteName, string>> = {
  getRound: '/rounds/:id',
  listProposals: '/rounds/:id/proposals',
  getProposal: '/proposals/:id',
  submitBallot: '/rounds/:id/ballots',
  getReceipt: '/receipts/:id',
  getResults: '/rounds/:id/results',
  getSimulation: '/simulations/:id',
  submitSimulation: '/simulations/:id/submissions',
  getForm: '/forms/:id',
  submitFeedback: '/forms/:id/responses',
  getMeeting: '/rounds/:id/meeting',
  updateMeeting: '/rounds/:id/meeting',
  watchMeeting: '/rounds/:id/live',
};

/** A `:name` parameter in a route template. */
export const PLACEHOLDER = /:[A-Za-z_][A-Za-z0-9_]*/g;

/** Query parameters; `undefined`, `null` and empty strings are left out. */
export type QueryParams = Record<string, string | number | undefined | null>;

/**
 * `baseUrl` + template with the id URL-encoded (pabulib ids hold slashes: `BO.D16.5/23`) + query.
 * A `baseUrl` that already has a query (`/?rest_route=/civic`, WordPress without pretty
 * permalinks) keeps it, and the route's own query is appended with `&`.
 */
export function buildUrl(baseUrl: string, template: string, id: string, query?: QueryParams): string {
  const path = template.replace(PLACEHOLDER, () => encodeURIComponent(id));
  let url = baseUrl.replace(/\/+$/, '') + path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.append(name, String(value));
  }
  const queryString = search.toString();
  if (queryString) url += (url.includes('?') ? '&' : '?') + queryString;
  return absolute(url);
}

/** Resolves a page-relative URL against the page, so a custom `fetch` or a worker gets a full URL. */
function absolute(url: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || typeof page !== 'string') return url;
  try {
    return new URL(url, page).href;
  } catch {
    return url;
  }
}
