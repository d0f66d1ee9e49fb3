/**
 * What a feedback form asks, given the answers so far: which questions are asked (a `showIf`
 * question only once an earlier answer reveals it), which must be answered, which options each
 * offers; and the checks a form definition must pass before residents see it. Pure, shared by the
 * element, the in-browser backend, the REST schemas and the server.
 */
import type { Answer, FeedbackForm, FormSection, Question, QuestionOption, ShowIf } from '../types.js';

/** A rating question without options is a whole number from 1 to this. */
export const RATING_MAX = 5;

/** The option value every equality-monitoring question offers for "Prefer not to say". */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** The section a question belongs to, if any. */
export function sectionOf(form: FeedbackForm, question: Question): FormSection | undefined {
  return question.section === undefined ? undefined : form.sections?.find((section) => section.id === question.section);
}

/** Whether a question must be answered when it is asked: equality-monitoring questions never must. */
export function isRequired(form: FeedbackForm, question: Question): boolean {
  return question.required && !sectionOf(form, question)?.equalityMonitoring;
}

/**
 * The options a resident can pick: the question's own, then "Prefer not to say" (exclusive) in an
 * equality-monitoring section when the form does not list it. `preferNotToSay` is its label, so an
 * element can pass a translation.
 */
export function answerOptions(form: FeedbackForm, question: Question, preferNotToSay = 'Prefer not to say'): QuestionOption[] {
  const own = question.options ?? [];
  const offersOptOut = (question.kind === 'choice' || question.kind === 'multi-choice') && sectionOf(form, question)?.equalityMonitoring;
  if (!offersOptOut || own.some((option) => option.value === PREFER_NOT_TO_SAY)) return own;
  return [...own, { value: PREFER_NOT_TO_SAY, label: preferNotToSay, exclusive: true }];
}

/** Whether an answer meets a `showIf` condition. Scalars compare as text, so `equals: 1` and `"1"` both match a rating of 1. */
export function meetsCondition(condition: ShowIf, answer: unknown): boolean {
  if (condition.includes !== undefined) return Array.isArray(answer) && answer.includes(condition.includes);
  if (condition.equals === undefined || answer === undefined || answer === null || typeof answer === 'object') return false;
  return String(answer) === String(condition.equals);
}

/**
 * The ids of the questions asked, given the answers so far: every question without `showIf`, and
 * each `showIf` question whose earlier question is asked and answered as the condition says.
 * A condition on a later or unknown question is never met.
 */
export function askedQuestions(form: FeedbackForm, answers: Readonly<Record<string, unknown>>): Set<string> {
  const asked = new Set<string>();
  for (const question of form.questions) {
    const condition = question.showIf;
    if (!condition || (asked.has(condition.questionId) && meetsCondition(condition, answers[condition.questionId]))) asked.add(question.id);
  }
  return asked;
}

/** Only the answers to questions asked: what a form sends, so nothing typed into a hidden question leaves the device. */
export function askedAnswers(form: FeedbackForm, answers: Readonly<Record<string, Answer>>): Record<string, Answer> {
  const asked = askedQuestions(form, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id)));
}

/** One inconsistency in a form definition: where (`questions[3].showIf`), and what is wrong. */
export interface FormProblem {
  path: string;
  message: string;
}

const isWholeNumber = (value: string) => /^-?\d{1,15}$/.test(value);

/**
 * Checks a form definition: unique ids, sections that exist, `showIf` on an earlier question with
 * a value it can have, rating options whose values are whole numbers, and equality-monitoring
 * sections whose questions can all be answered "Prefer not to say" (choices, or follow-ups shown
 * by an earlier answer).
 */
export function formProblems(form: FeedbackForm): FormProblem[] {
  const problems: FormProblem[] = [];
  const sections = new Map<string, FormSection>();
  (form.sections ?? []).forEach((section, i) => {
    if (sections.has(section.id)) problems.push({ path: `sections[${i}].id`, message: `Two sections have the id "${section.id}"` });
    sections.set(section.id, section);
  });
  const earlier = new Map<string, Question>();
  form.questions.forEach((question, i) => {
    const at = `questions[${i}]`;
    if (earlier.has(question.id)) problems.push({ path: `${at}.id`, message: `Two questions have the id "${question.id}"` });
    const section = question.section === undefined ? undefined : sections.get(question.section);
    if (question.section !== undefined && !section) problems.push({ path: `${at}.section`, message: `There is no section "${question.section}"` });
    if (question.kind === 'rating' && question.options?.some((option) => !isWholeNumber(option.value))) {
      problems.push({ path: `${at}.options`, message: 'The values of a rating’s points must be whole numbers' });
    }
    if (question.showIf) problems.push(...conditionProblems(form, question.showIf, earlier, `${at}.showIf`));
    if (section?.equalityMonitoring && question.kind !== 'choice' && question.kind !== 'multi-choice' && !question.showIf) {
      problems.push({ path: `${at}.kind`, message: 'An equality-monitoring question must be a choice (so it can offer “Prefer not to say”) or a follow-up shown by an earlier answer' });
    }
    earlier.set(question.id, question);
  });
  return problems;
}

function conditionProblems(form: FeedbackForm, condition: ShowIf, earlier: ReadonlyMap<string, Question>, path: string): FormProblem[] {
  const trigger = earlier.get(condition.questionId);
  if (!trigger) return [{ path: `${path}.questionId`, message: `"${condition.questionId}" is not an earlier question of the form` }];
  if ((condition.equals === undefined) === (condition.includes === undefined)) {
    return [{ path, message: 'Give exactly one of equals and includes' }];
  }
  if ((condition.includes !== undefined) !== (trigger.kind === 'multi-choice')) {
    return [{ path, message: 'Use includes for a multi-choice question, equals for any other' }];
  }
  const value = String(condition.includes ?? condition.equals);
  const options = answerOptions(form, trigger).map((option) => option.value);
  const possible =
    options.length > 0 ? options.includes(value)
    : trigger.kind === 'rating' ? isWholeNumber(value) && Number(value) >= 1 && Number(value) <= RATING_MAX
    : trigger.kind === 'consent' ? value === 'true'
    : true;
  return possible ? [] : [{ path, message: `"${trigger.id}" is never answered "${value}"` }];
}
