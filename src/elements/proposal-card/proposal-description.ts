/**
 * The card's full description, behind a "Read more" disclosure. Plain text shows as text; HTML is
 * sanitised first, with the sanitiser loaded the first time a resident opens an HTML description.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadSanitizer } from '../../core/sanitizer-loader.js';
import { pickText } from '../../domain/localized-text.js';
import type { Proposal } from '../../domain/types.js';

type Content = { kind: 'text'; text: string } | { kind: 'html'; nodes: DocumentFragment } | { kind: 'loading' };

export class DescriptionDisclosure {
  /** The language the description was last shown in, to pick the same version when it opens. */
  private locale = 'en-GB';

  /** Whether the resident has opened the description. */
  expanded = false;
  /** Opened at least once: the description's nodes are then kept while it is folded. */
  private opened = false;
  private source?: string;
  private content: Content = { kind: 'loading' };

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Folds the description again when the card is given another proposal. */
  reset(): void {
    this.expanded = false;
    this.opened = false;
  }

  toggle(proposal: Proposal): void {
    this.expanded = !this.expanded;
    if (this.expanded) this.opened = true;
    this.prepare(proposal);
    this.host.requestUpdate();
  }

  /** Starts loading the sanitiser before the click, when a resident points at or tabs to "Read more". */
  preload(proposal: Proposal): void {
    if (proposal.descriptionFormat === 'html') void loadSanitizer().catch(() => {});
  }

  render(proposal: Proposal, locale: string) {
    this.locale = locale;
    const { text, lang } = pickText(proposal.description, locale);
    if (!text.trim()) return nothing;
    if (this.opened) this.prepare(proposal);
    return html`
      <button
        type="button"
        class="link-button read-more"
        part="read-more"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="description"
        aria-describedby="title"
        @click=${() => this.toggle(proposal)}
        @pointerenter=${() => this.preload(proposal)}
        @focus=${() => this.preload(proposal)}
      >${this.expanded ? msg('Read less') : msg('Read more')}</button>
      <div id="description" class="description description--${this.content.kind}" part="description" dir="auto" lang=${ifDefined(lang)} ?hidden=${!this.expanded}>
        ${this.opened ? this.renderContent() : nothing}
      </div>
    `;
  }

  private renderContent() {
    switch (this.content.kind) {
      case 'text':
        return this.content.text;
      case 'html':
        // The same fragment on every render: Lit inserts its nodes once and keeps them.
        return this.content.nodes;
      case 'loading':
        return html`<span class="description__loading">${msg('Loading the full description…')}</span>`;
    }
  }

  /** Makes the content for the proposal's description, once per description. */
  private prepare(proposal: Proposal): void {
    const description = pickText(proposal.description, this.locale).text;
    const format = proposal.descriptionFormat === 'html' ? 'html' : 'text';
    const source = `${format}:${description}`;
    if (this.source === source) return;
    this.source = source;
    if (format === 'text') {
      this.content = { kind: 'text', text: description };
      return;
    }
    this.content = { kind: 'loading' };
    loadSanitizer()
      .then(({ sanitizeHtml }) => ({ kind: 'html', nodes: sanitizeHtml(description) }) as const)
      // Without the sanitiser (offline, not deployed beside the bundle), the words still show, as text.
      .catch(() => ({ kind: 'text', text: textOf(description) }) as const)
      .then((content) => {
        if (this.source !== source) return;
        this.content = content;
        this.host.requestUpdate();
      });
  }
}

/** The text of some HTML, read from an inert document: nothing in it loads or runs. */
function textOf(markup: string): string {
  return new DOMParser().parseFromString(markup, 'text/html').body.textContent ?? '';
}
