import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { BudgetLineUnit } from '../../domain/types.js';
import { CivicElement } from '../../core/civic-element.js';
import { localText } from '../../core/local-text.js';
import { textIn, type LocalizedText } from '../../domain/localized-text.js';
import { defineElement } from '../../core/define.js';
import { FormController, type FormAssociated } from '../../core/form-controller.js';
import { currencySymbol, formatMoneyCompact, formatNumber, parseDecimal } from '../../domain/format.js';
import { currencyMinorDigits, DEFAULT_CURRENCY_DIGITS } from '../../domain/money.js';
import { sharedStyles } from '../../styles/shared.js';
import { styles } from './budget-slider.styles.js';
import { exactProblem, nearestAllowed, rangeTop, type TypedProblem } from './steps.js';
import { formatChange, formatValue, type ValueFormat } from './value-text.js';

/**
 * @tagname civic-budget-slider
 * @summary One budget line: a slider with its value in money, percent or points, the change from now, and a box for an exact amount.
 *
 * Follows the ARIA slider pattern with a native `<input type="range">`: arrow keys move one step,
 * Page Up and Page Down ten steps, Home and End to the ends; `aria-valuetext` says the value as
 * people say it ("£1.2 million, £200,000 more than now"), and that a limit is reached. The value
 * now (`baseline`) is marked on the track, and the change from it is shown in words and as a bar.
 * A paired text box takes an exact amount, with a GOV.UK error message when it cannot be used.
 * A `locked` line shows its value without controls. Right to left, the slider runs right to left.
 *
 * Form-associated: inside a host page's `<form>` it submits `name=value` (minor units for money,
 * percent, or points), is reset by the form, disabled by a `<fieldset disabled>`, restored by
 * back/forward, and stops a submit while its exact box holds something it cannot use, or while it is
 * `required` and empty.
 *
 * @csspart base - The whole slider.
 * @csspart label - The line's name.
 * @csspart hint - The line's description.
 * @csspart value - The value and its change from now.
 * @csspart change - The change from now.
 * @csspart track - The area of the track, the mark of the value now and the bar of the change.
 * @csspart range - The range input.
 * @csspart baseline-marker - The mark of the value now on the track.
 * @csspart exact - The box for an exact amount, with its prefix or suffix.
 * @csspart input - The exact amount's text box.
 * @csspart impact - What the value means for residents.
 * @csspart limit - Why the value can go no further, shown at a limit.
 * @csspart error-message - Why the exact amount cannot be used.
 * @csspart locked-tag - The "Fixed" tag of a locked line.
 *
 * @fires input - The value changed (while dragging, on each key, or on an exact amount).
 * @fires change - The resident finished changing the value.
 */
