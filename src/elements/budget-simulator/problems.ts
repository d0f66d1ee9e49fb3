/**
 * What the error summary says when a budget cannot be sent: by how much it misses the mode, and
 * where (the lines that moved it the wrong way, so a resident can go straight to them), from the
 * domain's `validateSimulation`, the same rules the backend applies.
 */
import { msg, str } from '@lit/localize';
import type { CivicError } from '../../client/client.js';
import type { BudgetLine, Simulation } from '../../domain/types.js';
import { lineAmount, lineValue, validateSimulation, type SimulationProblem } from '../../domain/rules/simulation.js';
import { MAX_SIMULATION_COMMENT } from '../../domain/rules/simulation.js';
import { formatMoneyCompact, formatNumber } from '../../domain/format.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { formatChange, formatPoints } from '../budget-slider/value-text.js';
import { textIn } from '../../domain/localized-text.js';

/** One item of the error summary: its words, and the line (or the comment) it takes focus to. */
export interface SummaryProblem {
  text: string;
  lineId?: string;
  comment?: boolean;
}

/** How many lines "where" names at most: enough to start from, few enough to read. */
const MOST_LINES = 3;

/** The problems of the budget as it stands, checked as the backend will check it; empty when it can be sent. */
export function budgetProblems(simulation: Simulation, values: Readonly<Record<string, number>>, comment: string, locale: string): SummaryProblem[] {
  const problems = validateSimulation(simulation, { simulationId: simulation.id, values: { ...values }, comment: comment || undefined });
  return problems.flatMap((problem) => describe(problem, simulation, values, locale));
}

/** The error summary for a refused submission: the backend's field errors, in the resident's words where we know them. */
export function refusalProblems(error: CivicError, simulation: Simulation, values: Readonly<Record<string, number>>, locale: string): SummaryProblem[] {
  if (error.code !== 'validation' || error.fieldErrors.length === 0) return [{ text: errorMessage(error) }];
  const local = budgetProblems(simulation, values, '', locale);
  return error.fieldErrors.flatMap((fieldError): SummaryProblem[] => {
    if (fieldError.field === 'comment') return [{ text: commentTooLong(locale), comment: true }];
    const lineId = fieldError.field.startsWith('values.') ? fieldError.field.slice('values.'.length) : undefined;
    const line = lineId === undefined ? undefined : simulation.lines.find((candidate) => candidate.id === lineId);
    if (line) return [{ text: `${textIn(line.label, locale)}: ${fieldError.detail}`, lineId: line.id }];
    // The balance: our own words when the rules here agree, the backend's otherwise.
    if (fieldError.field === 'values' && local.length > 0) return local;
    return [{ text: fieldError.detail || errorMessage(error) }];
  });
}

export function commentTooLong(locale: string): string {
  return msg(str`Your comment must be ${formatNumber(MAX_SIMULATION_COMMENT, locale)} characters or fewer`);
}

function describe(problem: SimulationProblem, simulation: Simulation, values: Readonly<Record<string, number>>, locale: string): SummaryProblem[] {
  const money = (amount: number) => formatMoneyCompact(amount, simulation.currency, locale);
  const line = 'lineId' in problem ? simulation.lines.find((candidate) => candidate.id === problem.lineId) : undefined;
  const tolerance = simulation.tolerance ?? 0;
  switch (problem.code) {
    case 'unbalanced': {
      const where = movedTheWrongWay(simulation, values, 'over', locale);
      const text = tolerance > 0
        ? msg(str`Spending is ${money(problem.over)} more than income: find at least ${money(problem.over - tolerance)} by spending less or raising more`)
        : msg(str`Spending is ${money(problem.over)} more than income: spend less or raise more to balance the budget`);
      return [{ text, lineId: where[0]?.lineId ?? firstMovable(simulation) }, ...where];
    }
    case 'unspent': {
      const where = movedTheWrongWay(simulation, values, 'under', locale);
      const text = msg(str`Income is ${money(problem.under)} more than spending: spend at least ${money(problem.under - tolerance)} more or raise less`);
      return [{ text, lineId: where[0]?.lineId ?? firstMovable(simulation) }, ...where];
    }
    case 'points-left':
      return [{ text: msg(str`You have ${formatPoints(problem.left, locale)} left: give them to the lines that matter most to you`), lineId: firstMovable(simulation) }];
    case 'points-over': {
      const where = movedTheWrongWay(simulation, values, 'over', locale);
      return [{ text: msg(str`You have given ${formatPoints(problem.over, locale)} too many: take them away from some lines`), lineId: where[0]?.lineId }, ...where];
    }
    default:
      // A value out of range, off a step or on a locked line: the sliders never make one, but a
      // draft or a changed simulation might. A comment too long is the only other problem.
      if (problem.code === 'malformed' && problem.field === 'comment') return [{ text: commentTooLong(locale), comment: true }];
      return [{ text: msg(str`${line?.label ?? ''}: this amount cannot be used`), lineId: line?.id }];
  }
}

/**
 * The lines the resident moved towards the problem, biggest first: more spending or less income
 * when the budget is over, the reverse when money is left unspent.
 */
function movedTheWrongWay(simulation: Simulation, values: Readonly<Record<string, number>>, towards: 'over' | 'under', locale: string): SummaryProblem[] {
  const effect = (line: BudgetLine) => {
    const change = lineAmount(line, lineValue(line, values)) - lineAmount(line, line.baseline);
    return line.kind === 'spending' ? change : -change;
  };
  return simulation.lines
    .filter((line) => (towards === 'over' ? effect(line) > 0 : effect(line) < 0))
    .sort((a, b) => Math.abs(effect(b)) - Math.abs(effect(a)))
    .slice(0, MOST_LINES)
    .map((line) => ({
      text: `${textIn(line.label, locale)}: ${formatChange(lineValue(line, values), line.baseline, { unit: line.unit, currency: simulation.currency, locale })}`,
      lineId: line.id,
    }));
}

function firstMovable(simulation: Simulation): string | undefined {
  return simulation.lines.find((line) => !line.locked && line.min !== line.max)?.id;
}
