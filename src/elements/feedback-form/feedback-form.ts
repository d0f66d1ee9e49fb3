import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicError, toCivicError, type CivicClient } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/ids.js';
import { errorOf } from '../../client/outbox/errors.js';
import { CivicElement } from '../../core/civic-element.js';
import { defineElement } from '../../core/define.js';
import { DraftController } from '../../core/draft-controller.js';
import { renderErrorSummary, type ErrorSummaryItem } from '../../core/error-summary.js';
import { emit } from '../../core/events.js';
import { LoadController } from '../../core/load-controller.js';
import { outboxFor } from '../../core/outbox-for.js';
import { renderError } from '../../core/states.js';
import { feedbackFieldErrors, fieldErrorsByKey } from '../../domain/field-errors.js';
import { askedQuestions, validateFeedback, type FeedbackProblem } from '../../domain/rules/index.js';
import type { Answer, FeedbackForm, FeedbackResponse, FieldError, Question, SubmissionReceipt } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { formStyles } from '../../styles/forms.js';
import { sharedStyles } from '../../styles/shared.js';
import { styles } from './feedback-form.styles.js';
import { problemMessage } from './messages.js';
import { charactersLeftMessage } from '../../core/character-count.js';
import { characterLength } from '../../domain/rules/text-length.js';
import { focusTargetId, renderQuestion, type QuestionView } from './questions.js';
import { buildResponse, hostContext, questionLayout, readDraft, type Draft, type Layout } from './response.js';
import { localText } from '../../core/local-text.js';

/** Problems whose message quotes a limit from the form. */
const LIMIT_CODES: ReadonlySet<string> = new Set(['too-long', 'out-of-range']);

type Phase = 'answering' | 'sending' | 'queued' | 'sent';

/** How long the character count waits after the last key before a screen reader hears it, as GOV.UK's does. */
const COUNT_PAUSE_MS = 1000;

/**
 * @tagname civic-feedback-form
 * @summary A council's feedback form or consultation: ratings, text, choices, email, postcode, consent, equality monitoring.
 *
 * Give it `form` (the id of a `FeedbackForm`) and, when the feedback is about a proposal,
 * `proposal-id`. It follows the GOV.UK Design System's question pages, rebuilt to work inside a
 * shadow root: a label or a fieldset and legend for every question, hints, radios and checkboxes
 * (a rating is a radio group of labelled points; an exclusive "None of these" clears the other
 * checkboxes), follow-up questions revealed under the option that asks them (conditional reveal),
 * the character count (a polite live count of what is left, no hard cut-off), and on submit an
 * error summary that takes focus and links to each field, with the same message beside it. The
 * server's field errors land on the same fields. What a resident types is kept on the device
 * until it is sent, across reloads and failed sends; offline, the answers wait in the outbox and
 * go once, when the network is back. Then a confirmation panel with the reference.
 *
 * Text from the backend is isolated (`dir="auto"`) inside blocks that follow the page's direction,
 * so an English form lines up on a right-to-left page and keeps its punctuation.
 *
 * A host page adds hidden context (which page, which campaign) with `data-context-*` attributes
 * (`data-context-page="/parks"`) or the `context` property; it travels in the response.
 *
 * @csspart form - The form.
 * @csspart title - The form's title (a heading).
 * @csspart description - The form's description.
 * @csspart section - A group of questions under a heading.
 * @csspart section-title - A section's heading.
 * @csspart question - One question: its label or legend, hint, error message and field.
 * @csspart label - The label of a text, email or postcode question.
 * @csspart legend - The legend of a rating, choice or multi-choice question.
 * @csspart hint - A question's hint.
 * @csspart error-message - The message beside a question in error.
 * @csspart input - A one-line text, email or postcode field.
 * @csspart textarea - A text box of several lines.
 * @csspart character-count - The count of characters left under a text field with a limit.
 * @csspart radios - The options of a rating or choice question.
 * @csspart checkboxes - The options of a multi-choice question.
 * @csspart conditional - Follow-up questions revealed under an option.
 * @csspart privacy - The privacy notice beside a consent question.
 * @csspart error-summary - The list of problems shown after a submit, each linking to its field.
 * @csspart submit-button - The "Send" button.
 * @csspart panel - The confirmation shown once the answers are received.
 * @csspart queued - The message shown while the answers wait on the device for the network.
 * @csspart loading - The loading message.
 * @csspart error - The message when the form could not load, or sending it failed.
 * @csspart retry-button - The "Try again" button.
 * @csspart missing - The message shown when the element lacks a form id or a backend.
 *
 * @fires civic-feedback-submitted - The council has the answers; `detail` is `{ receipt, response }`, the response as sent.
 * @fires civic-error - Loading the form failed, or the answers were refused for a reason other than a field; `detail` is the `CivicError`.
 */
