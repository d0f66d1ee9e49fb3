import type { FixedBudgetRun, VoterShare } from './fixed-budget-types.js';
import type { PreparedElection, Supporters } from './prepare.js';
import { tieBreak } from './tie-break.js';

/**
 * Bound on one rounding, relative to the computed result: twice the unit roundoff, which also
 * covers measuring it against the rounded rather than the exact value.
 */
const ROUNDING = 2 ** -52;
/** Integers below this are exact in a double, and so are sums and products of them that stay below it. */
const EXACT_LIMIT = 2 ** 53;
/** Margin for the rounding of the error bounds themselves. */
const SLACK = 1 + 2 ** -40;
/** What `compareKeys` returns when floating point cannot order two proposals. */
const UNDECIDED = 2;
/** A supporter's side of a proposal's price. */
const PAYS_PRICE = 0;
const SHORT = 1;
/** Holds exactly the price: pays it, which is everything it has. */
const EXACTLY_PRICE = 2;

/** One set of working arrays per election, reused by every Add1 pass so that a pass allocates almost nothing. */
const workspaces = new WeakMap<PreparedElection, FloatPass>();

/** Floating point could not prove a comparison; the pass has to be recomputed exactly. */
export class Undecided extends Error {
  override readonly name = 'Undecided';
}

/**
 * One pass of the Method of Equal Shares in doubles, with every decision proved: each voter's
 * money carries a bound on its rounding error (0 while it is an exact whole number), and a
 * comparison counts only when its two sides differ by more than their bounds. Ties and near-ties
 * throw `Undecided` instead of guessing, so this returns the exact outcome or nothing. Whole-number
 * ties (two proposals no supporter is short for, both with 24 approvals) are settled exactly.
 *
 * Speed: proposals are evaluated lazily. A proposal's `price / cost` only grows as voters spend,
 * so its last value is a lower bound, and a proposal whose bound is already worse than the best
 * one found this round is not recomputed (equalshares.net's "effective vote count" trick).
 */
export function fixedBudgetFloat(election: PreparedElection, share: VoterShare, spendLimit: number): FixedBudgetRun {
  let workspace = workspaces.get(election);
  if (workspace === undefined) {
    workspace = new FloatPass(election);
    workspaces.set(election, workspace);
  }
  return workspace.run(share, spendLimit);
}

/** The working state of floating-point passes over one election. */
class FloatPass {
  private readonly election: PreparedElection;
  private readonly supporters: readonly Supporters[];
  private readonly costs: readonly number[];
  private readonly size: Float64Array;
  private readonly money: Float64Array;
  /** Bound on each group's rounding error; 0 means its money is an exact whole number. */
  private readonly error: Float64Array;
  // Each proposal's price per unit of weight divided by its cost, as last computed: value ± error,
  // and as the exact fraction rest / (weight × cost) when rest is an exact whole number.
  private readonly keyValue: Float64Array;
  private readonly keyError: Float64Array;
  private readonly keyExact: Uint8Array;
  private readonly keyRest: Float64Array;
  private readonly keyWeight: Float64Array;
  /** Per proposal, the supporter entries proved short for it so far this pass; they stay short. */
  private readonly shortEntries: Int32Array[];
  private readonly shortCount: Int32Array;
  private side: Uint8Array;
  private bestSide: Uint8Array;
  private rest = 0;
  private restError = 0;
  private weight = 0;
  private bestRest = 0;
  private bestRestError = 0;
  private bestWeight = 0;

  constructor(election: PreparedElection) {
    this.election = election;
    this.supporters = election.supporters;
    this.costs = election.costs;
    const groups = election.groups;
    this.size = new Float64Array(groups.length);
    for (let group = 0; group < groups.length; group += 1) this.size[group] = (groups[group] as { size: number }).size;
    this.money = new Float64Array(groups.length);
    this.error = new Float64Array(groups.length);
    const projects = this.costs.length;
    this.keyValue = new Float64Array(projects);
    this.keyError = new Float64Array(projects);
    this.keyExact = new Uint8Array(projects);
    this.keyRest = new Float64Array(projects);
    this.keyWeight = new Float64Array(projects);
    const largest = this.supporters.reduce((most, list) => Math.max(most, list.groups.length), 0);
    this.shortEntries = this.supporters.map((list) => new Int32Array(list.groups.length));
    this.shortCount = new Int32Array(projects);
    this.side = new Uint8Array(largest);
    this.bestSide = new Uint8Array(largest);
  }

