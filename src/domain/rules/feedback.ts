/**
 * Feedback forms: the same kind of pure checks as for ballots, shared by the in-browser backend
 * and the server so both refuse the same responses.
 */
import type { FeedbackForm, FeedbackResponse, Question } from '../types.js';
import { isRecord } from '../json.js';

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
  | { code: 'consent-required'; questionId: string };

/** A rating question without options is a whole number from 1 to this. */
export const RATING_MAX = 5;

/**
 * Checks a feedback response: known questions, required answers present (a required consent must
 * be `true`), text within `maxLength` (counted in characters, not UTF-16 units), choices among the
 * options, ratings from 1 to `RATING_MAX` or among the options when the question lists some.
 */
export function validateFeedback(form: FeedbackForm, response: FeedbackResponse): FeedbackProblem[] {
  const answers: unknown = (response as { answers?: unknown } | null)?.answers;
  if (!isRecord(answers)) return [{ code: 'malformed', field: 'answers', expected: 'an object of question id to answer' }];
  const questions = new Map(form.questions.map((question) => [question.id, question]));
  const problems: FeedbackProblem[] = Object.keys(answers)
    .filter((id) => !questions.has(id))
    .map((questionId) => ({ code: 'unknown-question', questionId }));
  for (const question of form.questions) {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isUnanswered(answer)) {
      if (question.required) problems.push({ code: question.kind === 'consent' ? 'consent-required' : 'required', questionId: question.id });
    } else {
      problems.push(...answerProblems(question, answer));
    }
  }
  return problems;
}

function isUnanswered(answer: unknown): boolean {
  return answer === undefined || answer === null || answer === false || (typeof answer === 'string' && answer.trim() === '') ||
    (Array.isArray(answer) && answer.length === 0);
}

function answerProblems(question: Question, answer: unknown): FeedbackProblem[] {
  const field = `answers.${question.id}`;
  const options = new Set((question.options ?? []).map((option) => option.value));
  const questionId = question.id;
  switch (question.kind) {
    case 'consent':
      return answer === true ? [] : [{ code: 'malformed', field, expected: 'true or false' }];
    case 'text': {
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'text' }];
      const length = [...answer].length;
      return question.maxLength !== undefined && length > question.maxLength
        ? [{ code: 'too-long', questionId, maxLength: question.maxLength, actual: length }]
        : [];
    }
    case 'choice':
      if (typeof answer !== 'string') return [{ code: 'malformed', field, expected: 'one option value' }];
      return options.has(answer) ? [] : [{ code: 'invalid-option', questionId, value: answer }];
    case 'multi-choice': {
      if (!Array.isArray(answer) || !answer.every((value) => typeof value === 'string')) {
        return [{ code: 'malformed', field, expected: 'a list of option values' }];
      }
      const invalid = answer.filter((value) => !options.has(value)).map((value): FeedbackProblem => ({ code: 'invalid-option', questionId, value }));
      const repeated = [...new Set(answer.filter((value, index) => answer.indexOf(value) !== index))];
      return [...invalid, ...repeated.map((value): FeedbackProblem => ({ code: 'duplicate', questionId, value }))];
    }
    case 'rating':
      if (typeof answer !== 'number' || !Number.isSafeInteger(answer)) return [{ code: 'malformed', field, expected: 'a whole number' }];
      if (options.size > 0) return options.has(String(answer)) ? [] : [{ code: 'invalid-option', questionId, value: String(answer) }];
      return answer >= 1 && answer <= RATING_MAX ? [] : [{ code: 'out-of-range', questionId, min: 1, max: RATING_MAX, actual: answer }];
  }
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
  }
}
