import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CivicClient } from '../../client/client.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { LoadController } from '../../core/load-controller.js';
import { renderError, renderLoading, renderMissing, renderNoClient } from '../../core/states.js';
import { visitorSeed } from '../../core/visitor-seed.js';
import { MAX_PAGE_SIZE, orderSeed, PROPOSAL_SORTS } from '../../domain/proposal-query/index.js';
import type { Proposal, ProposalPage, ProposalQuery, ProposalSort, Round } from '../../domain/types.js';
import { sharedStyles } from '../../styles/shared.js';
import '../proposal-card/proposal-card.js';
import { Announcer } from './announcer.js';
import { CardRecycler } from './card-recycler.js';
import { renderFilters } from './list-filters.js';
import { renderPagination } from './list-pagination.js';
import { DEFAULT_SORT, UrlSync, type ListState } from './list-state.js';
import { ProposalIdentity } from './proposal-identity.js';
import { countText, pageText } from './list-messages.js';
import { styles } from './proposal-list.styles.js';

/** What a host shows in a card's `actions` slot, made from its proposal: a DOM node, a Lit template, text, or `null` for nothing. */
export type ActionsRenderer = (proposal: Proposal) => unknown;

/** What the list shows: the round and one page of its proposals, from one backend. */
interface Shown {
  client: CivicClient;
  round: Round;
  page: ProposalPage;
  query: ProposalQuery;
}

/**
 * @tagname civic-proposal-list
 * @summary A round's proposals as cards, with search, area and category filters, sorts and pages.
 *
 * Give it `round="ID"` (with `api` or inside a `<civic-provider>`). Residents search (ignoring case
 * and accents: "laka" finds "Łąka"), filter by the round's areas and categories, sort (a fair random
 * order by default: the same for one resident on every page and visit, different between residents,
 * so that no proposal wins attention by sitting first) and move between pages. The backend does the
 * searching, so the in-browser backend and a server give the same results.
 *
 * Follows the GOV.UK "filter a list" and pagination patterns: a search landmark of labelled
 * controls that apply as they change, the cards in a list, and the number of results announced
 * politely once the resident pauses, not on every keystroke. Moving to another page puts focus on
 * the count above the cards.
 *
 * With `sync-url`, the search, filters, sort and page are kept in the page's query string (`q`,
 * `area`, `category`, `sort`, `page`, each after the attribute's value as a prefix, e.g.
 * `sync-url="ideas-"`), so a shared link or the back button shows the same list. Without it the
 * page's URL and history are never touched.
 *
 * Host actions: set `renderActions` to a function of a proposal that returns what to show in its
 * card's `actions` slot: a DOM node (from any framework), a Lit template or text; `null` for none.
 * It is called once per proposal and the result kept while the proposal is shown, so buttons keep
 * their focus and state. The nodes live inside the list's shadow root: the page's styles do not
 * reach them, but the classes `button` and `button button--secondary` give them the theme's look.
 *
 * @slot - Nothing: the list renders its own cards.
 *
 * @csspart base - The list with its filters, count, cards and pages.
 * @csspart filters - The search form.
 * @csspart search - The search box.
 * @csspart area-select - The area filter.
 * @csspart category-select - The category filter.
 * @csspart sort-select - The sort order.
 * @csspart sort-hint - The note under the filters explaining the random order.
 * @csspart count - How many proposals match, and the page.
 * @csspart list - The list of cards.
 * @csspart card - Each `<civic-proposal-card>`.
 * @csspart empty - The message when no proposal matches.
 * @csspart clear-button - The "clear the filters" button.
 * @csspart pagination - The page navigation.
 * @csspart page-button - Each button of the page navigation.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the list lacks a round or a backend.
 * @csspart announcement - The polite live region that says how many proposals match (visually hidden).
 *
 * @cssprop --civic-card-min-width - The narrowest a card may be before the grid has one column fewer.
 *
 * @fires civic-proposal-select - A resident opened a proposal (its title); `detail.proposal` is the proposal. Cancelable: `preventDefault()` keeps the page where it is, to show the proposal your way.
 * @fires civic-error - Loading the round or its proposals failed; `detail` is the `CivicError`.
 */
export class CivicProposalList extends CivicElement {
  static override styles = [sharedStyles, styles];

