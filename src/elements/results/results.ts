import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicError, type CivicClient } from '../../client/client.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { LoadController } from '../../core/load-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { effectiveStatus } from '../../domain/rounds.js';
import { formatDate, formatMoney, formatPercent } from '../../domain/format.js';
import type { Proposal, Results, Round, TallyRule } from '../../domain/types.js';
import { sharedStyles } from '../../styles/shared.js';
import { renderBar, renderBarChart } from './bar-chart.js';
import { csvFile, csvFileName } from './download.js';
import { ballotSources, ballotsCounted, chosenFundedLabel, ruleName, ruleSummary, spentSentence, votersShare, votesText } from './words.js';
import { allowedRules, areaRows, hasBallots, isPublished, resultRows, shareWithAnyFunded, type ResultRow } from './results-model.js';
import { styles } from './results.styles.js';
import { renderAreaTable, renderFundedChoicesTable, renderProjectsTable } from './tables.js';
import { barChartStyles } from './bar-chart.styles.js';

/** listProposals answers at most this many a page. */
const PAGE_SIZE = 100;

interface Loaded {
  results: Results;
  proposals: readonly Proposal[];
}

/**
 * @tagname civic-results
 * @summary The outcome of a participatory-budgeting round: what was funded, why, and for whom.
 *
 * Loads the round, its proposals and its results (with `api` or inside a `<civic-provider>`) and
 * shows the money spent, every proposal's votes, cost and outcome with a "Why?" disclosure
 * (WAI-ARIA disclosure pattern: a button with `aria-expanded`), the money per area and how many of
 * each voter's choices were funded. Each chart is drawn in SVG and hidden from screen readers,
 * beside a table (caption, column and row headers) carrying the same numbers. When the round allows
 * more than one rule, a group of radio buttons (GOV.UK radios) switches between them, each explained
 * in a sentence. Before the round publishes its results it says when they will be, and asks nothing.
 *
 * @csspart summary - The money spent, ballots counted and notes about the rule shown.
 * @csspart sources - How many of the counted ballots were cast online and how many on paper (shown when some were on paper).
 * @csspart rules - The rule switch, or the rule's explanation when the round has only one.
 * @csspart chart - A bar chart (hidden from screen readers; the table beside it has its numbers).
 * @csspart table - The table of every proposal with its votes, cost and outcome.
 * @csspart why-button - A proposal's "Why?" button.
 * @csspart why - The sentence explaining a proposal's outcome.
 * @csspart area-table - The table of money per area.
 * @csspart choices - The section on how many of each voter's choices were funded.
 * @csspart choices-table - Its table.
 * @csspart downloads - The list of downloads.
 * @csspart csv-link - The link that downloads the table as CSV.
 * @csspart pabulib-link - The link to the round's pabulib file, when the page gives one.
 * @csspart not-published - The message shown before the results are published.
 * @csspart empty - The message shown when no ballot was counted.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the element lacks a round or a backend.
 *
 * @fires civic-error - Loading the round or its results failed; `detail` is the `CivicError`.
 */
export class CivicResults extends CivicElement {
  static override styles = [sharedStyles, barChartStyles, styles];

  /** The id of the round whose results to show; the provider's round when not set. */
  @property({ reflect: true }) round?: string;

  /** The rule to show the outcome under, one the round allows; the round's own by default. Set by the rule switch. */
  @property({ reflect: true }) rule?: TallyRule;

  /**
   * A public URL of the round's pabulib file, to offer it for download. The server's export needs
   * an administrator, so only the page knows whether (and where) residents may have it.
   */
  @property({ attribute: 'pabulib-href' }) pabulibHref?: string;

  /** The heading level of the element's section headings (2 to 6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The proposals whose "Why?" is open; kept when the rule changes, so the two can be compared. */
  @state() private open: ReadonlySet<string> = new Set();

  private proposalCache?: { client: CivicClient; roundId: string; proposals: Proposal[] };
  private csvUrl?: string;

  private get roundId(): string | undefined {
    return this.round || this.provided?.round;
  }