export class CivicBudgetSlider extends CivicElement implements FormAssociated {
  static override styles = [sharedStyles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Takes part in forms through ElementInternals. */
  static formAssociated = true;

  private readonly formControl = new FormController(this, {
    value: () => (this.value === null ? null : String(this.value)),
    validity: () => this.currentProblem(),
    reset: () => {
      this.current = undefined;
      this.typed = undefined;
      this.typedProblem = undefined;
    },
    restore: (saved) => {
      const value = Number(saved);
      if (saved !== '' && Number.isFinite(value)) this.value = value;
    },
  });

  /** The name the value is submitted under in a host `<form>`. */
  @property({ reflect: true }) name?: string;

  /** The starting value, and what a form reset returns to; `baseline` when not set. Minor units for money. */
  @property({ type: Number, attribute: 'value' }) defaultValue?: number;

  /** The lowest value. */
  @property({ type: Number }) min = 0;

  /** The highest value (it need not be a whole number of steps from `min`: a 4.99% cap with 0.1% steps works). */
  @property({ type: Number }) max = 100;

  /** The smallest change: arrow keys move one step, Page Up and Page Down ten. */
  @property({ type: Number }) step = 1;

  /** The value now: marked on the track, and every change is said from it. */
  @property({ type: Number }) baseline?: number;

  /** What the value is: `currency` (minor units of `currency`), `percent` or `points`. */
  @property() unit: BudgetLineUnit = 'currency';

  /** ISO 4217 code of `currency` values. */
  @property() currency = 'GBP';

  /** For `percent`: the money one percent is worth, in minor units, shown beside the percentage. */
  @property({ type: Number, attribute: 'amount-per-percent' }) amountPerPercent?: number;

  /** The line's name, e.g. "Libraries"; the slider's accessible name. Each text may also be one version per language (`.label=${{ en: 'Libraries', pl: 'Biblioteki' }}`). */
  @property() label: LocalizedText = '';

  /** A description under the name. */
  @property() hint?: LocalizedText;

  /** What the value means for residents, e.g. "Three branch libraries close". */
  @property() impact?: LocalizedText;

  /** Why the value can go no lower, shown when it is at `min`. */
  @property({ attribute: 'min-reason' }) minReason?: LocalizedText;

  /** Why the value can go no higher, shown when it is at `max`, e.g. the council tax referendum limit. */
  @property({ attribute: 'max-reason' }) maxReason?: LocalizedText;

  /** A line residents cannot change: its value is shown, with no controls. */
  @property({ type: Boolean, reflect: true }) locked = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Whether an empty exact amount stops a form's submit. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The value set by the resident or the page; undefined until then (the default applies). */
  @state() private current?: number | null;
  /** Text in the exact box that has not become the value (being typed, or refused). */
  @state() private typed?: string;
  @state() private typedProblem?: TypedProblem;

  private get exactInput() {
    return this.renderRoot.querySelector<HTMLInputElement>('#exact') ?? undefined;
  }

  /** The current value: minor units for money, percent or points; `null` when there is none. */
  get value(): number | null {
    if (this.current !== undefined) return this.current;
    return this.defaultValue ?? this.baseline ?? null;
  }

  set value(value: number | null) {
    this.current = value === null || !Number.isFinite(value) ? null : nearestAllowed(this, value);
    this.typed = undefined;
    this.typedProblem = undefined;
  }

  /** The form the slider belongs to. */
  get form(): HTMLFormElement | null {
    return this.formControl.form;
  }

  get validity(): ValidityState | undefined {
    return this.formControl.validity;
  }

  get validationMessage(): string {
    return this.formControl.validationMessage;
  }

  checkValidity(): boolean {
    return this.formControl.checkValidity();
  }

  reportValidity(): boolean {
    return this.formControl.reportValidity();
  }

  formResetCallback(): void {
    this.formControl.formResetCallback();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formControl.formDisabledCallback(disabled);
  }

  formStateRestoreCallback(state: string | File | FormData | null, mode: 'restore' | 'autocomplete'): void {
    this.formControl.formStateRestoreCallback(state, mode);
  }

  private get format(): ValueFormat {
    return { unit: this.unit, currency: this.currency, locale: this.resolvedLocale };
  }

  private currentProblem() {
    if (this.typedProblem) return { ...this.typedProblem, anchor: this.exactInput };
    if (this.required && this.value === null && !this.locked) {
      return { flags: { valueMissing: true }, message: msg(str`Enter an amount for ${textIn(this.label, this.resolvedLocale)}`), anchor: this.exactInput };
    }
    return null;
  }

  /** Sets the value as the resident chose it, and tells the page as a native input does. */
  private choose(value: number, change: boolean) {
    if (value === this.value && this.typed === undefined) return;
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (change) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onRangeInput(event: Event) {
    event.stopPropagation();
    this.choose(nearestAllowed(this, Number((event.target as HTMLInputElement).value)), false);
  }

  private onRangeChange() {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onRangeKeydown(event: KeyboardEvent) {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
    // Chromium's range moves a tenth of the range on Page Up/Down; the pattern asks for ten steps.
    event.preventDefault();
    const from = this.value ?? this.baseline ?? this.min;
    this.choose(nearestAllowed(this, from + (event.key === 'PageUp' ? 10 : -10) * this.step), true);
  }

  private onExactInput(event: Event) {
    event.stopPropagation();
    this.typed = (event.target as HTMLInputElement).value;
  }

  private onExactKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commitTyped();
    }
  }

  private commitTyped() {
    if (this.typed === undefined) return;
    const text = this.typed;
    const parsed = parseDecimal(text, this.resolvedLocale);
    const value = parsed === undefined ? undefined : this.unit === 'currency' ? Math.round(parsed * this.minorScale) : parsed;
    const problem = exactProblem(this, text, value, this.required, (v) => formatValue(v, this.format), this.exactText(this.baseline ?? this.max), this.resolvedLocale);
    if (problem) {
      this.typedProblem = problem;
      return;
    }
    if (value === undefined) {
      this.value = null;
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
    } else this.choose(value, true);
  }

  private get minorScale(): number {
    return 10 ** (currencyMinorDigits(this.currency) ?? DEFAULT_CURRENCY_DIGITS);
  }

  /** The value in the exact box: major units for money, without grouping that would trip a re-edit. */
  private exactText(value: number | null): string {
    if (value === null) return '';
    return formatNumber(this.unit === 'currency' ? value / this.minorScale : value, this.resolvedLocale);
  }

  /** Words for the value: the amount (with its money for a percent), its change from now, and a limit reached. */
  private valueText(value: number | null): { amount: string; change?: string; limit?: string } {
    if (value === null) return { amount: msg('Not chosen') };
    let amount = formatValue(value, this.format);
    if (this.unit === 'percent' && this.amountPerPercent && value !== 0) {
      amount = `${amount} (${formatMoneyCompact(Math.round(value * this.amountPerPercent), this.currency, this.resolvedLocale)})`;
    }
    const change = this.baseline === undefined ? undefined : formatChange(value, this.baseline, this.format);
    const limit = this.min === this.max ? undefined : value >= this.max ? msg('the most it can be') : value <= this.min ? msg('the least it can be') : undefined;
    return { amount, change, limit };
  }

  protected override render() {
    const value = this.value;
    const { amount, change, limit } = this.valueText(value);
    if (this.locked) return this.renderLocked(amount);
    const disabled = this.disabled || this.formControl.disabled;
    const reason = value === null ? undefined : value >= this.max ? this.maxReason : value <= this.min ? this.minReason : undefined;
    const described = ['hint', 'impact', 'limit'].filter((id) => (id === 'hint' ? this.hint : id === 'impact' ? this.impact : reason));
    const invalid = this.typedProblem !== undefined;
    const locale = this.resolvedLocale;
    return html`<div class="slider" part="base">
      <label class="label" part="label" id="label" for="range" dir="auto">${localText(this.label, locale)}</label>
      ${this.hint ? html`<p class="hint" part="hint" id="hint" dir="auto">${localText(this.hint, locale)}</p>` : nothing}
      <p class="value" part="value">
        <span class="amount" dir="auto">${amount}</span>
        ${change ? html`<span class="change" part="change" dir="auto">${change}</span>` : nothing}
      </p>
      ${invalid ? html`<p class="error-message" part="error-message" id="error"><span class="visually-hidden">${msg('Error:')}</span> ${this.typedProblem!.message}</p>` : nothing}
      <div class="controls">
        ${this.renderTrack(value, disabled, [amount, change, limit].filter(Boolean).join(', '), described)}
        ${this.renderExact(value, disabled, invalid)}
      </div>
      ${this.impact ? html`<p class="impact" part="impact" id="impact" dir="auto">${localText(this.impact, locale)}</p>` : nothing}
      ${reason ? html`<p class="limit" part="limit" id="limit" dir="auto">${localText(reason, locale)}</p>` : nothing}
    </div>`;
  }

  private renderTrack(value: number | null, disabled: boolean, valueText: string, described: string[]) {
    const top = rangeTop(this);
    const span = top - this.min || 1;
    const at = (v: number) => Math.min(1, Math.max(0, (v - this.min) / span));
    const shown = value ?? this.baseline ?? this.min;
    const base = this.baseline === undefined ? undefined : at(this.baseline);
    const [from, to] = base === undefined ? [0, 0] : [Math.min(base, at(shown)), Math.max(base, at(shown))];
    // The positions go through the CSSOM (`.style` is `style.cssText`): a page whose CSP has no
    // 'unsafe-inline' for styles refuses a style attribute, and the marks would all sit at the start.
    // (styleMap would not do: it writes the attribute on the first render.)
    return html`<div class="track" part="track">
      <span class="rail" aria-hidden="true"></span>
      ${base === undefined
        ? nothing
        : html`<span class="change-bar" aria-hidden="true" .style=${`--_from:${from};--_to:${to}`}></span>
            <span class="marker" part="baseline-marker" aria-hidden="true" .style=${`--_at:${base}`}><span class="marker__label">${msg('Now')}</span></span>`}
      <input
        class="range"
        part="range"
        id="range"
        type="range"
        min=${this.min}
        max=${top}
        step=${this.step}
        .value=${live(String(shown))}
        ?disabled=${disabled}
        aria-valuetext=${valueText}
        aria-describedby=${described.join(' ') || nothing}
        @input=${this.onRangeInput}
        @change=${this.onRangeChange}
        @keydown=${this.onRangeKeydown}
      />
    </div>`;
  }

  private renderExact(value: number | null, disabled: boolean, invalid: boolean) {
    const prefix = this.unit === 'currency' ? currencySymbol(this.currency, this.resolvedLocale) : undefined;
    const suffix = this.unit === 'percent' ? '%' : this.unit === 'points' ? msg('points') : undefined;
    return html`<div class="exact" part="exact">
      <span class="visually-hidden" id="exact-label">${msg('exact amount')}</span>
      ${prefix ? html`<span class="affix" aria-hidden="true">${prefix}</span>` : nothing}
      <input
        class="input ${invalid ? 'input--error' : ''}"
        part="input"
        id="exact"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        .value=${live(this.typed ?? this.exactText(value))}
        ?disabled=${disabled}
        aria-labelledby="label exact-label"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'error' : nothing}
        @input=${this.onExactInput}
        @change=${(event: Event) => (event.stopPropagation(), this.commitTyped())}
        @keydown=${this.onExactKeydown}
      />
      ${suffix ? html`<span class="affix" aria-hidden="true">${suffix}</span>` : nothing}
    </div>`;
  }

  private renderLocked(amount: string) {
    const locale = this.resolvedLocale;
    return html`<div class="slider slider--locked" part="base">
      <p class="label" part="label" id="label"><span dir="auto">${localText(this.label, locale)}</span> <span class="tag" part="locked-tag">${msg('Fixed')}</span></p>
      ${this.hint ? html`<p class="hint" part="hint" dir="auto">${localText(this.hint, locale)}</p>` : nothing}
      <p class="value" part="value"><span class="amount" dir="auto">${amount}</span></p>
      ${this.impact ? html`<p class="impact" part="impact" dir="auto">${localText(this.impact, locale)}</p>` : nothing}
    </div>`;
  }

  /** Moves focus to the slider's range (or its exact box when that holds a problem), e.g. from an error summary. */
  override focus(options?: FocusOptions): void {
    const inner = this.renderRoot.querySelector<HTMLElement>(this.typedProblem ? '#exact' : '#range');
    if (inner) inner.focus(options);
    else super.focus(options);
  }
}

defineElement('civic-budget-slider', CivicBudgetSlider);

declare global {
  interface HTMLElementTagNameMap {
    'civic-budget-slider': CivicBudgetSlider;
  }
}
