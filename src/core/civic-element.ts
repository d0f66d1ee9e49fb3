import { ContextRoot, consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { CivicClient } from '../client/client.js';
import { civicContext, type CivicConfig } from '../context.js';
import { directionOf, languageOf } from '../i18n/direction.js';
import { sourceLocale } from '../i18n/locale-codes.js';
import { getLocale } from '../i18n/localize.js';
import { sharedStyles } from '../styles/shared.js';
import { clientFor } from './client-for.js';
import { formattingLocale, pageLang, requestLocale, unwatchPage, watchPage } from './page-locale.js';

// The loader fetches each tag's code in parallel, so an element may be defined before the provider
// around it. Its request for the provider's config would go unanswered; the root keeps it and asks
// again once a provider appears.
new ContextRoot().attach(document.documentElement);

/**
 * What every element shares: it works inside a `<civic-provider>` or on its own with the same
 * attributes the provider takes, its own attributes winning. Elements extend this class
 * instead of repeating those four properties and the context wiring.
 */
export class CivicElement extends LitElement {
  static override styles: CSSResultGroup = sharedStyles;

  /** Where the backend is: a REST base URL (`https://council.example/api`), or `memory:` for the in-browser demo backend. Overrides an enclosing provider. */
  @property({ reflect: true }) api?: string;

  /**
   * BCP 47 locale for text and formatting, e.g. `cy` or `en-GB`. Overrides an enclosing provider,
   * which overrides the page's `<html lang>`. A page shows one language: see src/core/page-locale.ts.
   */
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

  /** The locale for formatting numbers, money and dates, and for picking backend text. */
  protected get resolvedLocale(): string {
    return formattingLocale(this.requestedLocale);
  }

  /** The language set on this element or its provider, if any (the page's `<html lang>` aside). */
  private get requestedLocale(): string | undefined {
    return this.locale || this.provided?.locale || undefined;
  }

  /** Whether this element set its own `lang` and `dir` (so it removes only what it added). */
  private marksLanguage = false;

  override connectedCallback(): void {
    super.connectedCallback();
    watchPage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchPage(this);
  }

  protected get resolvedVoterToken(): string | undefined {
    return this.voterToken || this.provided?.voterToken;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    requestLocale(this, this.requestedLocale);
    this.markLanguage();
  }

  /**
   * An element showing a language other than the page's says so, for screen readers, fonts and
   * hyphenation: `lang` (and `dir`, for an Arabic widget on an English page or the reverse). On a page
   * that declares no language, English is assumed.
   */
  private markLanguage(): void {
    const shown = getLocale();
    const page = pageLang() || sourceLocale;
    if (languageOf(shown) !== languageOf(page)) {
      this.setAttribute('lang', shown);
      this.setAttribute('dir', directionOf(shown));
      this.marksLanguage = true;
    } else if (this.marksLanguage) {
      this.removeAttribute('lang');
      this.removeAttribute('dir');
      this.marksLanguage = false;
    }
  }
}
