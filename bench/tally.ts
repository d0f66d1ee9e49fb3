/**
 * Benchmark: the Method of Equal Shares with Add1 on two generated rounds, each fixed by its seed:
 * one shaped like Wieliczka's Green Million (64 projects, 6,600 approval voters, 1,000,000 PLN)
 * and one shaped like a Budapest district round (30 projects, 864 voters, 187,500,000 HUF), where
 * one-unit Add1 steps run to six figures.
 *
 *   npm run bench:tally -- [--runs N] [--verify]
 *
 * Prints the median wall time of a whole `tally()` call (checking the input included), how many
 * passes and certificate replays Add1 ran, and how many passes one-unit steps would need. With
 * --verify it also runs the one-unit steps on the Budapest-like round (a minute or more) and says
 * whether they end with the same outcome.
 */
import { equalShares } from '../src/domain/tally/equal-shares.js';
import type { ArithmeticCount } from '../src/domain/tally/fixed-budget.js';
import { tally, type TallyInput, type TallyOptions } from '../src/domain/tally/index.js';
import { prepareElection } from '../src/domain/tally/prepare.js';
import { add1ByUnit } from '../test/support/add1-by-unit.js';
import { budapestLikeRound, wieliczkaLikeRound } from '../test/support/tally-rounds.js';

const WIELICZKA_SEED = 20230426;
const BUDAPEST_SEED = 1;
const ADD1: TallyOptions = { rule: 'equal-shares', completion: 'add1', add1Unit: 100 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timeTally(round: TallyInput, runs: number): { times: number[]; perVoterShare: number; winners: number; spent: number } {
  for (let warmUp = 0; warmUp < 3; warmUp += 1) tally(round, ADD1); // let the JIT settle
  const times: number[] = [];
  let outcome = tally(round, ADD1);
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    outcome = tally(round, ADD1);
    times.push(performance.now() - start);
  }
  return { times, perVoterShare: outcome.equalShares?.perVoterShare ?? 0, winners: outcome.winners.length, spent: outcome.spent };
}

function timing(times: number[]): string {
  return `median ${median(times).toFixed(1)} ms over ${times.length} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
}

/** Passes and replays Add1 ran, and the passes one-unit steps would run (one per step, and the one that overspends). */
function work(round: TallyInput, perVoterShare: number): string {
  const count: ArithmeticCount = { fast: 0, exact: 0, replays: 0 };
  equalShares(prepareElection(round), { completion: 'add1', add1Unit: 100, add1Options: [] }, count);
  const steps = Math.round((perVoterShare * round.ballots.length - round.budget) / (100 * round.ballots.length));
  return `${count.fast + count.exact} passes (${count.exact} in exact fractions) and ${count.replays} replays, where one-unit steps run ${(steps + 2).toLocaleString('en-GB')} passes`;
}

function money(minor: number, currency: string): string {
  return `${(minor / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${currency}`;
}

function main(): void {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 9;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench-tally: --runs takes a whole number, at least 1');
    process.exit(1);
  }

  const wieliczka = wieliczkaLikeRound(WIELICZKA_SEED);
  const green = timeTally(wieliczka, runs);
  console.log(`round: 64 projects, 6,600 approval voters, budget 1,000,000 PLN (seed ${WIELICZKA_SEED})`);
  console.log(`outcome: ${green.winners} winners, ${money(green.spent, 'PLN')} spent, ${money(green.perVoterShare, 'PLN')} per voter after Add1`);
  console.log(`work: ${work(wieliczka, green.perVoterShare)}`);
  console.log(`equal-shares with Add1: ${timing(green.times)}`);

  const budapest = budapestLikeRound(BUDAPEST_SEED);
  const district = timeTally(budapest, runs);
  console.log(`round: 30 projects, 864 approval voters, budget 187,500,000 HUF (seed ${BUDAPEST_SEED})`);
  console.log(`outcome: ${district.winners} winners, ${money(district.spent, 'HUF')} spent, ${money(district.perVoterShare, 'HUF')} per voter after Add1`);
  console.log(`work: ${work(budapest, district.perVoterShare)}`);
  console.log(`add1 budapest-like (HUF, 864 voters): ${timing(district.times)}`);

  if (process.argv.includes('--verify')) {
    const election = prepareElection(budapest);
    const start = performance.now();
    const reference = add1ByUnit(election, 100, []);
    const fast = tally(budapest, ADD1);
    const same = reference.perVoterShare === fast.equalShares?.perVoterShare && reference.winners.map((project) => election.ids[project]).join() === fast.winners.map((winner) => winner.id).join();
    console.log(`one-unit steps: ${reference.passes.toLocaleString('en-GB')} passes in ${((performance.now() - start) / 1000).toFixed(1)} s, ${same ? 'the same outcome' : 'A DIFFERENT OUTCOME'}`);
    if (!same) process.exitCode = 1;
  }
}

main();