  /** The id of the round whose proposals to show; the enclosing provider's round when not set. */
  @property({ reflect: true }) round?: string;

  /** The search text. Residents change it; set it to start with a search. */
  @property() search = '';

  /** Only proposals of this area (one of the round's `areas`); empty for all. */
  @property() area = '';

  /** Only proposals of this category (one of the round's `categories`); empty for all. */
  @property() category = '';

  /** The order: `random` (fair, the default), `title`, `cost-asc`, `cost-desc` or `supporters`. */
  @property() sort: ProposalSort = DEFAULT_SORT;

  /** The page shown, from 1. */
  @property({ type: Number }) page = 1;

  /** Proposals per page, 1 to 100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** Keep the search, filters, sort and page in the page's query string; the value, if any, prefixes the parameter names. */
  @property({ attribute: 'sync-url' }) syncUrl?: string | null;

  /** The heading level of the cards' titles (2 to 6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Whether titles without a link of their own are buttons that fire `civic-proposal-select`: set it when your page shows proposals itself. */
  @property({ type: Boolean }) selectable = false;

  /** What to show in each card's `actions` slot, from its proposal; see the class description. */
  @property({ attribute: false }) renderActions?: ActionsRenderer;

  @state() private shown?: Shown;

  private readonly identity = new ProposalIdentity();
  private readonly recycler = new CardRecycler();
  private readonly announcer = new Announcer(this);
  /** Where to put focus once the results it is waiting for have rendered. */
  private focusAfterLoad?: 'count';

  private readonly urlSync = new UrlSync(this, {
    prefix: () => (this.syncUrl === null || this.syncUrl === undefined ? undefined : this.syncUrl),
    state: () => this.listState(),
    apply: (state) => Object.assign(this, state),
  });

