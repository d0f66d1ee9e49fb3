import type { VoterShare } from './fixed-budget-types.js';
import type { PreparedElection, Supporters } from './prepare.js';

/**
 * Bound on one rounding, relative to the computed result: twice the unit roundoff, which also
 * covers measuring it against the rounded rather than the exact value.
 */
export const ROUNDING = 2 ** -52;
/** Integers below this are exact in a double, and so are sums and products of them that stay below it. */
export const EXACT_LIMIT = 2 ** 53;
/** Margin for the rounding of the error bounds themselves. */
export const SLACK = 1 + 2 ** -40;
/** What a proved comparison returns when floating point cannot decide it. */
export const UNDECIDED = 2;
/** A supporter's side of a proposal's price. */
export const PAYS_PRICE = 0;
export const SHORT = 1;
/** Holds exactly the price: pays it, which is everything it has. */
export const EXACTLY_PRICE = 2;

/**
 * The error bound of a running sum of voters' money (or its slope) after adding `contribution`
 * (`voters` × an amount with error `heldError`) to reach `total`; stays 0 while every term is an
 * exact whole number.
 */
export function sumError(totalError: number, voters: number, heldError: number, contribution: number, total: number): number {
  if (totalError === 0 && heldError === 0 && Math.abs(total) < EXACT_LIMIT) return 0;
  return totalError + voters * heldError + ROUNDING * Math.abs(contribution) + ROUNDING * Math.abs(total);
}

/** The error bound of `rest = cost − paid`, given the bound of `paid`. */
export function restErrorOf(paidError: number, rest: number): number {
  return paidError === 0 ? 0 : paidError + ROUNDING * Math.abs(rest);
}

/** Floating point could not prove a comparison; the pass has to be recomputed exactly. */
export class Undecided extends Error {
  override readonly name = 'Undecided';
}

/** `round` (Math.ceil or Math.floor) of a value known to lie in [low, high]; `Undecided` when the interval spans a whole number. */
function provedRounding(round: (value: number) => number, low: number, high: number): number {
  const rounded = round(low);
  if (rounded !== round(high)) throw new Undecided('an amount lies too close to a whole minor unit to round it');
  return rounded;
}

/**
 * Voters' money and proposals' price-to-cost keys in doubles, each with a proved bound on its
 * rounding error (0 while it is an exact whole number): the state that a floating-point pass of
 * the Method of Equal Shares and the Add1 certificate check share, with the proofs they share.
 */
