/**
 * What a resident chose in a proposal list (search, filters, sort, page), and how it is written in
 * a page's query string when the list keeps it there (`sync-url`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PROPOSAL_SORTS } from '../../domain/proposal-query/index.js';
import type { ProposalSort } from '../../domain/types.js';

export interface ListState {
  search: string;
  area: string;
  category: string;
  sort: ProposalSort;
  page: number;
}

/** The fair order is the default: no proposal wins attention by its title or its cost. */
export const DEFAULT_SORT: ProposalSort = 'random';

/** The contract's longest search text. */
const MAX_SEARCH = 500;

const NAMES = ['search', 'area', 'category', 'sort', 'page'] as const;
/** The query parameter of each part of the state, before its prefix. */
const PARAMETERS: Record<keyof ListState, string> = { search: 'q', area: 'area', category: 'category', sort: 'sort', page: 'page' };

/** The state a query string holds; a part it lacks, or holds in a form that makes no sense, is left out. */
export function readListState(query: string, prefix: string): Partial<ListState> {
  const params = new URLSearchParams(query);
  const get = (name: keyof ListState) => params.get(prefix + PARAMETERS[name]);
  const state: Partial<ListState> = {};
  const search = get('search');
  if (search !== null) state.search = search.slice(0, MAX_SEARCH);
  const area = get('area');
  if (area !== null) state.area = area;
  const category = get('category');
  if (category !== null) state.category = category;
  const sort = get('sort');
  if (sort !== null && (PROPOSAL_SORTS as readonly string[]).includes(sort)) state.sort = sort as ProposalSort;
  const page = Number(get('page'));
  if (Number.isSafeInteger(page) && page >= 1) state.page = page;
  return state;
}

/** The state of a list nobody has set up or changed. */
export const DEFAULT_STATE: Readonly<ListState> = { search: '', area: '', category: '', sort: DEFAULT_SORT, page: 1 };

/**
 * `href` with the state in its query; the page's own parameters and fragment are kept. A part equal
 * to `baseline` (what the list shows with no parameter: its attributes, else the defaults) is left
 * out, so an untouched list adds nothing to the URL.
 */
export function writeListState(href: string, prefix: string, state: ListState, baseline: ListState = DEFAULT_STATE): string {
  const url = new URL(href);
  for (const name of NAMES) {
    const value = name === 'search' ? state.search.trim() : state[name];
    if (value === baseline[name]) url.searchParams.delete(prefix + PARAMETERS[name]);
    else url.searchParams.set(prefix + PARAMETERS[name], String(value));
  }
  return url.href;
}

export interface UrlSyncOptions {
  /** The prefix of the parameter names, or undefined when the list does not keep its state in the URL. */
  prefix: () => string | undefined;
  state: () => ListState;
  /** Shows what the URL holds: on start, and when the resident goes back or forward. */
  apply: (state: Partial<ListState>) => void;
}

/**
 * Keeps a list's state in the page's query string when asked to, so a shared link or the back
 * button shows the same list. Each change a resident makes is a history entry, except that typing
 * on in the search box replaces its own entry rather than adding one per letter. When not asked,
 * it never reads or touches the page's URL or history.
 */
export class UrlSync implements ReactiveController {
  private readPrefix?: string;
  /** What the list shows when the URL has none of its parameters: its state before it first read the URL. */
  private baseline: ListState = DEFAULT_STATE;
  private typing = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: UrlSyncOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    this.readPrefix = undefined;
  }

  /** Reads the URL when the list starts keeping its state there. */
  hostUpdate(): void {
    const prefix = this.options.prefix();
    if (prefix !== undefined && prefix !== this.readPrefix) {
      this.baseline = { ...this.options.state(), search: this.options.state().search.trim() };
      this.options.apply(readListState(location.search, prefix));
    }
    this.readPrefix = prefix;
  }

  /** After a resident's change. */
  record(change: 'search' | 'other'): void {
    const url = this.url();
    if (url === undefined) return;
    const typingOn = change === 'search' && this.typing;
    this.typing = change === 'search';
    if (url === location.href) return;
    // The host's own history state is kept: a single-page app's router may rely on it.
    if (typingOn) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }

  /** Puts right what the URL says without a new entry, e.g. a page past the last one. */
  correct(): void {
    const url = this.url();
    if (url !== undefined && url !== location.href) history.replaceState(history.state, '', url);
  }

  private url(): string | undefined {
    const prefix = this.options.prefix();
    return prefix === undefined ? undefined : writeListState(location.href, prefix, this.options.state(), this.baseline);
  }

  private readonly onPopState = () => {
    const prefix = this.options.prefix();
    if (prefix === undefined) return;
    this.typing = false;
    this.options.apply({ ...this.baseline, ...readListState(location.search, prefix) });
  };
}
