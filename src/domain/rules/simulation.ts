/**
 * Budget simulations: the same kind of pure checks as for ballots, shared by the element, the
 * in-browser backend and the server so that all three count, judge and refuse budgets alike.
 *
 * A simulation's `mode` says what a submitted budget must achieve (`no-deficit` by default, the
 * rule before modes existed; `balance` within `tolerance`; `points`, exactly `points` points).
 * `simulationBalance` is the running figure residents watch; `validateSimulation` is its verdict.
 */
import type { BudgetLine, BudgetLineImpact, MinorUnits, Simulation, SimulationMode, SimulationSubmission } from '../types.js';
import { addMinorUnits } from '../money.js';
import { isRecord } from '../json.js';
import { characterLength } from './text-length.js';

/** One broken constraint of a budget simulation submission. */
export type SimulationProblem =
  | { code: 'malformed'; field: string; expected: string }
  | { code: 'unknown-line'; lineId: string }
  | { code: 'out-of-range'; lineId: string; min: number; max: number; actual: number }
  | { code: 'off-step'; lineId: string; step: number; actual: number }
  | { code: 'locked'; lineId: string; baseline: number; actual: number }
  /**
   * Spending is more than income by `over` minor units, beyond the `tolerance` the simulation
   * allows (present only when it sets one): `over - tolerance` must still be found.
   */
  | { code: 'unbalanced'; spending: MinorUnits; revenue: MinorUnits; over: MinorUnits; tolerance?: MinorUnits }
  /** `balance` mode: income is more than spending by `under`, beyond the tolerance: money left unspent. */
  | { code: 'unspent'; spending: MinorUnits; revenue: MinorUnits; under: MinorUnits; tolerance?: MinorUnits }
  /** `points` mode: `left` of the `points` are not spent yet. */
  | { code: 'points-left'; points: number; spent: number; left: number }
  /** `points` mode: `over` points more than the `points` are spent. */
  | { code: 'points-over'; points: number; spent: number; over: number };

/** Where a set of line values stands against the simulation's mode. */
export interface SimulationBalance {
  /** Total of the spending lines: minor units, or points in `points` mode. */
  spending: number;
  /** Total of the income lines in minor units; in `points` mode, the points to spend. */
  revenue: number;
  /** Revenue minus spending: negative means more is spent than there is. */
  surplus: number;
  /** `money` for the money modes, `points` for `points` mode: the unit of every figure here. */
  unit: 'money' | 'points';
  /**
   * `balanced`: the values meet the mode. `over`: too much is spent (cut spending, raise income,
   * take points away). `under`: too little is spent (`balance` mode past its tolerance, points left).
   */
  status: 'balanced' | 'over' | 'under';
  /** The least change that would meet the mode: 0 when balanced. */
  gap: number;
}

/** The longest comment a simulation submission may carry, in characters. */
export const MAX_SIMULATION_COMMENT = 2000;

/** The simulation's mode; `no-deficit` when it names none. */
export function simulationMode(simulation: Simulation): SimulationMode {
  return simulation.mode ?? 'no-deficit';
}

/** What a line's value adds to its side: minor units (a percent line priced by `amountPerPercent`), or points. */
export function lineAmount(line: BudgetLine, value: number): number {
  return line.unit === 'percent' ? Math.round(value * (line.amountPerPercent ?? 0)) : value;
}

/** The value a line has in `values`, or its baseline when it has none there. */
export function lineValue(line: BudgetLine, values: Readonly<Record<string, number>>): number {
  return Object.hasOwn(values, line.id) ? values[line.id]! : line.baseline;
}

/**
 * Totals of the given values and where they stand against the mode; a line without a value counts
 * at its baseline. Sums of money are exact (whole minor units), or this throws naming the line.
 */
export function simulationBalance(simulation: Simulation, values: Readonly<Record<string, number>>): SimulationBalance {
  let spending = 0;
  let revenue = 0;
  for (const line of simulation.lines) {
    const amount = lineAmount(line, lineValue(line, values));
    if (line.kind === 'spending') spending = addMinorUnits(spending, amount, `line ${line.id}`);
    else revenue = addMinorUnits(revenue, amount, `line ${line.id}`);
  }
  const mode = simulationMode(simulation);
  if (mode === 'points') {
    // Points are spent, never earned: the budget is the simulation's points.
    const points = simulation.points ?? 0;
    const surplus = points - spending;
    return { spending, revenue: points, surplus, unit: 'points', status: surplus === 0 ? 'balanced' : surplus < 0 ? 'over' : 'under', gap: Math.abs(surplus) };
  }
  const surplus = revenue - spending;
  const tolerance = simulation.tolerance ?? 0;
  if (surplus < -tolerance) return { spending, revenue, surplus, unit: 'money', status: 'over', gap: -surplus - tolerance };
  if (mode === 'balance' && surplus > tolerance) return { spending, revenue, surplus, unit: 'money', status: 'under', gap: surplus - tolerance };
  return { spending, revenue, surplus, unit: 'money', status: 'balanced', gap: 0 };
}

