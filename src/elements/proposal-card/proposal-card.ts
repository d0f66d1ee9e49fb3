import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Proposal, ProposalStatus } from '../../domain/types.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { safeUrl } from '../../core/safe-url.js';
import { formatMoney, formatNumber } from '../../domain/format.js';
import { sharedStyles } from '../../styles/shared.js';
import { styles } from './proposal-card.styles.js';
import { DescriptionDisclosure } from './proposal-description.js';
import { localText } from '../../core/local-text.js';
import { textIn } from '../../domain/localized-text.js';

/**
 * @tagname civic-proposal-card
 * @summary One proposal: its title, status, summary, cost, area, categories, image and supporters.
 *
 * Give it `.proposal`, or a `proposal-id` to load (with `api` or inside a `<civic-provider>`).
 * Follows the card pattern: an `<article>` named by its heading, the title linking to the
 * proposal's page when it has one, details in a description list. The full description is behind
 * a "Read more" button (the WAI-ARIA disclosure pattern: `aria-expanded`, focus stays on the
 * button); a description the backend marks `descriptionFormat: 'html'` is sanitised with DOMPurify
 * (loaded then, not before) to paragraphs, text-level elements, lists and safe links. Every other
 * text shows as text, never as markup. Text from the backend is isolated with `dir="auto"`, so an
 * English title reads correctly on a right-to-left page.
 *
 * Opening the title fires `civic-proposal-select`; call `preventDefault()` on it to show the
 * proposal in your own page instead of following its link. With `selectable`, a title without a
 * link becomes a button that fires it.
 *
 * @slot actions - Buttons or links about this proposal, e.g. "Add to my vote".
 *
 * @csspart base - The card.
 * @csspart image - The proposal's picture.
 * @csspart title - The title (a heading).
 * @csspart status - The status tag.
 * @csspart summary - The short description.
 * @csspart read-more - The "Read more" / "Read less" button.
 * @csspart description - The full description.
 * @csspart details - The list of cost, area and supporters.
 * @csspart cost - The cost.
 * @csspart categories - The list of category tags.
 * @csspart actions - The container of the `actions` slot.
 * @csspart loading - The loading message.
 * @csspart error - The error message.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the card lacks a proposal or a backend.
 *
 * @cssprop --civic-color-tag-background - Background of category tags.
 * @cssprop --civic-color-tag-text - Text of category tags.
 * @cssprop --civic-color-success - Background of the "Funded" status.
 *
 * @fires civic-proposal-select - The resident opened the proposal's title; `detail.proposal` is the proposal. Cancelable: `preventDefault()` keeps the page where it is.
 * @fires civic-error - Loading the proposal failed; `detail` is the `CivicError`.
 */
export class CivicProposalCard extends CivicElement {
  static override styles = [sharedStyles, styles];

  /** The proposal to show. Set it directly, or set `proposal-id` to load it. */
  @property({ attribute: false }) proposal?: Proposal;

  /** The id of a proposal to load from the backend. */
  @property({ attribute: 'proposal-id', reflect: true }) proposalId?: string;

  /**
   * ISO 4217 currency of the cost. When not set, the currency of the proposal's round, asked of
   * the backend; GBP when there is no round to ask or it cannot be reached.
   */
  @property() currency?: string;

