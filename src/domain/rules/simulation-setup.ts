/**
 * What a council's simulation must get right before residents see it, beyond the shapes of the
 * contract: ranges a slider can travel, groups and the council tax line that exist, a mode its
 * lines fit. Shared by the simulator (whatever backend answered), the in-browser backend's seed and
 * the server's import, so a broken simulation is refused with the same sentence everywhere.
 */
import type { BudgetLine, Simulation } from '../types.js';

/** One mistake in a simulation: where (a path into it, e.g. `['lines', 3, 'group']`) and what. */
export interface SimulationSetupProblem {
  path: Array<string | number>;
  detail: string;
}

/** Every mistake in the simulation's set-up; empty when residents can use it. */
export function simulationSetupProblems(simulation: Simulation): SimulationSetupProblem[] {
  const problems: SimulationSetupProblem[] = [];
  const add = (path: Array<string | number>, detail: string) => problems.push({ path, detail });
  const groupIds = new Set<string>();
  (simulation.groups ?? []).forEach((group, i) => {
    if (groupIds.has(group.id)) add(['groups', i, 'id'], `Group id "${group.id}" is used twice`);
    groupIds.add(group.id);
  });
  const points = (simulation.mode ?? 'no-deficit') === 'points';
  const lineIds = new Set<string>();
  simulation.lines.forEach((line, i) => {
    const at = (key: string) => ['lines', i, key];
    if (lineIds.has(line.id)) add(at('id'), `Line id "${line.id}" is used twice`);
    lineIds.add(line.id);
    if (line.group !== undefined && !groupIds.has(line.group)) add(at('group'), `"${line.group}" is not one of the simulation's groups`);
    if (points && line.unit !== 'points') add(at('unit'), 'A points simulation has points lines only');
    if (points && line.kind !== 'spending') add(at('kind'), 'Points are spent: a points simulation has spending lines only');
    if (!points && line.unit === 'points') add(at('unit'), 'Points lines belong in a simulation in points mode');
    for (const [key, detail] of rangeProblems(line)) add(at(key), detail);
  });
  if (points && !(Number.isSafeInteger(simulation.points) && simulation.points! > 0)) {
    add(['points'], 'A points simulation needs the whole number of points to spend');
  }
  const councilTax = simulation.councilTax;
  if (councilTax) {
    const line = simulation.lines.find((candidate) => candidate.id === councilTax.lineId);
    if (!line) add(['councilTax', 'lineId'], `There is no line "${councilTax.lineId}"`);
    else if (line.kind !== 'revenue' || line.unit !== 'percent') add(['councilTax', 'lineId'], `The council tax line "${line.id}" must be a revenue line in percent`);
    const bands = new Set<string>();
    (councilTax.bands ?? []).forEach((band, i) => {
      if (bands.has(band.band)) add(['councilTax', 'bands', i, 'band'], `Band ${band.band} is listed twice`);
      bands.add(band.band);
      if (!(band.ratio > 0 && Number.isFinite(band.ratio))) add(['councilTax', 'bands', i, 'ratio'], 'A band’s ratio to Band D must be more than 0');
    });
  }
  return problems;
}

/**
 * A line's range as a slider needs it: min to max through the baseline, whole units for money and
 * points. A baseline or max between two steps is allowed (a 4.99% cap with 0.1% steps): residents
 * can always reach them, and `lineValueProblems` accepts them.
 */
function rangeProblems(line: BudgetLine): Array<[key: string, detail: string]> {
  if (line.min > line.max) return [['min', 'min is greater than max']];
  if (line.baseline < line.min || line.baseline > line.max) return [['baseline', 'The baseline is outside min..max']];
  if (line.unit !== 'percent' && ![line.baseline, line.min, line.max, line.step].every(Number.isSafeInteger)) {
    return [['baseline', line.unit === 'points' ? 'Points lines move in whole points' : 'Currency lines need whole minor units']];
  }
  return [];
}