  private readonly roundLoader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => this.roundId ? ([this.roundId] as const) : msg('It needs a round attribute naming the round whose results to show.'),
    load: (client, [id], signal) => client.getRound(id, { signal }),
    loadingLabel: () => msg('Loading results…'),
  });

  private readonly resultsLoader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => {
      const round = this.roundLoader.value;
      return round && round.id === this.roundId && isPublished(round, new Date()) ? ([round.id, this.shownRule(round)] as const) : null;
    },
    load: async (client, [id, rule], signal): Promise<Loaded | 'not-published'> => {
      try {
        const [proposals, results] = await Promise.all([this.proposalsOf(client, id, signal), client.getResults(id, { rule, signal })]);
        return { results, proposals };
      } catch (error) {
        // The server's clock decides: it may not publish yet what this page thought it would.
        if (error instanceof CivicError && error.status === 403) return 'not-published';
        throw error;
      }
    },
    loadingLabel: () => msg('Counting the votes…'),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('round')) this.open = new Set();
  }

  /** Every proposal of the round, page by page, fetched once per round and backend. */
  private async proposalsOf(client: CivicClient, roundId: string, signal: AbortSignal): Promise<Proposal[]> {
    const cached = this.proposalCache;
    if (cached?.client === client && cached.roundId === roundId) return cached.proposals;
    const proposals: Proposal[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await client.listProposals(roundId, { page, pageSize: PAGE_SIZE }, { signal });
      proposals.push(...items);
      if (items.length === 0 || proposals.length >= total) break;
    }
    this.proposalCache = { client, roundId, proposals };
    return proposals;
  }

  private shownRule(round: Round): TallyRule {
    const rules = allowedRules(round);
    return this.rule && rules.includes(this.rule) ? this.rule : rules[0]!;
  }

  private onRuleChange(event: Event) {
    this.rule = (event.target as HTMLInputElement).value as TallyRule;
  }

  private toggle(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  /** Makes the CSV when it is asked for, not on every render: a big round's table is a big file. */
  private onCsvClick(event: Event) {
    const round = this.roundLoader.value;
    const loaded = this.resultsLoader.value;
    if (!round || !loaded || loaded === 'not-published') return;
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = URL.createObjectURL(csvFile(round, resultRows(loaded.results, loaded.proposals, this.resolvedLocale), this.resolvedLocale));
    (event.currentTarget as HTMLAnchorElement).href = this.csvUrl;
  }

  protected override render() {
    return this.roundLoader.render((round) =>
      isPublished(round, new Date())
        ? html`${this.renderRules(round)}${this.resultsLoader.render((loaded) =>
            loaded === 'not-published' ? this.renderNotPublished(round) : this.renderResults(round, loaded),
          )}`
        : this.renderNotPublished(round),
    );
  }

  private renderNotPublished(round: Round) {
    const when = round.closesAt
      ? formatDate(round.closesAt, this.resolvedLocale, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })
      : undefined;
    return html`<div class="message" part="not-published" role="note">
      <p class="message__title">${msg('The results are not published yet')}</p>
      <p>${when ? msg(str`They will be published when voting closes on ${when}.`) : msg('They will be published when voting closes.')}</p>
    </div>`;
  }

  private renderRules(round: Round) {
    const rules = allowedRules(round);
    const shown = this.shownRule(round);
    if (rules.length === 1) {
      return html`<dl class="rules" part="rules">
        <dt class="rules__title">${msg('How the votes are counted')}</dt>
        <dd><span class="rules__name">${ruleName(shown)}</span> <span class="hint">${ruleSummary(shown)}</span></dd>
      </dl>`;
    }
    return html`<fieldset class="rules" part="rules">
      <legend class="rules__title">${msg('How the votes are counted')}</legend>
      ${rules.map(
        (rule, i) => html`<div class="radio">
          <input class="radio__input" type="radio" name="rule" id="rule-${rule}" value=${rule} .checked=${rule === shown} aria-describedby="rule-${rule}-hint" @change=${this.onRuleChange} />
          <label class="radio__label rules__name" for="rule-${rule}">${ruleName(rule)}</label>
          <p class="hint radio__hint" id="rule-${rule}-hint">${ruleSummary(rule)} ${i === 0 ? msg('This rule decides the round.') : nothing}</p>
        </div>`,
      )}
    </fieldset>`;
  }

  private renderResults(round: Round, { results, proposals }: Loaded) {
    const locale = this.resolvedLocale;
    const currency = round.currency;
    const money = (amount: number) => formatMoney(amount, currency, locale);
    const live = effectiveStatus(round, new Date()) !== 'closed';
    if (!hasBallots(results)) {
      return html`<div class="message" part="empty" role="note">
        <p>${live ? msg('No votes have been counted yet.') : msg('Nobody voted in this round, so no project was funded.')}</p>
      </div>`;
    }
    const rows = resultRows(results, proposals, this.resolvedLocale);
    const funded = rows.filter((row) => row.selected);
    const official = allowedRules(round)[0];
    return html`<div class="summary" part="summary">
        <p class="summary__spent">
          ${spentSentence(money(results.spent), money(results.budget), funded.length, locale)}
        </p>
        <span class="meter" aria-hidden="true">${renderBar(results.spent, results.budget, true)}</span>
        ${results.ballots === undefined ? nothing : html`<p>${ballotsCounted(results.ballots, locale)}</p>`}
        ${results.sources && results.sources.paper > 0 ? html`<p part="sources">${ballotSources(results.sources, locale)}</p>` : nothing}
        ${live ? html`<p class="notice">${msg('Voting is still open, so these results may change.')}</p>` : nothing}
        ${results.rule === official
          ? nothing
          : html`<p class="notice">
              ${official === 'equal-shares'
                ? msg('This round is decided by equal shares. These figures show what most votes first would have funded instead.')
                : msg('This round is decided by most votes first. These figures show what equal shares would have funded instead.')}
            </p>`}
      </div>
      <section class="section">
        ${this.heading(msg('Funded projects'))}
        ${renderBarChart(funded.map((row) => ({ label: row.title, lang: row.titleLang, fromBackend: true, value: row.votes, text: this.votesAndCost(row, currency), funded: true })))}
        ${renderProjectsTable({
          caption: msg('Every project with its result, votes, cost and area'),
          rows,
          open: this.open,
          onToggle: (id) => this.toggle(id),
          currency,
          locale,
        })}
      </section>
      ${this.renderAreas(rows, results.spent, currency)} ${this.renderFundedChoices(results)}
      <ul class="downloads" part="downloads">
        <li>
          <a part="csv-link" href="#" download=${csvFileName(round, results.rule)} @click=${this.onCsvClick}>${msg('Download the table of projects (CSV)')}</a>
        </li>
        ${safeUrl(this.pabulibHref)
          ? html`<li><a part="pabulib-link" href=${safeUrl(this.pabulibHref)!} download>${msg('Download the round’s ballots and projects (pabulib file)')}</a></li>`
          : nothing}
      </ul>`;
  }

  private renderAreas(rows: readonly ResultRow[], spent: number, currency: string) {
    const areas = areaRows(rows);
    if (areas.every((row) => row.area === null)) return nothing;
    const locale = this.resolvedLocale;
    const noArea = msg('No area');
    return html`<section class="section">
      ${this.heading(msg('Money by area'))}
      ${renderBarChart(areas.map((row) => ({ label: row.area ?? noArea, fromBackend: row.area !== null, value: row.spent, text: formatMoney(row.spent, currency, locale), funded: true })))}
      ${renderAreaTable(msg('Funded projects and money by area'), areas, spent, { currency, locale })}
    </section>`;
  }

  private renderFundedChoices(results: Results) {
    const share = shareWithAnyFunded(results.fundedChoices);
    if (share === undefined || !results.fundedChoices) return nothing;
    const locale = this.resolvedLocale;
    const rows = [...results.fundedChoices].sort((a, b) => a.funded - b.funded);
    const voters = rows.reduce((sum, row) => sum + row.voters, 0);
    const percent = formatPercent(share, locale, { decimals: 1 });
    return html`<section class="section" part="choices">
      ${this.heading(msg('Voters whose choices were funded'))}
      <p class="headline">${msg(str`${percent} of voters have at least one project they chose funded.`)}</p>
      ${renderBarChart(rows.map((row) => ({ label: chosenFundedLabel(row.funded, locale), value: row.voters, text: votersShare(row.voters, voters, locale) })))}
      ${renderFundedChoicesTable(msg('How many of each voter’s choices were funded'), rows, locale)}
    </section>`;
  }

  private votesAndCost(row: ResultRow, currency: string) {
    const votes = votesText(row.votes, this.resolvedLocale);
    return row.cost === undefined ? votes : html`<span>${votes}</span><span class="chart__cost">${formatMoney(row.cost, currency, this.resolvedLocale)}</span>`;
  }

  private heading(text: string) {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    return html`<div class="heading" role="heading" aria-level=${level}>${text}</div>`;
  }
}

defineElement('civic-results', CivicResults);

declare global {
  interface HTMLElementTagNameMap {
    'civic-results': CivicResults;
  }
}
