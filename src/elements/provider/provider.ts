import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { civicContext, type CivicConfig } from '../../context.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';

/**
 * @tagname civic-provider
 * @summary Connects every civic element inside it to one backend, locale, round and voter.
 *
 * Set `api` for a REST backend (or `memory:` for the in-browser demo), or `.client` for any
 * `CivicClient`. A provider inside another provider inherits what it does not set itself.
 * It has no look of its own and does not affect layout.
 *
 * @slot - The elements (and any other content) that use this configuration.
 */
export class CivicProvider extends CivicElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The round elements inside show when they do not name one themselves. */
  @property({ reflect: true }) round?: string;

  @provide({ context: civicContext })
  protected config: CivicConfig = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new object each time, so that every consumer re-renders with the change.
    this.config = {
      client: this.resolvedClient,
      locale: this.locale || this.provided?.locale,
      round: this.round || this.provided?.round,
      voterToken: this.resolvedVoterToken,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

defineElement('civic-provider', CivicProvider);

declare global {
  interface HTMLElementTagNameMap {
    'civic-provider': CivicProvider;
  }
}