export class FloatMoney {
  protected readonly election: PreparedElection;
  protected readonly supporters: readonly Supporters[];
  protected readonly costs: readonly number[];
  protected readonly size: Float64Array;
  protected readonly money: Float64Array;
  /** Bound on each group's rounding error; 0 means its money is an exact whole number. */
  protected readonly error: Float64Array;
  // Each proposal's price per unit of weight divided by its cost, as last computed: value ± error,
  // and as the exact fraction rest / (weight × cost) when rest is an exact whole number.
  protected readonly keyValue: Float64Array;
  protected readonly keyError: Float64Array;
  protected readonly keyExact: Uint8Array;
  protected readonly keyRest: Float64Array;
  protected readonly keyWeight: Float64Array;
  /** Per proposal, the supporter entries proved short for it so far; they stay short while money falls. */
  protected readonly shortEntries: Int32Array[];
  protected readonly shortCount: Int32Array;
  /** Each supporter entry's side of the price `evaluate` found last: `rest / weight` per vote. */
  protected side: Uint8Array;
  protected rest = 0;
  protected restError = 0;
  protected weight = 0;

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
    this.shortEntries = this.supporters.map((list) => new Int32Array(list.groups.length));
    this.shortCount = new Int32Array(projects);
    this.side = new Uint8Array(this.supporters.reduce((most, list) => Math.max(most, list.groups.length), 0));
  }

  /** Gives every voter `share`, and every proposal the key it has before anyone pays: 1 / its votes. */
  protected start(share: VoterShare): void {
    const start = share.numerator / share.denominator;
    const startExact = share.numerator % share.denominator === 0 && start < EXACT_LIMIT;
    this.money.fill(start);
    this.error.fill(startExact ? 0 : ROUNDING * start);
    for (let project = 0; project < this.costs.length; project += 1) {
      const totalWeight = (this.supporters[project] as Supporters).totalWeight;
      // Before anyone pays, the price can be no lower than cost / total weight.
      this.keyValue[project] = 1 / totalWeight;
      this.keyError[project] = ROUNDING * (this.keyValue[project] as number);
      this.keyExact[project] = 1;
      this.keyRest[project] = this.costs[project] as number;
      this.keyWeight[project] = totalWeight;
    }
  }

  /** Records a proposal's key: the price `rest / weight` per unit of weight, over its cost. */
  protected setKey(project: number, rest: number, restError: number, weight: number): void {
    const denominator = weight * (this.costs[project] as number);
    const value = rest / denominator;
    this.keyValue[project] = value;
    this.keyError[project] = (restError / denominator) * (1 + 4 * ROUNDING) + 2 * ROUNDING * value;
    this.keyExact[project] = restError === 0 ? 1 : 0;
    this.keyRest[project] = rest;
    this.keyWeight[project] = weight;
  }

  /** The proved order of two keys (-1, 0, 1), or `UNDECIDED`. */
  protected compareKeys(a: number, b: number): number {
    const { keyValue, keyError, keyExact, keyRest, keyWeight, costs } = this;
    const difference = (keyValue[a] as number) - (keyValue[b] as number);
    if (Math.abs(difference) > ((keyError[a] as number) + (keyError[b] as number)) * SLACK) return difference < 0 ? -1 : 1;
    if (keyExact[a] !== 1 || keyExact[b] !== 1) return UNDECIDED;
    const left = BigInt(keyRest[a] as number) * BigInt(keyWeight[b] as number) * BigInt(costs[b] as number);
    const right = BigInt(keyRest[b] as number) * BigInt(keyWeight[a] as number) * BigInt(costs[a] as number);
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * The proved sign of `held × weight − rest × entryWeight`: whether a supporter holding `held`
   * can pay the price `rest / weight` for each of its `entryWeight` votes; `UNDECIDED` when the
   * two sides are closer than their rounding.
   */
  protected holdingSign(held: number, heldError: number, weight: number, rest: number, restError: number, entryWeight: number): number {
    const left = held * weight;
    const right = rest * entryWeight;
    const difference = left - right;
    // Usually the two sides differ by far more than any rounding; only a close call needs the
    // finer bound that knows exact whole numbers carry no error.
    if (Math.abs(difference) <= (weight * heldError + entryWeight * restError + ROUNDING * (left + right)) * SLACK) {
      const tolerance =
        (heldError === 0 && left < EXACT_LIMIT ? 0 : weight * heldError + ROUNDING * left) +
        (restError === 0 && right < EXACT_LIMIT ? 0 : entryWeight * restError + ROUNDING * right);
      if (tolerance > 0 && Math.abs(difference) <= tolerance * SLACK) return UNDECIDED;
    }
    return difference < 0 ? -1 : difference > 0 ? 1 : 0;
  }

  /** Supporters on `side` PAYS_PRICE pay `rest / weight` per vote; the others pay all they hold. */
  protected pay(project: number, side: Uint8Array, rest: number, restError: number, weight: number): void {
    const { money, error } = this;
    const list = this.supporters[project] as Supporters;
    const groupOf = list.groups;
    const weightOf = list.weights;
    const price = rest / weight;
    const priceExact = restError === 0 && rest % weight === 0;
    const priceError = priceExact ? 0 : (restError / weight) * (1 + 2 * ROUNDING) + ROUNDING * price;
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

  /**
   * Before `pay`: how many voters pay something towards `project`, and the most one pays rounded up
   * to whole minor units, proved from the error bounds (`Undecided` when they cannot be).
   */
  protected payments(project: number, side: Uint8Array, rest: number, restError: number, weight: number): { payers: number; largestShare: number } {
    const { money, error, size } = this;
    const list = this.supporters[project] as Supporters;
    const price = rest / weight;
    const priceError = restError === 0 && rest % weight === 0 ? 0 : (restError / weight) * (1 + 2 * ROUNDING) + ROUNDING * price;
    let payers = 0;
    let low = 0;
    let high = 0;
    for (let entry = 0; entry < list.groups.length; entry += 1) {
      const group = list.groups[entry] as number;
      let paid = money[group] as number;
      let paidError = error[group] as number;
      if (side[entry] === PAYS_PRICE) {
        const entryWeight = list.weights[entry] as number;
        paid = price * entryWeight;
        paidError = priceError === 0 && paid < EXACT_LIMIT ? 0 : entryWeight * priceError + ROUNDING * paid;
      }
      // The short pay all they hold, which may be nothing.
      const margin = paidError === 0 ? 0 : paidError * SLACK + 2 * ROUNDING * paid;
      if (paid - margin <= 0) {
        if (paid + margin <= 0) continue;
        throw new Undecided('a supporter may hold nothing or a little');
      }
      payers += size[group] as number;
      low = Math.max(low, paid - margin);
      high = Math.max(high, paid + margin);
    }
    return { payers, largestShare: provedRounding(Math.ceil, low, high) };
  }

  /** The money `project`'s supporters hold between them, rounded down to whole minor units, proved. */
  protected supportersHold(project: number): number {
    const { money, error, size } = this;
    const list = this.supporters[project] as Supporters;
    let held = 0;
    let heldError = 0;
    for (let entry = 0; entry < list.groups.length; entry += 1) {
      const group = list.groups[entry] as number;
      const contribution = (size[group] as number) * (money[group] as number);
      held += contribution;
      heldError = sumError(heldError, size[group] as number, error[group] as number, contribution, held);
    }
    const margin = heldError === 0 ? 0 : heldError * SLACK + 2 * ROUNDING * held;
    return provedRounding(Math.floor, Math.max(0, held - margin), held + margin);
  }

  /**
   * Computes a proposal's price, proving each supporter's side of it; false when its supporters
   * together hold less than its cost. A supporter proved short at a lower price is short at the
   * final one too, so finding one only raises the price for the others.
   */
  protected evaluate(project: number): boolean {
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
      paidError = sumError(paidError, size[group] as number, error[group] as number, contribution, paid);
      weight -= (size[group] as number) * (weightOf[entry] as number);
    }
    let rest = cost - paid;
    let restError = restErrorOf(paidError, rest);
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
        heldTotalError = sumError(heldTotalError, size[group] as number, heldError, contribution, heldTotal);
      }
      const sign = this.holdingSign(held, heldError, weight, rest, restError, weightOf[entry] as number);
      if (sign === UNDECIDED) {
        unproved = true;
        side[entry] = PAYS_PRICE;
        continue;
      }
      if (sign >= 0) {
        side[entry] = sign === 0 ? EXACTLY_PRICE : PAYS_PRICE;
        continue;
      }
      side[entry] = SHORT;
      shortEntries[shortCount] = entry;
      shortCount += 1;
      const voters = size[group] as number;
      const contribution = voters * held;
      paid += contribution;
      paidError = sumError(paidError, voters, heldError, contribution, paid);
      weight -= voters * (weightOf[entry] as number);
      rest = cost - paid;
      restError = restErrorOf(paidError, rest);
      // Everyone proved short: together they hold less than the cost.
      if (weight === 0) return false;
      // The price rose: earlier comparisons are stale, including unproved ones.
      unproved = false;
      sinceRise = 0;
    }
    if (unproved) throw new Undecided('a supporter holds about the price');
    this.shortCount[project] = shortCount;
    this.setKey(project, rest, restError, weight);
    this.rest = rest;
    this.restError = restError;
    this.weight = weight;
    return true;
  }
}
