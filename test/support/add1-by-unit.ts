/**
 * Add1 the plain way, one step of one currency unit per voter at a time, as the equalshares.net
 * compute tool runs it: the reference the fast Add1 in src/domain/tally/add1.ts must match exactly.
 * Only for rounds with few steps; a round with tens of thousands of steps takes seconds.
 */
import { fixedBudget } from '../../src/domain/tally/fixed-budget.js';
import type { PreparedElection } from '../../src/domain/tally/prepare.js';
import type { Add1Option } from '../../src/domain/tally/index.js';

export interface Add1ByUnit {
  winners: number[];
  /** The kept share, in minor units per voter. */
  perVoterShare: number;
  /** How many passes it ran. */
  passes: number;
}

export function add1ByUnit(election: PreparedElection, unit: number, options: readonly Add1Option[]): Add1ByUnit {
  const { budget, ballotCount: voters, costs, supporters } = election;
  if (voters === 0) return { winners: [], perVoterShare: 0, passes: 0 };
  const supported = costs.filter((_, project) => (supporters[project]?.totalWeight ?? 0) > 0);
  // Raising could only end once everything supported is funded (see add1.ts); the loop below would not end.
  if (supported.reduce((sum, cost) => sum + cost, 0) <= budget) throw new Error('every supported proposal fits: nothing to step through');
  // Shares are numerator / voters minor units: the exact equal share, or whole currency units below it.
  const start = options.includes('integral') ? Math.floor(budget / (voters * unit)) * unit * voters : budget;
  const share = (step: number) => ({ numerator: start + step * unit * voters, denominator: voters });
  let step = 0;
  let current = fixedBudget(election, share(0), budget);
  let passes = 1;
  for (;;) {
    if (options.includes('exhaustive')) {
      const left = budget - current.spent;
      if (costs.every((cost, project) => current.winners.includes(project) || cost > left)) break;
    }
    const next = fixedBudget(election, share(step + 1), budget);
    passes += 1;
    if (next.overLimit || next.spent > budget) break;
    step += 1;
    current = next;
  }
  return { winners: current.winners, perVoterShare: share(step).numerator / voters, passes };
}
