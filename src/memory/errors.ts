/**
 * The `CivicError`s the in-browser backend answers with: rule problems become field errors with
 * English details, as the reference server's problem+json does.
 */
import { CivicError, type FieldError } from '../client/client.js';
import { formatMoney } from '../domain/format.js';
import {
  describeFeedbackProblem,
  describeProblem,
  describeSimulationProblem,
  type BallotProblem,
  type FeedbackProblem,
  type SimulationProblem,
} from '../domain/rules/index.js';
import type { MinorUnits } from '../domain/types.js';

/** Our own copy of a caller's submission, so that changing it later cannot change the store. */
export function ownCopy<T>(input: T, what: string): T {
  try {
    return structuredClone(input);
  } catch (cause) {
    throw new CivicError('validation', `The ${what} must be plain data (no functions or DOM objects)`, { status: 422, cause });
  }
}

/** Ballot problems as field errors, with money in the round's currency. */
export function ballotFieldErrors(problems: BallotProblem[], currency: string): FieldError[] {
  const money = moneyFormatter(currency);
  return problems.map((problem) => ({
    field: 'proposalId' in problem ? `selections.${problem.proposalId}` : problem.code === 'malformed' ? problem.field : problem.code === 'wrong-kind' ? 'kind' : 'selections',
    code: problem.code,
    detail: describeProblem(problem, money),
  }));
}

/** Simulation problems as field errors, with money in the simulation's currency. */
export function simulationFieldErrors(problems: SimulationProblem[], currency: string): FieldError[] {
  const money = moneyFormatter(currency);
  return problems.map((problem) => ({
    field: 'lineId' in problem ? `values.${problem.lineId}` : problem.code === 'malformed' ? problem.field : 'values',
    code: problem.code,
    detail: describeSimulationProblem(problem, money),
  }));
}

/** Feedback problems as field errors. */
export function feedbackFieldErrors(problems: FeedbackProblem[]): FieldError[] {
  return problems.map((problem) => ({
    field: 'questionId' in problem ? `answers.${problem.questionId}` : problem.field,
    code: problem.code,
    detail: describeFeedbackProblem(problem),
  }));
}

/** A 422 `validation` CivicError whose detail joins its field errors' details. */
export function validationError(message: string, fieldErrors: FieldError[]): CivicError {
  return new CivicError('validation', message, { status: 422, detail: fieldErrors.map((error) => error.detail).join(' '), fieldErrors });
}

/** A `validation` CivicError for one field that does not have the expected form. */
export function malformed(field: string, expected: string): CivicError {
  return validationError(`${field} must be ${expected}`, [{ field, code: 'malformed', detail: `${field} must be ${expected}.` }]);
}

/** Minor units as English money text for error details: 1200000 GBP → `£12,000`. */
function moneyFormatter(currency: string): (amount: MinorUnits) => string {
  return (amount) => formatMoney(amount, currency, 'en-GB');
}