export class CivicFeedbackForm extends CivicElement {
  static override styles = [sharedStyles, formStyles, styles];

  /** The id of the feedback form to show. */
  @property({ reflect: true }) form?: string;

  /** The proposal the feedback is about, sent with the answers. */
  @property({ attribute: 'proposal-id', reflect: true }) proposalId?: string;

  /** The heading level of the form's title (2 to 6), to fit the page's outline; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Hidden facts sent with the answers, such as `{ page: location.pathname }`; wins over `data-context-*` attributes. */
  @property({ attribute: false }) context?: Record<string, string>;

  @state() private answers: Record<string, Answer> = {};
  @state() private errors = new Map<string, string>();
  @state() private summary: ErrorSummaryItem[] = [];
  @state() private failure?: CivicError;
  @state() private phase: Phase = 'answering';
  @state() private receipt?: SubmissionReceipt;
  @state() private spoken: Record<string, string> = {};

  /** The idempotency key of the submission being sent; kept in the draft so a resend after a reload is the same one. */
  private key?: string;
  private countTimer?: ReturnType<typeof setTimeout>;
  private listening?: { client: CivicClient; stop: () => void };
  /** A part to focus once the next render is done: the error summary, the panel. */
  private focusNext?: string;

  private readonly draft = new DraftController<unknown>(this, {
    key: () => (this.form ? `feedback:${this.form}:${this.proposalId ?? ''}` : undefined),
    read: (stored) => stored,
  });

