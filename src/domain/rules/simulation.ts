/**
 * Budget simulations: the same kind of pure checks as for ballots, shared by the in-browser
 * backend and the server so both refuse the same submissions.
 */
import type { BudgetLine, MinorUnits, Simulation, SimulationSubmission } from '../types.js';
import { addMinorUnits } from '../money.js';
import { isRecord } from '../json.js';

/** One broken constraint of a budget simulation submission. */
export type SimulationProblem =
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'unknown-line'; lineId: string }
  | { code: 'out-of-range'; lineId: string; min: number; max: number; actual: number }
  | { code: 'off-step'; lineId: string; step: number; actual: number }
  | { code: 'locked'; lineId: string; baseline: number; actual: number }
  /** Spending is more than revenue, by `over` minor units. */
  | { code: 'unbalanced'; spending: MinorUnits; revenue: MinorUnits; over: MinorUnits };

/** Spending and revenue of a set of line values, in minor units. */
export interface SimulationBalance {
  spending: MinorUnits;
  revenue: MinorUnits;
  /** Revenue minus spending: negative means the budget does not balance. */
  surplus: MinorUnits;
}

/** The longest comment a simulation submission may carry, in characters. */
export const MAX_SIMULATION_COMMENT = 2000;

/**
 * Spending and revenue totals for the given values; a line without a value counts at its
 * baseline. A percent line is worth `value × amountPerPercent`, rounded to whole minor units.
 */
export function simulationBalance(simulation: Simulation, values: Readonly<Record<string, number>>): SimulationBalance {
  let spending = 0;
  let revenue = 0;
  for (const line of simulation.lines) {
    const value = Object.hasOwn(values, line.id) ? values[line.id]! : line.baseline;
    const amount = line.unit === 'percent' ? Math.round(value * (line.amountPerPercent ?? 0)) : value;
    if (line.kind === 'spending') spending = addMinorUnits(spending, amount, `line ${line.id}`);
    else revenue = addMinorUnits(revenue, amount, `line ${line.id}`);
  }
  return { spending, revenue, surplus: revenue - spending };
}

/**
 * Checks a simulation submission: known lines, values within min/max and on a step from min,
 * locked lines at their baseline, currency values whole minor units, and spending no more than
 * revenue. Lines left out count at their baseline.
 */
export function validateSimulation(simulation: Simulation, submission: SimulationSubmission): SimulationProblem[] {
  const values: unknown = (submission as { values?: unknown } | null)?.values;
  if (!isRecord(values)) return [{ code: 'malformed', field: 'values', expected: 'an object of line id to value' }];
  const comment: unknown = submission.comment;
  const problems: SimulationProblem[] = [];
  if (comment !== undefined && (typeof comment !== 'string' || [...comment].length > MAX_SIMULATION_COMMENT)) {
    problems.push({ code: 'malformed', field: 'comment', expected: `text of at most ${MAX_SIMULATION_COMMENT} characters` });
  }
  const lines = new Map(simulation.lines.map((line) => [line.id, line]));
  for (const [lineId, value] of Object.entries(values)) {
    const line = lines.get(lineId);
    if (!line) problems.push({ code: 'unknown-line', lineId });
    else problems.push(...lineValueProblems(line, value));
  }
  if (problems.length > 0) return problems;
  const balance = simulationBalance(simulation, values as Record<string, number>);
  if (balance.surplus < 0) {
    problems.push({ code: 'unbalanced', spending: balance.spending, revenue: balance.revenue, over: -balance.surplus });
  }
  return problems;
}

function lineValueProblems(line: BudgetLine, value: unknown): SimulationProblem[] {
  const field = `values.${line.id}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ code: 'malformed', field, expected: 'a number' }];
  if (line.unit === 'currency' && !Number.isSafeInteger(value)) {
    return [{ code: 'malformed', field, expected: 'a whole number of minor units' }];
  }
  if (line.locked && value !== line.baseline) return [{ code: 'locked', lineId: line.id, baseline: line.baseline, actual: value }];
  if (value < line.min || value > line.max) {
    return [{ code: 'out-of-range', lineId: line.id, min: line.min, max: line.max, actual: value }];
  }
  const steps = (value - line.min) / line.step;
  // Percent steps such as 0.1 are not exact in binary, so "on a step" allows rounding noise.
  if (Math.abs(steps - Math.round(steps)) > 1e-9) return [{ code: 'off-step', lineId: line.id, step: line.step, actual: value }];
  return [];
}

/** A plain English sentence for a simulation problem, for logs and problem+json `detail`. */
export function describeSimulationProblem(problem: SimulationProblem, formatMoney: (amount: MinorUnits) => string = String): string {
  switch (problem.code) {
    case 'malformed':
      return `${problem.field} must be ${problem.expected}.`;
    case 'unknown-line':
      return `There is no budget line ${problem.lineId}.`;
    case 'out-of-range':
      return `${problem.lineId} must be from ${problem.min} to ${problem.max}, not ${problem.actual}.`;
    case 'off-step':
      return `${problem.lineId} moves in steps of ${problem.step}; ${problem.actual} is between two steps.`;
    case 'locked':
      return `${problem.lineId} cannot be changed from ${problem.baseline}.`;
    case 'unbalanced':
      return `Spending is ${formatMoney(problem.over)} more than the money coming in.`;
  }
}
