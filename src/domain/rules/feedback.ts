/**
 * Feedback forms: the same kind of pure checks as for ballots, shared by the element, the
 * in-browser backend and the server so all three refuse the same responses.
 */
import type { FeedbackForm, FeedbackResponse, Question } from '../types.js';
import { isRecord } from '../json.js';
import { RATING_MAX, answerOptions, askedQuestions, isRequired } from './feedback-form.js';
import { characterLength } from './text-length.js';

export { RATING_MAX };

/** One broken constraint of a feedback response. */
export type FeedbackProblem =
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'unknown-question'; questionId: string }
  | { code: 'required'; questionId: string }
  | { code: 'too-long'; questionId: string; maxLength: number; actual: number }
  | { code: 'invalid-option'; questionId: string; value: string }
  | { code: 'duplicate'; questionId: string; value: string }
  | { code: 'out-of-range'; questionId: string; min: number; max: number; actual: number }
  /** A required consent question was not agreed to. */
  | { code: 'consent-required'; questionId: string }
  /** An exclusive option ("None of these") was chosen with others. */
  | { code: 'exclusive'; questionId: string; value: string }
  | { code: 'invalid-email'; questionId: string }
  | { code: 'invalid-postcode'; questionId: string }
  /** An answer to a question that the other answers do not ask (its `showIf` is not met). */
  | { code: 'not-asked'; questionId: string };

/** How much context a host page may attach to a response: entries, characters of a key and of a value. */
export const CONTEXT_LIMITS = { entries: 20, key: 64, value: 1_000 } as const;
const CONTEXT_KEY = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The longest email address a mailbox can have (RFC 5321 path limit less its brackets). */
const EMAIL_MAX = 254;

/** An email address as people type them: something, one @, a domain with a dot and a top level of two or more. */
export function isEmailAddress(text: string): boolean {
  return text.length <= EMAIL_MAX && /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/u.test(text);
}

/** A UK postcode as Royal Mail writes it: capitals, one space before the last three characters (`sw1a2aa` → `SW1A 2AA`). */
export function normalizePostcode(text: string): string {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** Whether the text is a full UK postcode in form (not whether Royal Mail delivers to it), in any case and spacing. */
export function isUkPostcode(text: string): boolean {
  return /^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) \d[A-Z]{2}$/.test(normalizePostcode(text));
}

/**
 * Checks a feedback response: known questions, only questions its answers ask (`showIf`),
 * required answers present (a required consent must be `true`; nothing is required in equality
 * monitoring), text within `maxLength` (counted in characters, not UTF-16 units), choices among
 * the options (with "Prefer not to say" in equality monitoring) and an exclusive option alone,
 * ratings from 1 to `RATING_MAX` or among the options, email addresses and UK postcodes in form,
 * and `context` within `CONTEXT_LIMITS`.
 */
export function validateFeedback(form: FeedbackForm, response: FeedbackResponse): FeedbackProblem[] {
  const answers: unknown = (response as { answers?: unknown } | null)?.answers;
  if (!isRecord(answers)) return [{ code: 'malformed', field: 'answers', expected: 'an object of question id to answer' }];
  const questions = new Map(form.questions.map((question) => [question.id, question]));
  const problems: FeedbackProblem[] = Object.keys(answers)
    .filter((id) => !questions.has(id))
    .map((questionId) => ({ code: 'unknown-question', questionId }));
  const asked = askedQuestions(form, answers);
  for (const question of form.questions) {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isUnanswered(answer)) {
      if (asked.has(question.id) && isRequired(form, question)) {
        problems.push({ code: question.kind === 'consent' ? 'consent-required' : 'required', questionId: question.id });
      }
    } else if (!asked.has(question.id)) {
      problems.push({ code: 'not-asked', questionId: question.id });
    } else {
      problems.push(...answerProblems(form, question, answer));
    }
  }
  return [...problems, ...contextProblems((response as { context?: unknown }).context)];
}

/** Whether an answer counts as no answer: absent, blank text, an empty list, or a consent not given. */
export function isUnanswered(answer: unknown): boolean {
  return answer === undefined || answer === null || answer === false || (typeof answer === 'string' && answer.trim() === '') ||
    (Array.isArray(answer) && answer.length === 0);
}