  private readonly loader = new LoadController(this, {
    client: () => this.resolvedClient,
    args: () => (this.form ? ([this.form, this.proposalId] as const) : msg('It needs a form attribute naming the feedback form to show.')),
    load: async (client, [formId], signal) => {
      const form = await client.getForm(formId, { signal });
      this.restore(form, client);
      return { form, layout: questionLayout(form) };
    },
    loadingLabel: () => msg('Loading form…'),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while its answers wait in the outbox: listen again for their delivery.
    const loaded = this.loader.value;
    const client = this.resolvedClient;
    if (this.phase === 'queued' && loaded && client && this.key) void this.checkQueued(loaded.form, client, this.key);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
    this.listening?.stop();
    this.listening = undefined;
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(`[part~="${this.focusNext}"]`)?.focus();
    this.focusNext = undefined;
  }

  /** Picks up where the resident left off: the draft's answers, or the wait for a submission still in the outbox. */
  private restore(form: FeedbackForm, client: CivicClient): void {
    const draft = readDraft(this.draft.restore(), form);
    Object.assign(this, { answers: draft?.answers ?? {}, key: draft?.key, errors: new Map(), summary: [], failure: undefined, receipt: undefined });
    this.phase = draft?.queued ? 'queued' : 'answering';
    if (draft?.queued) void this.checkQueued(form, client, draft.key!);
  }

  /** After a reload: the queued submission may have been sent (or refused) while the page was closed. */
  private async checkQueued(form: FeedbackForm, client: CivicClient, key: string): Promise<void> {
    const { outbox } = this.listen(form, client);
    const [pending, failed] = await Promise.all([outbox.pending(), outbox.failed()]);
    if (this.key !== key || this.phase !== 'queued' || pending.some((entry) => entry.key === key)) return;
    const refused = failed.find((entry) => entry.key === key);
    if (!refused) return this.finish();
    void outbox.discard(key);
    this.refuse(form, errorOf(refused.lastError ?? { code: 'http', message: 'Refused while this page was closed' }));
  }

  /** Hears the outbox deliver, or refuse, this form's queued submission in the background. */
  private listen(form: FeedbackForm, client: CivicClient) {
    const shared = outboxFor(client);
    if (this.listening?.client !== client) {
      this.listening?.stop();
      const delivered = shared.onDelivered((entry, receipt) => {
        if (entry.key === this.key && entry.kind === 'feedback') this.finish(receipt, entry.payload);
      });
      const failed = shared.onFailed((entry, error, possiblyDelivered) => {
        if (entry.key !== this.key) return;
        void shared.outbox.discard(entry.key);
        if (possiblyDelivered) this.finish();
        else this.refuse(form, error);
      });
      this.listening = { client, stop: () => (delivered(), failed()) };
    }
    return shared;
  }

  private save(): void {
    this.draft.save({ answers: this.answers, key: this.key, queued: this.phase === 'queued' || undefined } satisfies Draft);
  }

  private setAnswer(question: Question, answer: Answer | undefined): void {
    const answers = { ...this.answers };
    if (answer === undefined) delete answers[question.id];
    else answers[question.id] = answer;
    this.answers = answers;
    this.save();
    const max = question.maxLength;
    if (question.kind === 'text' && max !== undefined && typeof answer === 'string') {
      clearTimeout(this.countTimer);
      this.countTimer = setTimeout(() => {
        this.spoken = { ...this.spoken, [question.id]: charactersLeftMessage(characterLength(answer), max, this.resolvedLocale) };
      }, COUNT_PAUSE_MS);
    }
  }

  private async onSubmit(event: Event, form: FeedbackForm): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    if (!client || this.phase !== 'answering') return;
    const response = buildResponse(form, this.answers, this.proposalId, hostContext(this, this.context));
    const problems = validateFeedback(form, response);
    const isContext = (problem: FeedbackProblem) => problem.code === 'malformed' && problem.field.startsWith('context');
    if (problems.some(isContext)) {
      // The page's mistake, which the resident cannot fix: send the answers without it, and tell the page's developer.
      console.warn('civic-feedback-form: the context was not sent; see CONTEXT_LIMITS', response.context);
      delete response.context;
    }
    const answerProblems = problems.filter((problem) => !isContext(problem));
    if (answerProblems.length) return this.showErrors(form, feedbackFieldErrors(answerProblems));
    this.key ??= newIdempotencyKey();
    Object.assign(this, { phase: 'sending', failure: undefined, errors: new Map(), summary: [] });
    this.save();
    const shared = this.listen(form, client);
    try {
      const result = await shared.outbox.submit('feedback', response, { idempotencyKey: this.key });
      if (result.status === 'sent') return this.finish(result.receipt, response);
      this.phase = 'queued';
      this.focusNext = 'queued';
      this.save();
    } catch (caught) {
      this.refuse(form, toCivicError(caught));
    }
  }

  /** Refused for good: the resident changes their answers and sends a new submission, under a new key. */
  private refuse(form: FeedbackForm, error: CivicError): void {
    this.phase = 'answering';
    this.key = undefined;
    this.save();
    if (error.code === 'validation' && error.fieldErrors.length) return this.showErrors(form, error.fieldErrors);
    this.failure = error;
    emit(this, 'civic-error', error);
  }

