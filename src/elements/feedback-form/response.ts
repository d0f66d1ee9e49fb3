/**
 * The feedback form's plain logic, apart from rendering: where each question goes on the page,
 * what a stored draft may restore, what the host page adds as context, and the response sent.
 */
import { IDEMPOTENCY_KEY_PATTERN } from '../../client/ids.js';
import { isRecord } from '../../domain/json.js';
import { askedAnswers, isUnanswered, normalizePostcode } from '../../domain/rules/index.js';
import type { Answer, FeedbackForm, FeedbackResponse, FormSection, Question } from '../../domain/types.js';
import { followUpKey } from './questions.js';

/** A run of questions under one section heading (or none). */
export interface Block {
  section?: FormSection;
  questions: Question[];
}

export interface Layout {
  /** Each question's position, for ids unique in the shadow root whatever the question ids contain. */
  positions: Map<string, number>;
  /** Follow-ups revealed under the option of a choice or multi-choice question that asks them (GOV.UK conditional reveal). */
  followUps: Map<string, Question[]>;
  /** The other questions, in order, grouped by section. */
  blocks: Block[];
}

/**
 * Where each question goes. A follow-up asked by one option of a choice (`equals`) or a
 * multi-choice (`includes`) is revealed under that option; any other follow-up (a rating's or a
 * consent's) stays in its place in the form and appears there when asked.
 */
export function questionLayout(form: FeedbackForm): Layout {
  const byId = new Map(form.questions.map((question) => [question.id, question]));
  const positions = new Map(form.questions.map((question, i) => [question.id, i]));
  const followUps = new Map<string, Question[]>();
  const blocks: Block[] = [];
  for (const question of form.questions) {
    const condition = question.showIf;
    const trigger = condition && byId.get(condition.questionId);
    if (trigger && (trigger.kind === 'choice' || trigger.kind === 'multi-choice')) {
      const key = followUpKey(trigger.id, String(condition.includes ?? condition.equals));
      followUps.set(key, [...(followUps.get(key) ?? []), question]);
      continue;
    }
    const last = blocks.at(-1);
    if (last && last.section?.id === question.section) last.questions.push(question);
    else blocks.push({ section: form.sections?.find((section) => section.id === question.section), questions: [question] });
  }
  return { positions, followUps, blocks };
}

/** What is kept on the device while a resident answers: the answers, and the submission's idempotency key once they send. */
export interface Draft {
  answers: Record<string, Answer>;
  key?: string;
  /** Given to the outbox, which will send it when the network is back: show that, not the form. */
  queued?: boolean;
}

const isAnswer = (value: unknown): value is Answer =>
  ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** A stored draft as far as it still fits the form (which may have changed since): answers to questions it still has. */
export function readDraft(stored: unknown, form: FeedbackForm): Draft | undefined {
  if (!isRecord(stored) || !isRecord(stored.answers)) return undefined;
  const ids = new Set(form.questions.map((question) => question.id));
  const answers = Object.fromEntries(
    Object.entries(stored.answers).filter((entry): entry is [string, Answer] => ids.has(entry[0]) && isAnswer(entry[1])),
  );
  const key = typeof stored.key === 'string' && IDEMPOTENCY_KEY_PATTERN.test(stored.key) ? stored.key : undefined;
  return { answers, key, queued: key !== undefined && stored.queued === true };
}

const CONTEXT_PREFIX = 'data-context-';

/** The host page's hidden context: `data-context-*` attributes (`data-context-page="/parks"` → `page`), then the `context` property. */
export function hostContext(host: Element, property: Record<string, string> | undefined): Record<string, string> | undefined {
  const context: Record<string, string> = {};
  for (const { name, value } of host.attributes) if (name.startsWith(CONTEXT_PREFIX)) context[name.slice(CONTEXT_PREFIX.length)] = value;
  Object.assign(context, property);
  return Object.keys(context).length ? context : undefined;
}

/**
 * The response to send: answers to the questions asked only (what a resident typed into a
 * question they then hid stays on the device), without blank ones, text trimmed and postcodes
 * written as Royal Mail does.
 */
export function buildResponse(form: FeedbackForm, answers: Record<string, Answer>, proposalId?: string, context?: Record<string, string>): FeedbackResponse {
  const kinds = new Map(form.questions.map((question) => [question.id, question.kind]));
  const sent: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(askedAnswers(form, answers))) {
    const clean = typeof answer !== 'string' ? answer : kinds.get(id) === 'postcode' ? normalizePostcode(answer) : answer.trim();
    if (!isUnanswered(clean)) sent[id] = clean;
  }
  return { formId: form.id, ...(proposalId ? { proposalId } : {}), answers: sent, ...(context ? { context } : {}) };
}