  run(share: VoterShare, spendLimit: number): FixedBudgetRun {
    const { costs, supporters, keyValue } = this;
    const start = share.numerator / share.denominator;
    const startExact = share.numerator % share.denominator === 0 && start < EXACT_LIMIT;
    this.money.fill(start);
    this.error.fill(startExact ? 0 : ROUNDING * start);
    this.keyExact.fill(1);
    this.shortCount.fill(0);
    for (let project = 0; project < costs.length; project += 1) {
      const totalWeight = (supporters[project] as Supporters).totalWeight;
      // Before anyone pays, the price can be no lower than cost / total weight.
      keyValue[project] = 1 / totalWeight;
      this.keyError[project] = ROUNDING * (keyValue[project] as number);
      this.keyRest[project] = costs[project] as number;
      this.keyWeight[project] = totalWeight;
    }
    const remaining: number[] = [];
    for (let project = 0; project < costs.length; project += 1) {
      if ((supporters[project] as Supporters).totalWeight > 0) remaining.push(project);
    }
    const byKey = (a: number, b: number): number => (keyValue[a] as number) - (keyValue[b] as number);
    const winners: number[] = [];
    let spent = 0;
    while (remaining.length > 0) {
      remaining.sort(byKey);
      let best = -1;
      for (let index = 0; index < remaining.length; index += 1) {
        const project = remaining[index] as number;
        if (best >= 0 && this.compareKeys(project, best) === 1) continue;
        if (!this.evaluate(project)) {
          remaining.splice(index, 1);
          index -= 1;
          continue;
        }
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
      if (best < 0) break;
      this.pay(best);
      winners.push(best);
      remaining.splice(remaining.indexOf(best), 1);
      spent += costs[best] as number;
      if (spent > spendLimit) return { winners, spent, overLimit: true };
    }
    return { winners, spent, overLimit: false };
  }

  private compareKeys(a: number, b: number): number {
    const { keyValue, keyError, keyExact, keyRest, keyWeight, costs } = this;
    const difference = (keyValue[a] as number) - (keyValue[b] as number);
    if (Math.abs(difference) > ((keyError[a] as number) + (keyError[b] as number)) * SLACK) return difference < 0 ? -1 : 1;
    if (keyExact[a] !== 1 || keyExact[b] !== 1) return UNDECIDED;
    const left = BigInt(keyRest[a] as number) * BigInt(keyWeight[b] as number) * BigInt(costs[b] as number);
    const right = BigInt(keyRest[b] as number) * BigInt(keyWeight[a] as number) * BigInt(costs[a] as number);
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * Computes a proposal's price, proving each supporter's side of it; false when its supporters
   * together hold less than its cost. A supporter proved short at a lower price is short at the
   * final one too, so finding one only raises the price for the others.
   */
  private evaluate(project: number): boolean {
    const { money, error, size } = this;
    const side = this.side;
    const list = this.supporters[project] as Supporters;
    const groupOf = list.groups;
    const weightOf = list.weights;
    const entries = groupOf.length;
    const cost = this.costs[project] as number;
    side.fill(PAYS_PRICE, 0, entries);
    let weight = list.totalWeight;
    let paid = 0;
    let paidError = 0;
    // Money only falls and prices only rise, so whoever was short for this proposal still is.
    const shortEntries = this.shortEntries[project] as Int32Array;
    let shortCount = this.shortCount[project] as number;
    for (let index = 0; index < shortCount; index += 1) {
      const entry = shortEntries[index] as number;
      const group = groupOf[entry] as number;
      side[entry] = SHORT;
      const contribution = (size[group] as number) * (money[group] as number);
      paid += contribution;
      if (paidError !== 0 || error[group] !== 0 || paid >= EXACT_LIMIT) {
        paidError += (size[group] as number) * (error[group] as number) + ROUNDING * contribution + ROUNDING * paid;
      }
      weight -= (size[group] as number) * (weightOf[entry] as number);
    }
    let rest = cost - paid;
    let restError = paidError === 0 ? 0 : paidError + ROUNDING * Math.abs(rest);
    if (weight === 0) return false;
    // Scan round and round, until every supporter not yet short has been compared with the price
    // since it last rose: then each comparison is against the final price, and each is proved.
    // The first lap also adds up all the supporters' money, to drop an unaffordable proposal at once.
    let unproved = false;
    let heldTotal = paid;
    let heldTotalError = paidError;
    for (let entry = 0, sinceRise = 0, firstLap = true; sinceRise < entries; sinceRise += 1, entry += 1) {
      if (entry === entries) {
        entry = 0;
        if (firstLap) {
          firstLap = false;
          if (heldTotalError === 0 ? heldTotal < cost : cost - heldTotal > heldTotalError * SLACK) return false;
        }
      }
      if (side[entry] === SHORT) continue;
      const group = groupOf[entry] as number;
      const held = money[group] as number;
      const heldError = error[group] as number;
      if (firstLap) {
        const contribution = (size[group] as number) * held;
        heldTotal += contribution;
        if (heldTotalError !== 0 || heldError !== 0 || heldTotal >= EXACT_LIMIT) {
          heldTotalError += (size[group] as number) * heldError + ROUNDING * contribution + ROUNDING * heldTotal;
        }
      }
      const entryWeight = weightOf[entry] as number;
      const left = held * weight;
      const right = rest * entryWeight;
      const difference = left - right;
      // Usually the two sides differ by far more than any rounding; only a close call needs the
      // finer bound that knows exact whole numbers carry no error.
      if (Math.abs(difference) <= (weight * heldError + entryWeight * restError + ROUNDING * (left + right)) * SLACK) {
        const tolerance =
          (heldError === 0 && left < EXACT_LIMIT ? 0 : weight * heldError + ROUNDING * left) +
          (restError === 0 && right < EXACT_LIMIT ? 0 : entryWeight * restError + ROUNDING * right);
        if (tolerance > 0 && Math.abs(difference) <= tolerance * SLACK) {
          unproved = true;
          side[entry] = PAYS_PRICE;
          continue;
        }
      }
      if (difference >= 0) {
        side[entry] = difference === 0 ? EXACTLY_PRICE : PAYS_PRICE;
        continue;
      }
      side[entry] = SHORT;
      shortEntries[shortCount] = entry;
      shortCount += 1;
      const voters = size[group] as number;
      const contribution = voters * held;
      const total = paid + contribution;
      if (paidError !== 0 || heldError !== 0 || total >= EXACT_LIMIT) {
        paidError += voters * heldError + ROUNDING * contribution + ROUNDING * total;
      }
      paid = total;
      weight -= voters * entryWeight;
      rest = cost - paid;
      restError = paidError === 0 ? 0 : paidError + ROUNDING * Math.abs(rest);
      // Everyone proved short: together they hold less than the cost.
      if (weight === 0) return false;
      // The price rose: earlier comparisons are stale, including unproved ones.
      unproved = false;
      sinceRise = 0;
    }
    if (unproved) throw new Undecided('a supporter holds about the price');
    this.shortCount[project] = shortCount;
    const denominator = weight * cost;
    const value = rest / denominator;
    this.keyValue[project] = value;
    this.keyError[project] = (restError / denominator) * (1 + 4 * ROUNDING) + 2 * ROUNDING * value;
    this.keyExact[project] = restError === 0 ? 1 : 0;
    this.keyRest[project] = rest;
    this.keyWeight[project] = weight;
    this.rest = rest;
    this.restError = restError;
    this.weight = weight;
    return true;
  }

  private pay(project: number): void {
    const { money, error } = this;
    const side = this.bestSide;
    const list = this.supporters[project] as Supporters;
    const groupOf = list.groups;
    const weightOf = list.weights;
    const price = this.bestRest / this.bestWeight;
    const priceExact = this.bestRestError === 0 && this.bestRest % this.bestWeight === 0;
    const priceError = priceExact ? 0 : (this.bestRestError / this.bestWeight) * (1 + 2 * ROUNDING) + ROUNDING * price;
    for (let entry = 0; entry < groupOf.length; entry += 1) {
      const group = groupOf[entry] as number;
      if (side[entry] !== PAYS_PRICE) {
        money[group] = 0;
        error[group] = 0;
        continue;
      }
      const entryWeight = weightOf[entry] as number;
      const part = price * entryWeight;
      const partExact = priceExact && part < EXACT_LIMIT;
      const left = (money[group] as number) - part;
      if (!partExact || error[group] !== 0) {
        error[group] = (error[group] as number) + (partExact ? 0 : entryWeight * priceError + ROUNDING * part) + ROUNDING * Math.abs(left);
      }
      money[group] = left > 0 ? left : 0;
    }
  }
}
