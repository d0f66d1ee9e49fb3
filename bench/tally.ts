/**
 * Benchmark: the Method of Equal Shares with Add1 on a generated round shaped like Wieliczka's
 * Green Million (64 projects, about 6,600 approval voters, half of whom approve one project).
 * The round is generated from a fixed seed, so every run measures the same election.
 *
 *   npm run bench:tally -- [--runs N]
 *
 * Prints the median wall time of a whole `tally()` call (checking the input included) and how
 * many Add1 passes the floating-point proof settled versus exact fractions.
 */
import { tally, type TallyBallot, type TallyInput, type TallyProject } from '../src/domain/tally/index.js';
import type { ArithmeticCount } from '../src/domain/tally/fixed-budget.js';
import { equalShares } from '../src/domain/tally/equal-shares.js';
import { prepareElection } from '../src/domain/tally/prepare.js';
import { mulberry32 as random } from '../test/support/prng.js';

const PROJECTS = 64;
const VOTERS = 6600;
/** 1,000,000 PLN in grosze. */
const BUDGET = 100_000_000;
const SEED = 20230426;


/** A round like a real one: costs from 5,000 to 150,000 PLN, popularity falling off by rank, short ballots. */
function generateRound(seed = SEED): TallyInput {
  const next = random(seed);
  const projects: TallyProject[] = Array.from({ length: PROJECTS }, (_, index) => ({
    id: String(index + 1),
    cost: Math.round(5_000 + next() * 145_000) * 100,
  }));
  const appeal = projects.map((_, rank) => 1 / (rank + 1) ** 0.7);
  const ballots: TallyBallot[] = [];
  for (let voter = 0; voter < VOTERS; voter += 1) {
    // Ballot lengths fall off geometrically: half approve one project, a quarter two, and so on.
    let length = 1;
    while (length < 12 && next() < 0.5) length += 1;
    const chosen = new Set<string>();
    while (chosen.size < length) chosen.add(pick(projects, appeal, next).id);
    ballots.push({ kind: 'approval', selections: [...chosen] });
  }
  return { budget: BUDGET, projects, ballots };
}

function pick(projects: readonly TallyProject[], appeal: readonly number[], next: () => number): TallyProject {
  const total = appeal.reduce((sum, value) => sum + value, 0);
  let target = next() * total;
  for (let index = 0; index < projects.length; index += 1) {
    target -= appeal[index] ?? 0;
    if (target < 0) return projects[index] as TallyProject;
  }
  return projects[projects.length - 1] as TallyProject;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function main(): void {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 9;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench-tally: --runs takes a whole number, at least 1');
    process.exit(1);
  }
  const round = generateRound();
  const options = { rule: 'equal-shares', completion: 'add1', add1Unit: 100 } as const;
  for (let warmUp = 0; warmUp < 3; warmUp += 1) tally(round, options); // let the JIT settle
  const times: number[] = [];
  let outcome = tally(round, options);
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    outcome = tally(round, options);
    times.push(performance.now() - start);
  }
  const count: ArithmeticCount = { fast: 0, exact: 0 };
  equalShares(prepareElection(round), 'add1', 100, count);
  const share = (outcome.equalShares?.perVoterShare ?? 0) / 100;
  console.log(`round: ${PROJECTS} projects, ${VOTERS.toLocaleString('en-GB')} approval voters, budget ${(BUDGET / 100).toLocaleString('en-GB')} PLN (seed ${SEED})`);
  console.log(`outcome: ${outcome.winners.length} winners, ${(outcome.spent / 100).toLocaleString('en-GB')} PLN spent, ${share} PLN per voter after Add1`);
  console.log(`passes: ${count.fast + count.exact} (${count.fast} proved in floating point, ${count.exact} recomputed exactly)`);
  console.log(`equal-shares with Add1: median ${median(times).toFixed(1)} ms over ${runs} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`);
}

main();
