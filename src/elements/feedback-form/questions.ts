/**
 * How each kind of question renders, as GOV.UK's form patterns do: a label or a fieldset with its
 * legend, the hint, the error message, then the field; radios and checkboxes with follow-up
 * questions revealed under the option that asks them; the character count under a text box.
 * Plain functions over a `QuestionView`, so the element owns every piece of state.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl } from '../../core/safe-url.js';
import { formatNumber } from '../../domain/format.js';
import { RATING_MAX, answerOptions, isRequired } from '../../domain/rules/index.js';
import type { Answer, FeedbackForm, Question, QuestionOption } from '../../domain/types.js';
import { characterLimitHint, charactersLeftMessage } from '../../core/character-count.js';
import { characterLength } from '../../domain/rules/text-length.js';
import { localText } from '../../core/local-text.js';

/** What the question renderers read, and the one way they change an answer. */
export interface QuestionView {
  form: FeedbackForm;
  answers: Readonly<Record<string, Answer>>;
  /** The message of each question in error. */
  errors: ReadonlyMap<string, string>;
  /** The character count announced for each text question, after the resident pauses. */
  spoken: Readonly<Record<string, string>>;
  /** Follow-ups shown under an option: key `followUpKey(question id, option value)`. */
  followUps: ReadonlyMap<string, Question[]>;
  /** Each question's position in the form, for ids that are unique inside the shadow root. */
  positions: ReadonlyMap<string, number>;
  locale: string;
  set(question: Question, answer: Answer | undefined): void;
}

export const followUpKey = (questionId: string, value: string) => `${questionId}\n${value}`;

/** The id of a question's field; for radios and checkboxes, of its first option. */
export function fieldId(view: Pick<QuestionView, 'positions'>, question: Question, option?: number): string {
  return `q${view.positions.get(question.id)}${option === undefined ? '' : `-${option}`}`;
}

/** Where an error summary link sends focus: the field, or a group's first option. */
export function focusTargetId(view: Pick<QuestionView, 'positions'>, question: Question): string {
  const grouped = question.kind === 'choice' || question.kind === 'multi-choice' || question.kind === 'rating';
  return fieldId(view, question, grouped ? 0 : undefined);
}

export function renderQuestion(view: QuestionView, question: Question): TemplateResult {
  const error = view.errors.get(question.id);
  const body =
    question.kind === 'choice' || question.kind === 'multi-choice' || question.kind === 'rating' ? renderChoices(view, question, error)
    : question.kind === 'consent' ? renderConsent(view, question, error)
    : renderTextField(view, question, error);
  return html`<div class="form-group ${error ? 'form-group--error' : ''}" part="question">${body}</div>`;
}

function label(view: QuestionView, question: Question) {
  return html`<span dir="auto">${localText(question.label, view.locale)}</span>${isRequired(view.form, question) || question.kind === 'consent'
    ? nothing
    : html` <span class="optional">${msg('(optional)')}</span>`}`;
}

function hintAndError(view: QuestionView, id: string, question: Question, error: string | undefined) {
  return html`${question.hint ? html`<div class="hint" id="${id}-hint" part="hint"><span dir="auto">${localText(question.hint, view.locale)}</span></div>` : nothing}
    ${error
      ? html`<p class="error-message" id="${id}-error" part="error-message" dir="auto"><span class="visually-hidden">${msg('Error:')}</span> ${error}</p>`
      : nothing}`;
}