function answerProblems(form: FeedbackForm, question: Question, answer: unknown): FeedbackProblem[] {
  const field = `answers.${question.id}`;
  const options = answerOptions(form, question);
  const values = new Set(options.map((option) => option.value));
  const questionId = question.id;
  switch (question.kind) {
    case 'consent':
      return answer === true ? [] : [{ code: 'malformed', field, expected: 'true or false' }];
    case 'text': {
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'text' }];
      const length = characterLength(answer);
      return question.maxLength !== undefined && length > question.maxLength
        ? [{ code: 'too-long', questionId, maxLength: question.maxLength, actual: length }]
        : [];
    }
    case 'email':
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'text' }];
      return isEmailAddress(answer.trim()) ? [] : [{ code: 'invalid-email', questionId }];
    case 'postcode':
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'text' }];
      return isUkPostcode(answer) ? [] : [{ code: 'invalid-postcode', questionId }];
    case 'choice':
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'one option value' }];
      return values.has(answer) ? [] : [{ code: 'invalid-option', questionId, value: answer }];
    case 'multi-choice': {
      if (!Array.isArray(answer) || !answer.every((value) => typeof value === 'string')) {
        return [{ code: 'malformed', field, expected: 'a list of option values' }];
      }
      const invalid = answer.filter((value) => !values.has(value)).map((value): FeedbackProblem => ({ code: 'invalid-option', questionId, value }));
      const repeated = [...new Set(answer.filter((value, index) => answer.indexOf(value) !== index))];
      const alone = new Set(answer).size > 1 ? options.filter((option) => option.exclusive && answer.includes(option.value)) : [];
      return [
        ...invalid,
        ...repeated.map((value): FeedbackProblem => ({ code: 'duplicate', questionId, value })),
        ...alone.map((option): FeedbackProblem => ({ code: 'exclusive', questionId, value: option.value })),
      ];
    }
    case 'rating':
      if (typeof answer !== 'number' || !Number.isSafeInteger(answer)) return [{ code: 'malformed', field, expected: 'a whole number' }];
      if (values.size > 0) return values.has(String(answer)) ? [] : [{ code: 'invalid-option', questionId, value: String(answer) }];
      return answer >= 1 && answer <= RATING_MAX ? [] : [{ code: 'out-of-range', questionId, min: 1, max: RATING_MAX, actual: answer }];
  }
}

/** The host page's context: absent (or null), or a small object of names to plain text. */
function contextProblems(context: unknown): FeedbackProblem[] {
  if (context === undefined || context === null) return [];
  if (!isRecord(context)) return [{ code: 'malformed', field: 'context', expected: 'an object of names to text' }];
  const entries = Object.entries(context);
  if (entries.length > CONTEXT_LIMITS.entries) return [{ code: 'malformed', field: 'context', expected: `at most ${CONTEXT_LIMITS.entries} entries` }];
  return entries.flatMap(([key, value]): FeedbackProblem[] => {
    if (!CONTEXT_KEY.test(key)) {
      return [{ code: 'malformed', field: 'context', expected: `named with 1 to ${CONTEXT_LIMITS.key} letters, digits, “_”, “.”, “:” or “-”` }];
    }
    return typeof value === 'string' && characterLength(value) <= CONTEXT_LIMITS.value
      ? []
      : [{ code: 'malformed', field: `context.${key}`, expected: `text of at most ${CONTEXT_LIMITS.value} characters` }];
  });
}

/** A plain English sentence for a feedback problem, for logs and problem+json `detail`. */
export function describeFeedbackProblem(problem: FeedbackProblem): string {
  switch (problem.code) {
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'unknown-question':
      return `There is no question ${problem.questionId} in this form.`;
    case 'required':
      return `Answer question ${problem.questionId}.`;
    case 'too-long':
      return `The answer to ${problem.questionId} is ${problem.actual} characters; the most is ${problem.maxLength}.`;
    case 'invalid-option':
      return `"${problem.value}" is not one of the options of ${problem.questionId}.`;
    case 'duplicate':
      return `"${problem.value}" is chosen more than once in ${problem.questionId}.`;
    case 'out-of-range':
      return `Rate ${problem.questionId} from ${problem.min} to ${problem.max}, not ${problem.actual}.`;
    case 'consent-required':
      return `Agree to ${problem.questionId} to send your answers.`;
    case 'exclusive':
      return `"${problem.value}" cannot be chosen with other options of ${problem.questionId}.`;
    case 'invalid-email':
      return `The answer to ${problem.questionId} is not an email address like name@example.com.`;
    case 'invalid-postcode':
      return `The answer to ${problem.questionId} is not a full UK postcode like SW1A 2AA.`;
    case 'not-asked':
      return `Question ${problem.questionId} is not asked with these answers, so it cannot be answered.`;
  }
}