  private readonly loader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => {
      const round = this.roundId;
      return round ? ([round, this.query()] as const) : missingRound();
    },
    load: async (client, [roundId, query], signal) => {
      const known = this.shown?.client === client && this.shown.round.id === roundId ? this.shown.round : undefined;
      const [round, page] = await Promise.all([known ?? client.getRound(roundId, { signal }), client.listProposals(roundId, query, { signal })]);
      return { client, round, page: { ...page, items: this.identity.keep(page.items) }, query };
    },
    loadingLabel: () => msg('Loading proposals…'),
  });

  /** The round in force: `round`, else the provider's. */
  private get roundId(): string | undefined {
    return this.round || this.provided?.round;
  }

  /** The query the backend answers: the resident's choices, and their own seed for the random order. */
  private query(): ProposalQuery {
    const query: ProposalQuery = { page: Math.max(1, Math.trunc(this.page) || 1), pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(this.pageSize) || 12)) };
    if (this.search.trim()) query.q = this.search.trim();
    if (this.area) query.area = this.area;
    if (this.category) query.category = this.category;
    // A sort the backend does not know (a typo in the attribute) would only fail: the fair order instead.
    query.sort = PROPOSAL_SORTS.includes(this.sort) ? this.sort : DEFAULT_SORT;
    const round = this.roundId;
    if (query.sort === 'random' && round) query.seed = orderSeed(visitorSeed(), round);
    return query;
  }

  private listState(): ListState {
    return { search: this.search, area: this.area, category: this.category, sort: this.sort, page: this.page };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.loader.value;
    if (loaded && this.loader.status === TaskStatus.COMPLETE && loaded !== this.shown) this.show(loaded);
    if (changed.has('renderActions')) this.identity.forgetActions();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterLoad && this.loader.status === TaskStatus.ERROR) this.focusAfterLoad = undefined;
    if (this.focusAfterLoad && this.loader.status === TaskStatus.COMPLETE) {
      this.focusAfterLoad = undefined;
      const count = this.renderRoot.querySelector<HTMLElement>('#count');
      count?.focus();
      count?.scrollIntoView({ block: 'nearest' });
    }
  }

  private show(loaded: Shown): void {
    const { page } = loaded;
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    // A page past the end (a stale link, fewer matches than before): the last one instead, with nothing shown meanwhile.
    if (page.items.length === 0 && page.total > 0 && page.page > pages) {
      this.page = pages;
      this.urlSync.correct();
      return;
    }
    const previous = this.shown;
    this.shown = loaded;
    // After a move that puts focus on the count, the screen reader reads it there; no second announcement.
    if (previous?.round.id === loaded.round.id && !this.focusAfterLoad) this.announcer.resultsChanged(this.describe(loaded));
  }

  /** The count as it is shown and announced: "12 proposals match", "Page 2 of 5". */
  private describe({ page, query }: Shown): string {
    const filtered = Boolean(query.q || query.area || query.category);
    if (page.total === 0) return filtered ? msg('No proposals match') : msg('There are no proposals in this round yet.');
    const count = countText(page.total, filtered, this.resolvedLocale);
    const pages = Math.ceil(page.total / page.pageSize);
    return pages > 1 ? `${count}. ${pageText(page.page, pages, this.resolvedLocale)}` : count;
  }

  /** A resident changed the search or a filter: back to the first page. */
  private change(state: Partial<ListState>, kind: 'search' | 'other'): void {
    Object.assign(this, { page: 1, ...state });
    this.announcer.changing();
    this.urlSync.record(kind);
  }

  private clearFilters(): void {
    this.change({ search: '', area: '', category: '' }, 'other');
    this.focusAfterLoad = 'count';
  }

  private goToPage(page: number): void {
    this.page = page;
    this.announcer.changing();
    this.urlSync.record('other');
    this.focusAfterLoad = 'count';
  }

  protected override render() {
    const client = this.resolvedClient;
    if (!client) return renderNoClient(this, msg('Loading proposals…'));
    const roundId = this.roundId;
    if (!roundId) return renderMissing(missingRound());
    const shown = this.shown?.client === client && this.shown.round.id === roundId ? this.shown : undefined;
    if (!shown) {
      if (this.loader.status === TaskStatus.ERROR) return renderError(this.loader.error, () => this.loader.reload());
      return renderLoading(msg('Loading proposals…'));
    }
    const { round, page } = shown;
    const busy = this.loader.status === TaskStatus.PENDING;
    const failed = this.loader.status === TaskStatus.ERROR;
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    return html`<div class="list" part="base">
      ${renderFilters({
        state: this.listState(),
        areas: round.areas ?? [],
        categories: round.categories ?? [],
        onSearch: (search) => this.change({ search }, 'search'),
        onChoose: (name, value) => this.change({ [name]: value }, 'other'),
      })}
      ${this.announcer.render()}
      ${failed
        ? renderError(this.loader.error, () => this.loader.reload())
        : html`<div class="results" aria-busy=${busy ? 'true' : 'false'}>
            ${page.total > 0 ? html`<p id="count" class="count" part="count" tabindex="-1">${this.describe(shown)}</p>` : nothing}
            ${page.items.length ? this.renderCards(page.items, round) : this.renderEmpty(shown)}
            ${renderPagination(page.page, pages, this.resolvedLocale, (to) => this.goToPage(to))}
          </div>`}
    </div>`;
  }

  private renderCards(items: Proposal[], round: Round) {
    const keys = this.recycler.assign(items.map((proposal) => proposal.id));
    return html`<ul class="cards" part="list" role="list">
      ${repeat(
        items,
        (_proposal, index) => keys[index],
        (proposal) => html`<li class="cards__item">
          <civic-proposal-card
            part="card"
            .proposal=${proposal}
            currency=${round.currency}
            locale=${ifDefined(this.locale)}
            heading-level=${this.headingLevel}
            ?selectable=${this.selectable}
          >${this.renderActions ? this.identity.actions(proposal, this.renderActions) : nothing}</civic-proposal-card>
        </li>`,
      )}
    </ul>`;
  }

  private renderEmpty({ query }: Shown) {
    if (!query.q && !query.area && !query.category) {
      return html`<p class="empty" part="empty">${msg('There are no proposals in this round yet.')}</p>`;
    }
    return html`<p class="empty" part="empty">
      ${msg('No proposals match:')}
      <button type="button" class="link-button" part="clear-button" @click=${() => this.clearFilters()}>${msg('clear the filters')}</button>
    </p>`;
  }
}

function missingRound(): string {
  return msg('It needs a round attribute naming the round whose proposals to show, or a civic-provider with a round.');
}

defineElement('civic-proposal-list', CivicProposalList);

declare global {
  interface HTMLElementTagNameMap {
    'civic-proposal-list': CivicProposalList;
  }
}
