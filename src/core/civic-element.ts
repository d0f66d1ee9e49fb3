import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { CivicClient } from '../client/client.js';
import { civicContext, type CivicConfig } from '../context.js';
import { useLocale } from '../i18n/localize.js';
import { sharedStyles } from '../styles/shared.js';
import { clientFor } from './client-for.js';

/**
 * What every element shares: it works inside a `<civic-provider>` or on its own with the same
 * attributes the provider takes, its own attributes winning. Elements extend this class
 * instead of repeating those four properties and the context wiring.
 */
export class CivicElement extends LitElement {
  static override styles: CSSResultGroup = sharedStyles;

  /** Where the backend is: a REST base URL (`https://council.example/api`), or `memory:` for the in-browser demo backend. Overrides an enclosing provider. */
  @property({ reflect: true }) api?: string;

  /** BCP 47 locale for text and formatting, e.g. `en-GB`. Overrides an enclosing provider. */
  @property({ reflect: true }) locale?: string;

  /** A voter token signed by the host site, for rounds that need one. */
  @property({ attribute: 'voter-token' }) voterToken?: string;

  /** Any `CivicClient`, to connect the element to a backend of your own. Wins over `api`. */
  @property({ attribute: false }) client?: CivicClient;

  /** The enclosing provider's configuration, if there is one. */
  @consume({ context: civicContext, subscribe: true })
  protected provided?: CivicConfig;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The client in force: `.client`, then `api`, then the provider's; undefined when none is set. */
  protected get resolvedClient(): CivicClient | undefined {
    if (this.client) return this.client;
    if (this.api) return clientFor(this.api);
    return this.provided?.client;
  }

  /** The locale for formatting numbers, money and dates. */
  protected get resolvedLocale(): string {
    return this.locale || this.provided?.locale || document.documentElement.lang || 'en-GB';
  }

  protected get resolvedVoterToken(): string | undefined {
    return this.voterToken || this.provided?.voterToken;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('locale') && this.locale) void useLocale(this.locale);
  }
}