  /** The heading level of the title (2 to 6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Whether a title without a link of its own is a button that fires `civic-proposal-select`: set it when your page shows proposals itself. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  @state() private hasActions = false;
  @state() private imageFailed = false;

  private readonly description = new DescriptionDisclosure(this);

  // `.proposal` wins over `proposal-id`: a card given its proposal loads at most its round's currency.
  private readonly loader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => {
      if (this.proposal) return this.currency || !this.proposal.roundId ? null : (['currency', this.proposal.roundId] as const);
      return this.proposalId ? (['proposal', this.proposalId] as const) : msg('It needs a proposal-id attribute naming the proposal to show.');
    },
    load: async (client, [what, id], signal) => {
      if (what === 'currency') return { currency: (await client.getRound(id, { signal })).currency };
      const proposal = await client.getProposal(id, { signal });
      const currency = this.currency || (proposal.roundId ? (await client.getRound(proposal.roundId, { signal })).currency : undefined);
      return { proposal, currency };
    },
    loadingLabel: () => msg('Loading proposal…'),
    // The card is showing its proposal already; only the currency symbol is in question.
    announceFailure: ([what]) => what !== 'currency',
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const previous = changed.get('proposal');
    if (changed.has('proposal') && previous?.id !== this.proposal?.id) {
      this.description.reset();
      this.imageFailed = false;
    }
  }

  private onActionsChange(event: Event) {
    this.hasActions = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  protected override render() {
    if (this.proposal) {
      // No amount until the round says its currency: £48,000 that turns into €48,000 would mislead.
      const asking = !this.currency && this.loader.status === TaskStatus.PENDING;
      return this.renderCard(this.proposal, this.currency || this.loader.value?.currency, asking);
    }
    return this.loader.render(({ proposal, currency }) => (proposal ? this.renderCard(proposal, this.currency || currency) : nothing));
  }

  private renderCard(proposal: Proposal, currency = 'GBP', costPending = false) {
    const locale = this.resolvedLocale;
    const image = safeUrl(proposal.imageUrl, { image: true });
    const showImage = image && !this.imageFailed;
    return html`
      <article class="card ${showImage ? 'card--with-image' : ''}" part="base" aria-labelledby="title">
        ${showImage
          ? html`<img
              class="image"
              part="image"
              src=${image}
              alt=${textIn(proposal.imageAlt, locale)}
              loading="lazy"
              @error=${() => (this.imageFailed = true)}
            />`
          : nothing}
        <div class="body">
          ${this.renderTitle(proposal, locale)}
          <p class="tag status status--${proposal.status}" part="status">${statusLabel(proposal.status)}</p>
          ${proposal.summary ? html`<p class="summary" part="summary" dir="auto">${localText(proposal.summary, locale)}</p>` : nothing}
          ${this.description.render(proposal, locale)}
          <dl class="details" part="details">
            <dt>${msg('Cost')}</dt>
            <dd class="cost" part="cost" aria-busy=${costPending ? 'true' : 'false'}>${costPending ? nothing : formatMoney(proposal.cost, currency, locale)}</dd>
            ${proposal.area ? html`<dt>${msg('Area')}</dt><dd dir="auto">${proposal.area}</dd>` : nothing}
            ${proposal.supporters != null
              ? html`<dt>${msg('Supporters')}</dt><dd>${formatNumber(proposal.supporters, locale)}</dd>`
              : nothing}
          </dl>
          ${proposal.categories.length
            ? html`<ul class="categories" part="categories" aria-label=${msg('Categories')}>
                ${proposal.categories.map((category) => html`<li class="tag" dir="auto">${category}</li>`)}
              </ul>`
            : nothing}
          <div class="actions" part="actions" ?hidden=${!this.hasActions}>
            <slot name="actions" @slotchange=${this.onActionsChange}></slot>
          </div>
        </div>
      </article>
    `;
  }

  private renderTitle(proposal: Proposal, locale: string) {
    const url = safeUrl(proposal.url);
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 3));
    const open = (event: MouseEvent) => this.onOpen(event, proposal);
    const text = localText(proposal.title, locale);
    let title: unknown = text;
    if (url) title = html`<a href=${ifDefined(url)} @click=${open}>${text}</a>`;
    else if (this.selectable) title = html`<button type="button" class="link-button" @click=${open}>${text}</button>`;
    return html`<div class="title" part="title" role="heading" aria-level=${level} id="title" dir="auto">${title}</div>`;
  }

  private onOpen(event: MouseEvent, proposal: Proposal) {
    // A click with a modifier opens the link in a new tab or window: that is the resident's choice, not a selection.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (!emit(this, 'civic-proposal-select', { proposal }, { cancelable: true })) event.preventDefault();
  }
}

function statusLabel(status: ProposalStatus): string {
  switch (status) {
    case 'proposed':
      return msg('Proposed');
    case 'shortlisted':
      return msg('Shortlisted');
    case 'funded':
      return msg('Funded');
    case 'not-funded':
      return msg('Not funded');
    case 'withdrawn':
      return msg('Withdrawn');
    case 'delivered':
      return msg('Delivered');
  }
}

defineElement('civic-proposal-card', CivicProposalCard);

declare global {
  interface HTMLElementTagNameMap {
    'civic-proposal-card': CivicProposalCard;
  }
}