/**
 * Checks a simulation submission: known lines, values within min/max and on a step from min (or
 * at either end or the baseline),
 * locked lines at their baseline, money and points in whole units, a comment of at most
 * `MAX_SIMULATION_COMMENT` characters, then the mode (see `simulationBalance`). Lines left out
 * count at their baseline.
 */
export function validateSimulation(simulation: Simulation, submission: SimulationSubmission): SimulationProblem[] {
  const values: unknown = (submission as { values?: unknown } | null)?.values;
  if (!isRecord(values)) return [{ code: 'malformed', field: 'values', expected: 'an object of line id to value' }];
  const comment: unknown = submission.comment;
  const problems: SimulationProblem[] = [];
  if (comment !== undefined && (typeof comment !== 'string' || characterLength(comment) > MAX_SIMULATION_COMMENT)) {
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
  const problem = balanceProblem(simulation, balance);
  return problem ? [problem] : [];
}

function balanceProblem(simulation: Simulation, balance: SimulationBalance): SimulationProblem | undefined {
  if (balance.status === 'balanced') return undefined;
  const { spending, revenue, surplus } = balance;
  if (balance.unit === 'points') {
    return balance.status === 'over'
      ? { code: 'points-over', points: revenue, spent: spending, over: -surplus }
      : { code: 'points-left', points: revenue, spent: spending, left: surplus };
  }
  // Named only when set, so a simulation without one reports what it always did.
  const tolerance = simulation.tolerance ? { tolerance: simulation.tolerance } : {};
  return balance.status === 'over'
    ? { code: 'unbalanced', spending, revenue, over: -surplus, ...tolerance }
    : { code: 'unspent', spending, revenue, under: surplus, ...tolerance };
}

/** The problems of one line's submitted value; empty when the value is fine. */
export function lineValueProblems(line: BudgetLine, value: unknown): SimulationProblem[] {
  const field = `values.${line.id}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ code: 'malformed', field, expected: 'a number' }];
  if (line.unit !== 'percent' && !Number.isSafeInteger(value)) {
    return [{ code: 'malformed', field, expected: line.unit === 'points' ? 'a whole number of points' : 'a whole number of minor units' }];
  }
  if (line.locked && value !== line.baseline) return [{ code: 'locked', lineId: line.id, baseline: line.baseline, actual: value }];
  if (value < line.min || value > line.max) {
    return [{ code: 'out-of-range', lineId: line.id, min: line.min, max: line.max, actual: value }];
  }
  if (!isAllowedValue(line, value)) return [{ code: 'off-step', lineId: line.id, step: line.step, actual: value }];
  return [];
}

/**
 * Whether a line may take `value` (within its range): a whole number of steps from `min`, or one
 * of its ends or its baseline, which need not be (a 4.99% referendum cap with 0.1% steps).
 */
export function isAllowedValue(line: Pick<BudgetLine, 'min' | 'max' | 'baseline' | 'step'>, value: number): boolean {
  return value === line.min || value === line.max || value === line.baseline || isOnStep(line, value);
}

/** Whether `value` is a whole number of steps from the line's `min`. */
export function isOnStep(line: Pick<BudgetLine, 'min' | 'step'>, value: number): boolean {
  const steps = (value - line.min) / line.step;
  // Percent steps such as 0.1 are not exact in binary, so "on a step" allows rounding noise.
  return Math.abs(steps - Math.round(steps)) <= 1e-9;
}

/**
 * The impact that applies at `value`: the one with the greatest `from` at or below it (impacts
 * may be listed in any order); undefined when the value is below every threshold.
 */
export function impactAt(line: Pick<BudgetLine, 'impacts'>, value: number): BudgetLineImpact | undefined {
  let found: BudgetLineImpact | undefined;
  for (const impact of line.impacts) {
    if (impact.from <= value && (found === undefined || impact.from >= found.from)) found = impact;
  }
  return found;
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
      return problem.tolerance
        ? `Spending is ${formatMoney(problem.over)} more than the money coming in; it may be at most ${formatMoney(problem.tolerance)} more.`
        : `Spending is ${formatMoney(problem.over)} more than the money coming in.`;
    case 'unspent':
      return `The money coming in is ${formatMoney(problem.under)} more than spending; the budget must balance to within ${formatMoney(problem.tolerance ?? 0)}.`;
    case 'points-left':
      return `${problem.left} of the ${problem.points} points are not spent yet; spend exactly ${problem.points}.`;
    case 'points-over':
      return `${problem.spent} points are spent, ${problem.over} more than the ${problem.points} there are.`;
  }
}
