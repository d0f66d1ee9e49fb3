/**
 * Generated rounds for the tally's tests and benchmark, each fixed by its seed.
 */
import type { TallyBallot, TallyInput, TallyProject } from '../../src/domain/tally/index.js';
import { mulberry32, seededRandom } from './prng.js';

/**
 * A round shaped like Wieliczka's Green Million: 64 projects of 5,000 to 150,000 PLN, 6,600
 * approval voters, popularity falling off by rank, ballot lengths falling off geometrically (half
 * approve one project, a quarter two, up to 12), a 1,000,000 PLN budget.
 */
export function wieliczkaLikeRound(seed: number): TallyInput {
  const next = mulberry32(seed);
  const projects: TallyProject[] = Array.from({ length: 64 }, (_, index) => ({
    id: String(index + 1),
    cost: Math.round(5_000 + next() * 145_000) * 100,
  }));
  const appeal = projects.map((_, rank) => 1 / (rank + 1) ** 0.7);
  const ballots: TallyBallot[] = [];
  for (let voter = 0; voter < 6600; voter += 1) {
    let length = 1;
    while (length < 12 && next() < 0.5) length += 1;
    ballots.push({ kind: 'approval', selections: pickDistinct(projects, appeal, length, next) });
  }
  return { budget: 100_000_000, projects, ballots };
}

/** Budapest's district round: 187,500,000 HUF (2 minor digits, ISO 4217) and 864 voters. */
export const BUDAPEST_BUDGET = 187_500_000 * 100;
export const BUDAPEST_VOTERS = 864;

/**
 * A round shaped like a real Budapest one: HUF, a 187.5 million budget, 864 approval voters and 30
 * proposals of 5 to 20 million HUF (whole 100,000s), popularity falling off by rank, ballots of 1
 * to 10 proposals (a fifth approve one). The one-unit Add1 needs 100,000 to 200,000 passes on
 * these, more than the 51,500 of the real round, so they are the harder case.
 */
export function budapestLikeRound(seed: number): TallyInput {
  const random = seededRandom(seed);
  const projects: TallyProject[] = Array.from({ length: 30 }, (_, index) => ({
    id: String(index + 1),
    cost: random.int(50, 200) * 100_000 * 100,
  }));
  const appeal = projects.map((_, rank) => 1 / (rank + 1) ** 0.5);
  const ballots: TallyBallot[] = [];
  for (let voter = 0; voter < BUDAPEST_VOTERS; voter += 1) {
    let length = 1;
    while (length < 10 && random.chance(0.8)) length += 1;
    ballots.push({ kind: 'approval', selections: pickDistinct(projects, appeal, length, random.next) });
  }
  return { budget: BUDAPEST_BUDGET, projects, ballots };
}

/** `count` proposal ids drawn without repetition, each in proportion to its appeal. */
export function pickDistinct(projects: readonly TallyProject[], appeal: readonly number[], count: number, next: () => number): string[] {
  const total = appeal.reduce((sum, value) => sum + value, 0);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, projects.length)) {
    let target = next() * total;
    let index = 0;
    while (index < projects.length - 1 && (target -= appeal[index] ?? 0) >= 0) index += 1;
    chosen.add((projects[index] as TallyProject).id);
  }
  return [...chosen];
}