  /** GOV.UK's validation pattern: a message beside each field in error, and a focused summary linking to them. */
  private showErrors(form: FeedbackForm, fieldErrors: FieldError[]): void {
    const { byKey, other } = fieldErrorsByKey(fieldErrors, 'answers', form.questions.map((question) => question.id));
    const asked = askedQuestions(form, this.answers);
    const positions = this.loader.value?.layout.positions ?? new Map();
    const errors = new Map<string, string>();
    const summary: ErrorSummaryItem[] = [];
    // A limit the page's copy of the form does not know (the council changed it after the page loaded):
    // only the server's own words say the number that applies.
    const local = validateFeedback(form, buildResponse(form, this.answers, this.proposalId));
    const stale = (questionId: string, code: string) =>
      LIMIT_CODES.has(code) && !local.some((problem) => 'questionId' in problem && problem.questionId === questionId && problem.code === code);
    for (const question of form.questions) {
      const error = byKey.get(question.id)?.[0];
      if (!error) continue;
      const { code } = error;
      const text = stale(question.id, code) && error.detail ? error.detail : problemMessage(question, code, this.resolvedLocale);
      errors.set(question.id, text);
      summary.push({ text, target: asked.has(question.id) ? focusTargetId({ positions }, question) : undefined });
    }
    summary.push(...other.map((error) => ({ text: error.detail || errorMessage(new CivicError('validation', error.field)) })));
    Object.assign(this, { errors, summary, focusNext: 'error-summary' });
  }

  /** The council has the answers (`receipt` unknown when they were sent while this page was closed). */
  private finish(receipt?: SubmissionReceipt, response?: FeedbackResponse): void {
    Object.assign(this, { phase: 'sent', receipt, answers: {}, key: undefined, focusNext: 'panel' });
    this.draft.clear();
    if (receipt && response) emit(this, 'civic-feedback-submitted', { receipt, response });
  }

  protected override render() {
    return this.loader.render(({ form, layout }) => {
      if (this.phase === 'sent') return this.renderPanel();
      if (this.phase === 'queued') {
        return html`<div class="message" part="queued" role="status" tabindex="-1">
          <p class="message__title">${msg('Your answers are saved on this device')}</p>
          <p>${msg('We could not reach the server. We will send your answers once, as soon as the connection is back.')}</p>
        </div>`;
      }
      return this.renderForm(form, layout);
    });
  }

  private get level(): number {
    return Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  private renderForm(form: FeedbackForm, layout: Layout) {
    const asked = askedQuestions(form, this.answers);
    const view: QuestionView = {
      form,
      answers: this.answers,
      errors: this.errors,
      spoken: this.spoken,
      followUps: layout.followUps,
      positions: layout.positions,
      locale: this.resolvedLocale,
      set: (question, answer) => this.setAnswer(question, answer),
    };
    return html`<form class="form" part="form" novalidate @submit=${(event: Event) => this.onSubmit(event, form)}>
      ${renderErrorSummary(this.summary, { root: this.renderRoot, headingLevel: this.level + 1 })}
      <div class="title" part="title" role="heading" aria-level=${this.level}><span dir="auto">${localText(form.title, view.locale)}</span></div>
      ${form.description ? html`<p class="description" part="description"><span dir="auto">${localText(form.description, view.locale)}</span></p>` : nothing}
      ${layout.blocks.map(({ section, questions }, i) => {
        const shown = questions.filter((question) => asked.has(question.id)).map((question) => renderQuestion(view, question));
        if (!section) return shown;
        return html`<section class="section" part="section" aria-labelledby="section-${i}">
          <div class="section__title" part="section-title" id="section-${i}" role="heading" aria-level=${Math.min(6, this.level + 1)}>
            <span dir="auto">${localText(section.title, view.locale)}</span>
          </div>
          ${section.description ? html`<p class="hint"><span dir="auto">${localText(section.description, view.locale)}</span></p>` : nothing}
          ${shown}
        </section>`;
      })}
      ${this.failure ? renderError(this.failure) : nothing}
      <button class="button" part="submit-button" type="submit">${this.phase === 'sending' ? msg('Sending…') : msg('Send')}</button>
    </form>`;
  }

  private renderPanel() {
    return html`<div class="panel" part="panel" tabindex="-1">
      <div class="panel__title" role="heading" aria-level=${this.level}>${msg('Your feedback has been sent')}</div>
      ${this.receipt
        ? html`<div>${msg('Your reference number')}<br /><strong>${this.receipt.id}</strong></div>`
        : html`<div>${msg('Thank you for your feedback.')}</div>`}
    </div>`;
  }
}

defineElement('civic-feedback-form', CivicFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'civic-feedback-form': CivicFeedbackForm;
  }
}
