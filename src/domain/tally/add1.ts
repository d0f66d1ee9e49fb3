import { type Replay, replayCertificate } from './add1-certificate.js';
import { type ArithmeticCount, type FixedBudgetRun, type PassCertificate, type VoterShare, fixedBudget } from './fixed-budget.js';
import type { PreparedElection } from './prepare.js';
import type { Add1Option } from './types.js';
import { TallyError } from './types.js';

/** Add1's outcome: the winners of the pass kept, and each voter's share in it (minor units). */
export interface Add1Result {
  winners: number[];
  perVoterShare: number;
  /** The kept pass's share as a fraction, to explain its outcome with; absent when nobody voted. */
  share?: VoterShare;
}

/**
 * Add1 as the equalshares.net compute tool runs it: start every voter at the budget's equal share
 * (with `integral`, rounded down to whole currency units), raise everyone's share one unit at a
 * time, and keep the last outcome that fits the real budget. Without `exhaustive` it raises until
 * the next step would spend more than the budget; with it, it also stops at the first outcome to
 * which no unfunded proposal can be added.
 *
 * It returns exactly what stepping one unit at a time returns, without running every step: a pass
 * records its decisions, and replaying them at a step proves for how many more steps they, and so
 * the outcome, hold (see add1-certificate.ts). The steps in between fund the same proposals, so
 * the one-unit loop would pass through them unchanged. Just beyond, the replay usually proves the
 * same outcome again with a few supporters' sides changed; only when it cannot does a pass run.
 */
export function add1(election: PreparedElection, unit: number, options: readonly Add1Option[], count?: ArithmeticCount): Add1Result {
  const { budget, ballotCount, costs, supporters } = election;
  if (ballotCount === 0) return { winners: [], perVoterShare: 0 };
  const supportedCost = costs.reduce((sum, cost, project) => ((supporters[project]?.totalWeight ?? 0) > 0 ? sum + cost : sum), 0);
  if (supportedCost <= budget) {
    // Every raise fits, so raising could only end once every supported proposal is funded: do that
    // directly, at a share with which no supporter is ever short (their order is then by votes).
    const share = { numerator: supportedCost, denominator: 1 };
    return { winners: fixedBudget(election, share, Number.POSITIVE_INFINITY, count).winners, perVoterShare: share.numerator, share };
  }
  const ladder = shareLadder(election, unit, options.includes('integral'), supportedCost);
  const exhaustive = options.includes('exhaustive');
  const pass = (step: number, withCertificate: boolean): FixedBudgetRun => fixedBudget(election, ladder.share(step), budget, count, withCertificate);
  const replay = (certificate: PassCertificate | undefined, step: number): Replay | undefined => {
    if (certificate === undefined) return undefined; // not asked for, or the pass needed exact fractions
    if (count !== undefined) count.replays = (count.replays ?? 0) + 1;
    return replayCertificate(election, certificate, ladder.share(step), ladder.unit);
  };

  let step = 0;
  let run = pass(0, true);
  let proof = replay(run.certificate, 0);
  // Where the outcome changes every step or two, replays cost about what they save. So each chain
  // of replays (from a pass with a certificate until one fails) is judged: if it covered fewer
  // than two steps per replay, the next steps run as plain passes, a run that doubles while that lasts.
  let chainStart = 0;
  let chainReplays = 1;
  let plainRun = 0;
  let plainLeft = 0;
  for (;;) {
    if (exhaustive && isExhaustive(election, run)) return { winners: run.winners, perVoterShare: ladder.value(step), share: ladder.share(step) };
    // Every step up to `last` funds what `run` funds: the one-unit loop would walk through them.
    const last = proof?.holds ? Math.max(step, Math.min(step + proof.steps, ladder.overspends - 1)) : step;
    if (proof !== undefined) {
      const again = proof.holds ? replay(proof.certificate, last + 1) : undefined;
      chainReplays += again === undefined ? 0 : 1;
      if (again?.holds) {
        step = last + 1;
        proof = again;
        continue;
      }
      plainRun = last + 1 - chainStart < 2 * chainReplays ? Math.min(2 * plainRun || 1, MAX_PLAIN_RUN) : 0;
      plainLeft = plainRun;
    } else if (plainLeft > 0) plainLeft -= 1;
    const next = pass(last + 1, plainLeft === 0);
    if (next.overLimit || next.spent > budget) return { winners: run.winners, perVoterShare: ladder.value(last), share: ladder.share(last) };
    step = last + 1;
    run = next;
    proof = replay(run.certificate, step);
    chainStart = step;
    chainReplays = 1;
  }
}

/** The longest run of plain passes between attempts to replay, where replays have not paid off. */
const MAX_PLAIN_RUN = 16;

/** The shares Add1 tries, by step number. */
interface ShareLadder {
  share(step: number): VoterShare;
  /** The share in minor units (a fraction when the start is the exact equal share). */
  value(step: number): number;
  /** Minor units added to each voter's share per step. */
  unit: number;
  /** A step at which every supported proposal is funded, which spends more than the budget. */
  overspends: number;
}

function shareLadder(election: PreparedElection, unit: number, integral: boolean, supportedCost: number): ShareLadder {
  const { budget, ballotCount: voters } = election;
  if (!Number.isSafeInteger(supportedCost + unit)) throw new TallyError('The proposals cost too much to raise shares in whole minor units exactly');
  if (integral) {
    const start = wholeQuotient(budget, voters * unit) * unit;
    return {
      share: (step) => ({ numerator: start + step * unit, denominator: 1 }),
      value: (step) => start + step * unit,
      unit,
      overspends: Math.ceil((supportedCost - start) / unit),
    };
  }
  // Shares are (budget + step × unit × voters) / voters; with a share of supportedCost every voter
  // can pay for everything alone, so no numerator needed goes beyond (supportedCost + unit) × voters.
  if (!Number.isSafeInteger((supportedCost + unit) * voters)) {
    throw new TallyError('These costs and this many voters are too large to raise the exact equal share in whole minor units; use the integral start');
  }
  return {
    share: (step) => ({ numerator: budget + step * unit * voters, denominator: voters }),
    value: (step) => (budget + step * unit * voters) / voters,
    unit,
    overspends: Math.ceil((supportedCost * voters - budget) / (unit * voters)),
  };
}

/** floor(dividend / divisor) for whole numbers, corrected for the rounding of the division. */
function wholeQuotient(dividend: number, divisor: number): number {
  let quotient = Math.floor(dividend / divisor);
  while (quotient * divisor > dividend) quotient -= 1;
  while ((quotient + 1) * divisor <= dividend) quotient += 1;
  return quotient;
}

/** No unfunded proposal, supported or not, fits in the money left (the compute tool's test). */
function isExhaustive(election: PreparedElection, run: FixedBudgetRun): boolean {
  const left = election.budget - run.spent;
  const funded = new Set(run.winners);
  return election.costs.every((cost, project) => funded.has(project) || cost > left);
}
