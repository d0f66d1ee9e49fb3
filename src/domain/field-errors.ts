/**
 * Rule problems as the field errors of a refused submission (problem+json `errors`), with plain
 * English details and money in the round's or simulation's currency. The in-browser backend and
 * the server answer with these, so a form maps either one's errors onto its fields the same way.
 */
import { formatMoney } from './format.js';
import { describeFeedbackProblem, describeProblem, describeSimulationProblem, type BallotProblem, type FeedbackProblem, type SimulationProblem } from './rules/index.js';
import type { FieldError, MinorUnits } from './types.js';

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

/** Minor units as English money text for error details: 1200000 GBP → `£12,000`. */
function moneyFormatter(currency: string): (amount: MinorUnits) => string {
  return (amount) => formatMoney(amount, currency, 'en-GB');
}
