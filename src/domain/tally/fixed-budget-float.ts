import { CertificateBuilder } from './certificate-builder.js';
import { FloatMoney, UNDECIDED, Undecided } from './float-money.js';
import type { FixedBudgetRun, PassDetails, VoterShare } from './fixed-budget-types.js';
import type { PreparedElection, Supporters } from './prepare.js';
import { tieBreak } from './tie-break.js';

/** One set of working arrays per election, reused by every Add1 pass so that a pass allocates almost nothing. */
const workspaces = new WeakMap<PreparedElection, FloatPass>();

export { Undecided } from './float-money.js';

/**
 * One pass of the Method of Equal Shares in doubles, with every decision proved: each voter's
 * money carries a bound on its rounding error (0 while it is an exact whole number), and a
 * comparison counts only when its two sides differ by more than their bounds. Ties and near-ties
 * throw `Undecided` instead of guessing, so this returns the exact outcome or nothing. Whole-number
 * ties (two proposals no supporter is short for, both with 24 approvals) are settled exactly.
 * With `withCertificate`, the run carries the decisions that reached its outcome; with `explain`,
 * the amounts that explain it (`PassDetails`), each proved or the pass is `Undecided`.
 *
 * Speed: proposals are evaluated lazily. A proposal's `price / cost` only grows as voters spend,
 * so its last value is a lower bound, and a proposal whose bound is already worse than the best
 * one found this round is not recomputed (equalshares.net's "effective vote count" trick).
 */
export function fixedBudgetFloat(election: PreparedElection, share: VoterShare, spendLimit: number, withCertificate = false, explain = false): FixedBudgetRun {
  let workspace = workspaces.get(election);
  if (workspace === undefined) {
    workspace = new FloatPass(election);
    workspaces.set(election, workspace);
  }
  return workspace.run(share, spendLimit, withCertificate, explain);
}

/** The working state of floating-point passes over one election. */
class FloatPass extends FloatMoney {
  private bestSide: Uint8Array;
  private bestRest = 0;
  private bestRestError = 0;
  private bestWeight = 0;
  private readonly certificate: CertificateBuilder;

  constructor(election: PreparedElection) {
    super(election);
    this.bestSide = new Uint8Array(this.side.length);
    this.certificate = new CertificateBuilder(this.costs.length);
  }

  run(share: VoterShare, spendLimit: number, withCertificate: boolean, explain: boolean): FixedBudgetRun {
    const { costs, supporters, keyValue, shortEntries, shortCount } = this;
    this.start(share);
    shortCount.fill(0);
    const remaining: number[] = [];
    for (let project = 0; project < costs.length; project += 1) {
      if ((supporters[project] as Supporters).totalWeight > 0) remaining.push(project);
    }
    const byKey = (a: number, b: number): number => (keyValue[a] as number) - (keyValue[b] as number);
    const record = withCertificate ? this.certificate : undefined;
    record?.reset();
    const details: PassDetails | undefined = explain ? { payers: [], largestShare: [], supportersMoney: new Array<number>(costs.length).fill(0) } : undefined;
    const winners: number[] = [];
    let spent = 0;
    while (remaining.length > 0) {
      record?.beginRound();
      remaining.sort(byKey);
      let best = -1;
      for (let index = 0; index < remaining.length; index += 1) {
        const project = remaining[index] as number;
        if (best >= 0 && this.compareKeys(project, best) === 1) continue;
        if (!this.evaluate(project)) {
          record?.unaffordable(project);
          remaining.splice(index, 1);
          index -= 1;
          continue;
        }
        record?.affordable(project, shortEntries[project] as Int32Array, shortCount[project] as number);
        if (best >= 0) {
          const order = this.compareKeys(project, best);
          if (order === UNDECIDED) throw new Undecided('two proposals are about equally good');
          if (order > 0 || (order === 0 && tieBreak(this.election, project, best) > 0)) continue;
        }
        best = project;
        const side = this.side;
        this.side = this.bestSide;
        this.bestSide = side;
        this.bestRest = this.rest;
        this.bestRestError = this.restError;
        this.bestWeight = this.weight;
      }
      record?.endRound(best);
      if (best < 0) break;
      if (details !== undefined) {
        const { payers, largestShare } = this.payments(best, this.bestSide, this.bestRest, this.bestRestError, this.bestWeight);
        details.payers.push(payers);
        details.largestShare.push(largestShare);
      }
      this.pay(best, this.bestSide, this.bestRest, this.bestRestError, this.bestWeight);
      winners.push(best);
      remaining.splice(remaining.indexOf(best), 1);
      spent += costs[best] as number;
      if (spent > spendLimit) return { winners, spent, overLimit: true, ...(record && { certificate: record.build() }) };
    }
    // What was not funded is out of its supporters' reach now: what they hold says by how much.
    if (details !== undefined) {
      const funded = new Set(winners);
      for (let project = 0; project < costs.length; project += 1) {
        if (!funded.has(project) && (supporters[project] as Supporters).totalWeight > 0) details.supportersMoney[project] = this.supportersHold(project);
      }
    }
    return { winners, spent, overLimit: false, ...(record && { certificate: record.build() }), ...(details && { details }) };
  }
}
