import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumber } from '../domain/format.js';
import { plural } from '../i18n/plural.js';
import { characterLength } from '../domain/rules/text-length.js';

/** The count's live message: "You have 1,950 characters remaining", or "You have 12 characters too many". */
export function charactersLeftMessage(length: number, max: number, locale: string): string {
  const left = max - length;
  const n = formatNumber(Math.abs(left), locale);
  if (left >= 0) {
    return plural(left, locale, {
      zero: () => msg(str`You have ${n} characters remaining`, { id: 'count.left.zero' }),
      one: () => msg(str`You have ${n} character remaining`, { id: 'count.left.one' }),
      two: () => msg(str`You have ${n} characters remaining`, { id: 'count.left.two' }),
      few: () => msg(str`You have ${n} characters remaining`, { id: 'count.left.few' }),
      many: () => msg(str`You have ${n} characters remaining`, { id: 'count.left.many' }),
      other: () => msg(str`You have ${n} characters remaining`, { id: 'count.left.other' }),
    });
  }
  return plural(-left, locale, {
    zero: () => msg(str`You have ${n} characters too many`, { id: 'count.over.zero' }),
    one: () => msg(str`You have ${n} character too many`, { id: 'count.over.one' }),
    two: () => msg(str`You have ${n} characters too many`, { id: 'count.over.two' }),
    few: () => msg(str`You have ${n} characters too many`, { id: 'count.over.few' }),
    many: () => msg(str`You have ${n} characters too many`, { id: 'count.over.many' }),
    other: () => msg(str`You have ${n} characters too many`, { id: 'count.over.other' }),
  });
}

/** The count's standing hint, read with the field: "You can enter up to 2,000 characters". */
export function characterLimitHint(max: number, locale: string): string {
  const n = formatNumber(max, locale);
  return plural(max, locale, {
    zero: () => msg(str`You can enter up to ${n} characters`, { id: 'count.limit.zero' }),
    one: () => msg(str`You can enter up to ${n} character`, { id: 'count.limit.one' }),
    two: () => msg(str`You can enter up to ${n} characters`, { id: 'count.limit.two' }),
    few: () => msg(str`You can enter up to ${n} characters`, { id: 'count.limit.few' }),
    many: () => msg(str`You can enter up to ${n} characters`, { id: 'count.limit.many' }),
    other: () => msg(str`You can enter up to ${n} characters`, { id: 'count.limit.other' }),
  });
}

export interface CharacterCountField {
  /** The textarea's id, for labels and error summary links. */
  id: string;
  label: string;
  hint?: string;
  value: string;
  /** The GOV.UK error message to show, when the field has been refused. */
  error?: string;
  onInput: (value: string) => void;
}

/**
 * GOV.UK's character count for a textarea: the limit is said up front, the count left (or over) is
 * shown as the resident types, and said to screen readers a second after they stop rather than on
 * every key. Typing past the limit is allowed, as GOV.UK does, so nothing pasted is cut off; the
 * form refuses it with an error instead.
 */
export class CharacterCount implements ReactiveController {
  /** What screen readers hear, a second after typing stops. */
  private spoken = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly max: number,
    private readonly locale: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Whether `value` is over the limit. */
  isOver(value: string): boolean {
    return characterLength(value) > this.max;
  }

  /** "You have 1,950 characters remaining" or "You have 12 characters too many". */
  message(value: string): string {
    return charactersLeftMessage(characterLength(value), this.max, this.locale());
  }

  render(field: CharacterCountField): TemplateResult {
    const over = this.isOver(field.value);
    const onInput = (event: Event) => {
      const value = (event.target as HTMLTextAreaElement).value;
      field.onInput(value);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.spoken = this.message(value);
        this.host.requestUpdate();
      }, 1000);
    };
    return html`<div class="form-group ${field.error ? 'form-group--error' : ''}">
      <label class="label" for=${field.id}>${field.label}</label>
      ${field.hint ? html`<p class="hint" id="${field.id}-hint">${field.hint}</p>` : nothing}
      ${field.error ? html`<p class="error-message" id="${field.id}-error"><span class="visually-hidden">${msg('Error:')}</span> ${field.error}</p>` : nothing}
      <textarea
        class="textarea ${over || field.error ? 'textarea--error' : ''}"
        id=${field.id}
        part="comment"
        rows="5"
        .value=${live(field.value)}
        aria-describedby="${field.hint ? `${field.id}-hint ` : ''}${field.error ? `${field.id}-error ` : ''}${field.id}-limit"
        @input=${onInput}
      ></textarea>
      <p class="visually-hidden" id="${field.id}-limit">${characterLimitHint(this.max, this.locale())}</p>
      <p class="count ${over ? 'count--over' : ''}" part="character-count" aria-hidden="true" dir="auto">${this.message(field.value)}</p>
      <p class="visually-hidden" role="status">${this.spoken}</p>
    </div>`;
  }
}