/** The ids a field is described by: its hint, its error, and any extra (the count's limit, the privacy notice). */
function describedBy(id: string, question: Question, error: string | undefined, ...extra: Array<string | false | undefined>) {
  const ids = [question.hint && `${id}-hint`, error && `${id}-error`, ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function renderTextField(view: QuestionView, question: Question, error: string | undefined) {
  const id = fieldId(view, question);
  const value = typeof view.answers[question.id] === 'string' ? (view.answers[question.id] as string) : '';
  const max = question.kind === 'text' ? question.maxLength : undefined;
  const counted = max !== undefined;
  const over = counted && characterLength(value) > max;
  const describe = describedBy(id, question, error, counted && `${id}-limit`);
  const onInput = (event: Event) => view.set(question, (event.target as HTMLInputElement).value);
  const invalid = error || over ? 'true' : undefined;
  const field =
    question.kind === 'text' && question.multiline !== false
      ? html`<textarea class="textarea ${invalid ? 'textarea--error' : ''}" part="textarea" id=${id} name=${id} rows="5" dir="auto"
          aria-describedby=${ifDefined(describe)} aria-invalid=${ifDefined(invalid)} .value=${value} @input=${onInput}></textarea>`
      : html`<input class="input ${invalid ? 'input--error' : ''} ${question.kind === 'postcode' ? 'input--postcode' : ''}" part="input"
          id=${id} name=${id} dir="auto" type=${question.kind === 'email' ? 'email' : 'text'}
          autocomplete=${ifDefined(question.kind === 'email' ? 'email' : question.kind === 'postcode' ? 'postal-code' : question.autocomplete)}
          spellcheck=${ifDefined(question.kind === 'text' ? undefined : 'false')}
          aria-describedby=${ifDefined(describe)} aria-invalid=${ifDefined(invalid)} .value=${value} @input=${onInput} />`;
  return html`<label class="label" part="label" for=${id}>${label(view, question)}</label>
    ${hintAndError(view, id, question, error)} ${field}
    ${counted
      ? html`<div class="character-count" part="character-count">
          <div class="visually-hidden" id="${id}-limit">${characterLimitHint(max, view.locale)}</div>
          <div class="hint count ${over ? 'count--over' : ''}" aria-hidden="true">${charactersLeftMessage(characterLength(value), max, view.locale)}</div>
          <div class="visually-hidden" aria-live="polite">${view.spoken[question.id] ?? ''}</div>
        </div>`
      : nothing}`;
}

/** The options a choice shows: its own (with "Prefer not to say" in equality monitoring), or a rating's points. */
function optionsOf(view: QuestionView, question: Question): QuestionOption[] {
  if (question.kind === 'rating' && !question.options?.length) {
    return Array.from({ length: RATING_MAX }, (_, i) => ({ value: String(i + 1), label: formatNumber(i + 1, view.locale) }));
  }
  return answerOptions(view.form, question, msg('Prefer not to say'));
}

function renderChoices(view: QuestionView, question: Question, error: string | undefined) {
  const id = fieldId(view, question);
  const multiple = question.kind === 'multi-choice';
  const answer = view.answers[question.id];
  const chosen = new Set(Array.isArray(answer) ? answer : answer === undefined ? [] : [String(answer)]);
  const options = optionsOf(view, question);
  const inline = question.kind === 'rating' && !question.options?.length;
  const pick = (option: QuestionOption, checked: boolean) => {
    if (!multiple) return view.set(question, question.kind === 'rating' ? Number(option.value) : option.value);
    // "None of these" clears the others; any other clears it (GOV.UK's exclusive checkbox).
    const exclusive = new Set(options.filter((o) => o.exclusive).map((o) => o.value));
    const others = [...chosen].filter((value) => value !== option.value && !option.exclusive && !exclusive.has(value));
    view.set(question, checked ? [...others, option.value] : others);
  };
  return html`<fieldset class="fieldset" aria-describedby=${ifDefined(describedBy(id, question, error))}>
    <legend class="legend" part="legend">${label(view, question)}</legend>
    ${hintAndError(view, id, question, error)}
    <div class="choices ${inline ? 'choices--inline' : ''}" part=${multiple ? 'checkboxes' : 'radios'}>
      ${options.map((option, i) => {
        const optionId = fieldId(view, question, i);
        const followUps = view.followUps.get(followUpKey(question.id, option.value));
        const checked = chosen.has(option.value);
        return html`${multiple && option.exclusive && i > 0 ? html`<div class="choices__divider">${msg('or')}</div>` : nothing}
          <div class="choice choice--${multiple ? 'checkbox' : 'radio'}">
            <input class="choice__input" type=${multiple ? 'checkbox' : 'radio'} id=${optionId} name=${id} .value=${option.value}
              aria-controls=${ifDefined(followUps ? `${optionId}-reveal` : undefined)} aria-invalid=${ifDefined(error ? 'true' : undefined)}
              .checked=${checked} @change=${(event: Event) => pick(option, (event.target as HTMLInputElement).checked)} />
            <label class="choice__label" for=${optionId}><span dir="auto">${localText(option.label, view.locale)}</span></label>
          </div>
          ${followUps
            ? html`<div class="conditional" part="conditional" id="${optionId}-reveal" ?hidden=${!checked}>
                ${followUps.map((followUp) => renderQuestion(view, followUp))}
              </div>`
            : nothing}`;
      })}
    </div>
  </fieldset>`;
}

function renderConsent(view: QuestionView, question: Question, error: string | undefined) {
  const id = fieldId(view, question);
  const privacy = question.privacy;
  const url = safeUrl(privacy?.url);
  const notice = privacy && (privacy.text || url);
  return html`${notice
      ? html`<p class="hint" id="${id}-privacy" part="privacy">
          ${privacy.text ? html`<span dir="auto">${localText(privacy.text, view.locale)}</span>` : nothing}
          ${url
            ? html`<a href=${url} target="_blank" rel="noopener noreferrer"><span dir="auto">${privacy.linkText ? localText(privacy.linkText, view.locale) : msg('Read the privacy notice')}</span>
                ${msg('(opens in new tab)')}</a>`
            : nothing}
        </p>`
      : nothing}
    ${hintAndError(view, id, question, error)}
    <div class="choice choice--checkbox">
      <input class="choice__input" type="checkbox" id=${id} name=${id} aria-describedby=${ifDefined(describedBy(id, question, error, notice && `${id}-privacy`))}
        aria-invalid=${ifDefined(error ? 'true' : undefined)} .checked=${view.answers[question.id] === true}
        @change=${(event: Event) => view.set(question, (event.target as HTMLInputElement).checked)} />
      <label class="choice__label" for=${id}>${label(view, question)}</label>
    </div>`;
}
