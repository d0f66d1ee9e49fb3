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

/**
 * The other way: a refused submission's field errors sorted by what they are about. `under` is
 * the body's member (`answers`, `selections`, `values`) and `keys` its known keys (question ids,
 * which may themselves contain dots); an error on `answers.q2` or deeper (`answers.q2[0]`) is
 * q2's, anything else (`proposalId`, `context.page`, `answers` itself) is left in `other`, so a
 * form can show it above its fields instead of dropping it.
 */
export function fieldErrorsByKey(errors: readonly FieldError[], under: string, keys: Iterable<string>): { byKey: Map<string, FieldError[]>; other: FieldError[] } {
  // Longest first, so question "a.b" wins over question "a" for `answers.a.b`.
  const known = [...keys].sort((a, b) => b.length - a.length);
  const byKey = new Map<string, FieldError[]>();
  const other: FieldError[] = [];
  for (const error of errors) {
    const key = known.find((candidate) => {
      const path = `${under}.${candidate}`;
      return error.field === path || error.field.startsWith(`${path}.`) || error.field.startsWith(`${path}[`);
    });
    if (key === undefined) other.push(error);
    else byKey.set(key, [...(byKey.get(key) ?? []), error]);
  }
  return { byKey, other };
}

/** Minor units as English money text for error details: 1200000 GBP → `£12,000`. */
function moneyFormatter(currency: string): (amount: MinorUnits) => string {
  return (amount) => formatMoney(amount, currency, 'en-GB');
}
