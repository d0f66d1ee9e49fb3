import type { PreparedElection, Supporters } from './prepare.js';
import type { FixedBudgetRun, PassDetails, VoterShare } from './fixed-budget-types.js';
import { tieBreak } from './tie-break.js';

/**
 * One pass of the Method of Equal Shares in exact rational arithmetic (BigInt), for a fixed
 * per-voter share. The reference the fast pass is checked against, and its fallback whenever
 * floating point cannot decide a comparison for certain.
 *
 * Every voter's money is a numerator over one common denominator, so comparisons are integer
 * comparisons and no gcd is ever needed. A proposal's price is `p` per unit of weight (per
 * approval, per point): supporters who cannot pay `p × weight` pay everything they have, the
 * others pay exactly that, and together they pay the cost. The proposal with the lowest `p / cost`
 * (the highest "effective vote count" `cost / p`) is funded next. With `explain`, the run carries
 * the amounts that explain its outcome (`PassDetails`), rounded from the exact fractions.
 */
export function fixedBudgetExact(election: PreparedElection, share: VoterShare, spendLimit: number, explain = false): FixedBudgetRun {
  const { groups, supporters, costs } = election;
  let denominator = BigInt(share.denominator);
  const money = groups.map(() => BigInt(share.numerator));
  const sizes = groups.map((group) => BigInt(group.size));
  // p / cost of each proposal as a fraction; it only grows, so an old value is a lower bound.
  const keyNumerator = costs.map(() => 1n);
  const keyDenominator = supporters.map((list) => BigInt(list.totalWeight));
  const remaining = new Set(costs.map((_, project) => project).filter((project) => (supporters[project]?.totalWeight ?? 0) > 0));
  const winners: number[] = [];
  let spent = 0;
  const details: PassDetails | undefined = explain ? { payers: [], largestShare: [], supportersMoney: costs.map(() => 0) } : undefined;

  interface Evaluation {
    project: number;
    /** cost × denominator minus what the supporters who pay everything hold: the rest pay this. */
    rest: bigint;
    weight: bigint;
    drained: Uint8Array;
  }

  const evaluate = (project: number): Evaluation | undefined => {
    const list = supporters[project];
    if (list === undefined) return undefined;
    const cost = BigInt(costs[project] ?? 0) * denominator;
    const drained = new Uint8Array(list.groups.length);
    let weight = BigInt(list.totalWeight);
    let rest = cost;
    // Supporters found short at a lower price are short at the final one too: iterate to the fixpoint.
    for (let changed = true; changed && weight > 0n; ) {
      changed = false;
      for (let entry = 0; entry < list.groups.length && weight > 0n; entry += 1) {
        if (drained[entry] === 1) continue;
        const group = list.groups[entry] as number;
        const groupWeight = BigInt(list.weights[entry] as number);
        const held = money[group] as bigint;
        if (held * weight < rest * groupWeight) {
          drained[entry] = 1;
          const size = sizes[group] as bigint;
          rest -= size * held;
          weight -= size * groupWeight;
          changed = true;
        }
      }
    }
    if (weight === 0n) return undefined;
    list.groups.forEach((group, entry) => {
      if ((money[group] as bigint) * weight === rest * BigInt(list.weights[entry] as number)) drained[entry] = 1;
    });
    keyNumerator[project] = rest;
    keyDenominator[project] = denominator * weight * BigInt(costs[project] ?? 0);
    return { project, rest, weight, drained };
  };

  /** Before paying: voters paying more than nothing, and the largest payment rounded up (minor units). */
  const payments = ({ rest, weight, drained }: Evaluation, list: Supporters): { payers: number; largestShare: number } => {
    let payers = 0;
    let largestShare = 0n;
    list.groups.forEach((group, entry) => {
      // In units of 1 / (denominator × weight): the drained pay all they hold, the others the price per vote.
      const paid = drained[entry] === 1 ? (money[group] as bigint) * weight : rest * BigInt(list.weights[entry] as number);
      if (paid === 0n) return;
      payers += election.groups[group]?.size ?? 0;
      const scale = denominator * weight;
      const rounded = (paid + scale - 1n) / scale;
      if (rounded > largestShare) largestShare = rounded;
    });
    return { payers, largestShare: Number(largestShare) };
  };

  const compareKeys = (a: number, b: number): number => {
    const left = (keyNumerator[a] as bigint) * (keyDenominator[b] as bigint);
    const right = (keyNumerator[b] as bigint) * (keyDenominator[a] as bigint);
    return left < right ? -1 : left > right ? 1 : 0;
  };

  while (remaining.size > 0) {
    let best: Evaluation | undefined;
    const candidates = [...remaining].sort(compareKeys);
    for (const project of candidates) {
      if (best !== undefined && compareKeys(project, best.project) > 0) break;
      const evaluation = evaluate(project);
      if (evaluation === undefined) {
        remaining.delete(project);
        continue;
      }
      if (best === undefined) best = evaluation;
      else {
        const order = compareKeys(project, best.project) || tieBreak(election, project, best.project);
        if (order < 0) best = evaluation;
      }
    }
    if (best === undefined) break;

    // Pay: every voter's money moves to the denominator × weight, then supporters pay their part.
    const list = supporters[best.project];
    if (list === undefined) break;
    if (details !== undefined) {
      const { payers, largestShare } = payments(best, list);
      details.payers.push(payers);
      details.largestShare.push(largestShare);
    }
    denominator *= best.weight;
    for (let group = 0; group < money.length; group += 1) money[group] = (money[group] as bigint) * best.weight;
    list.groups.forEach((group, entry) => {
      money[group] = best.drained[entry] === 1 ? 0n : (money[group] as bigint) - best.rest * BigInt(list.weights[entry] as number);
    });
    winners.push(best.project);
    remaining.delete(best.project);
    spent += costs[best.project] ?? 0;
    if (spent > spendLimit) return { winners, spent, overLimit: true };
  }
  if (details !== undefined) {
    const funded = new Set(winners);
    supporters.forEach((list, project) => {
      if (funded.has(project) || list.totalWeight === 0) return;
      const held = Array.from(list.groups).reduce((sum, group) => sum + (sizes[group] as bigint) * (money[group] as bigint), 0n);
      details.supportersMoney[project] = Number(held / denominator);
    });
  }
  return { winners, spent, overLimit: false, ...(details && { details }) };
}
