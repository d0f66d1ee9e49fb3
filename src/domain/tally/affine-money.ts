import * as float from './float-money.js';
import { FloatMoney } from './float-money.js';
import type { VoterShare } from './fixed-budget-types.js';
import type { PreparedElection, Supporters } from './prepare.js';
import { tieBreak } from './tie-break.js';

// Copied once: some loaders (tsx's CommonJS output) turn each use of an imported binding into a
// getter call, which costs a third of a replay's time in these loops.
const { EXACT_LIMIT, ROUNDING, SHORT, SLACK, restErrorOf, sumError } = float;

/**
 * `FloatMoney` that also follows how each amount moves with the share s, for proving how far a
 * pass's decisions hold (add1-certificate.ts). With the short supporters of each payment fixed,
 * every voter's money is an affine function of s: it starts at s, and a payment subtracts a price
 * that is itself affine in s, or takes everything. So is every quantity a decision compares. Each
 * amount carries its slope (per minor unit of share) with a bound on that slope's rounding error,
 * as the amount carries its own; `limit` turns a decision's value and slope into how many more
 * steps of `unit` it is certain to keep.
 */
export class AffineMoney extends FloatMoney {
  /** Per group, how its money moves per minor unit of share, with a bound on that slope's rounding. */
  protected readonly slope: Float64Array;
  protected readonly slopeError: Float64Array;
  protected readonly keySlope: Float64Array;
  protected readonly keySlopeError: Float64Array;
  /** The last `bound`'s sum of its short supporters' money slopes, and that sum's rounding bound. */
  protected paidSlope = 0;
  protected paidSlopeError = 0;
  /** The last `addUp`'s sum of money and of its slopes, each with its rounding bound. */
  private held = 0;
  private heldError = 0;
  private heldSlope = 0;
  private heldSlopeError = 0;
  /** Minor units of share per step. */
  private unit = 1;
  /** How many more steps every decision noted so far is certain to keep. */
  protected steps = Number.POSITIVE_INFINITY;

  constructor(election: PreparedElection) {
    super(election);
    this.slope = new Float64Array(this.money.length);
    this.slopeError = new Float64Array(this.money.length);
    this.keySlope = new Float64Array(this.costs.length);
    this.keySlopeError = new Float64Array(this.costs.length);
  }

  /** Gives every voter `share`, moving one for one with it; keys start fixed at 1 / votes. */
  protected startMoving(share: VoterShare, unit: number): void {
    this.start(share);
    this.slope.fill(1);
    this.slopeError.fill(0);
    this.keySlope.fill(0);
    this.keySlopeError.fill(0);
    this.unit = unit;
    this.steps = Number.POSITIVE_INFINITY;
  }

  /**
   * Notes that a condition holding now, with value at least `low` and slope at least `slopeLow` per
   * minor unit of share, stays above zero (`strict`) or at least zero for that many more steps.
   */
  protected limit(low: number, slopeLow: number, strict: boolean): void {
    if (slopeLow >= 0) return;
    if (low < 0 || (strict && low === 0)) {
      this.steps = 0;
      return;
    }
    // The factor covers the rounding of this division and of `low` and `slopeLow` themselves.
    const reach = (low / (-slopeLow * this.unit)) * (1 - 2 ** -40);
    this.steps = Math.min(this.steps, Math.max(0, strict ? Math.ceil(reach) - 1 : Math.floor(reach)));
  }

  /** The key of `project` with `entries[offset..offset+count)` short, and how it moves with the share. */
  protected bound(project: number, entries: ArrayLike<number>, offset: number, count: number): void {
    const list = this.supporters[project] as Supporters;
    const cost = this.costs[project] as number;
    const weight = list.totalWeight - this.addUp(list, entries, offset, offset + count);
    const { held: paid, heldError: paidError, heldSlope: paidSlope, heldSlopeError: paidSlopeError } = this;
    const rest = cost - paid;
    this.rest = rest;
    this.restError = restErrorOf(paidError, rest);
    this.weight = weight;
    this.setKey(project, rest, this.restError, weight);
    const denominator = weight * cost;
    this.keySlope[project] = -paidSlope / denominator;
    this.keySlopeError[project] = (paidSlopeError / denominator) * (1 + 4 * ROUNDING) + 2 * ROUNDING * Math.abs(paidSlope / denominator);
    this.paidSlope = paidSlope;
    this.paidSlopeError = paidSlopeError;
  }

  /**
   * Adds up the money of supporter entries `entries[from..to)` (all of them from `from` to `to`
   * without `entries`) into `held`, with its slope and both rounding bounds; returns their weight.
   */
  private addUp(list: Supporters, entries: ArrayLike<number> | undefined, from: number, to: number): number {
    const { money, error, size, slope, slopeError } = this;
    let held = 0;
    let heldError = 0;
    let heldSlope = 0;
    let heldSlopeError = 0;
    let weight = 0;
    for (let index = from; index < to; index += 1) {
      const entry = entries === undefined ? index : (entries[index] as number);
      const group = list.groups[entry] as number;
      const voters = size[group] as number;
      held += voters * (money[group] as number);
      heldError = sumError(heldError, voters, error[group] as number, voters * (money[group] as number), held);
      heldSlope += voters * (slope[group] as number);
      heldSlopeError = sumError(heldSlopeError, voters, slopeError[group] as number, voters * (slope[group] as number), heldSlope);
      weight += voters * (list.weights[entry] as number);
    }
    this.held = held;
    this.heldError = heldError;
    this.heldSlope = heldSlope;
    this.heldSlopeError = heldSlopeError;
    return weight;
  }

  /** Bounds the winner's conditions: its short supporters hold less than the price, the others at least it. */
  protected limitWinnerSides(winner: number): void {
    const { money, error, slope, slopeError, side, rest, restError, weight, paidSlope, paidSlopeError } = this;
    const list = this.supporters[winner] as Supporters;
    for (let entry = 0; entry < list.groups.length; entry += 1) {
      const group = list.groups[entry] as number;
      const entryWeight = list.weights[entry] as number;
      const held = money[group] as number;
      const heldError = error[group] as number;
      const left = held * weight;
      const right = rest * entryWeight;
      const tolerance =
        (heldError === 0 && left < EXACT_LIMIT ? 0 : weight * heldError + ROUNDING * left) +
        (restError === 0 && right < EXACT_LIMIT ? 0 : entryWeight * restError + ROUNDING * right);
      const moves = (slope[group] as number) * weight + paidSlope * entryWeight;
      const movesError =
        weight * (slopeError[group] as number) +
        entryWeight * paidSlopeError +
        ROUNDING * (Math.abs((slope[group] as number) * weight) + Math.abs(paidSlope * entryWeight) + Math.abs(moves));
      const sign = side[entry] === SHORT ? -1 : 1;
      this.limit(sign * (left - right) - tolerance * SLACK, sign * moves - movesError * SLACK, side[entry] === SHORT);
    }
  }

  /**
   * Proves that its supporters hold less than its cost (or takes it as `proved` by `evaluate`),
   * and notes for how long.
   */
  protected limitUnaffordable(project: number, proved: boolean): boolean {
    const list = this.supporters[project] as Supporters;
    const cost = this.costs[project] as number;
    this.addUp(list, undefined, 0, list.groups.length);
    const { held, heldError, heldSlope, heldSlopeError } = this;
    const margin = cost - held;
    const marginError = heldError === 0 ? 0 : (heldError + ROUNDING * Math.abs(margin)) * SLACK;
    if (!proved && (heldError === 0 ? margin <= 0 : margin <= marginError)) return false;
    this.limit(margin - marginError, -heldSlope - heldSlopeError * SLACK, true);
    return true;
  }

  /** Proves `project` is not chosen over `winner`, and bounds for how long. */
  protected loses(project: number, winner: number): boolean {
    const order = this.compareKeys(project, winner);
    const losesTies = tieBreak(this.election, project, winner) > 0;
    if (!(order === 1 || (order === 0 && losesTies))) return false;
    const { keyValue, keyError, keySlope, keySlopeError } = this;
    const margin = (keyValue[project] as number) - (keyValue[winner] as number);
    const low = order === 0 ? 0 : margin - ((keyError[project] as number) + (keyError[winner] as number) + ROUNDING * Math.abs(margin)) * SLACK;
    const moves = (keySlope[project] as number) - (keySlope[winner] as number);
    const movesError = (keySlopeError[project] as number) + (keySlopeError[winner] as number) + ROUNDING * Math.abs(moves);
    this.limit(low, moves - movesError * SLACK, !losesTies);
    return true;
  }

  /** Pays for the winner, moving each payer's money slope by the price's slope (the short pay all, for every share). */
  protected payWinner(winner: number, winnerSide: Uint8Array, rest: number, restError: number, weight: number, paidSlope: number, paidSlopeError: number): void {
    const { slope, slopeError } = this;
    const list = this.supporters[winner] as Supporters;
    const priceSlope = -paidSlope / weight;
    const priceSlopeExact = paidSlopeError === 0 && paidSlope % weight === 0;
    const priceSlopeError = priceSlopeExact ? 0 : (paidSlopeError / weight) * (1 + 2 * ROUNDING) + ROUNDING * Math.abs(priceSlope);
    for (let entry = 0; entry < list.groups.length; entry += 1) {
      const group = list.groups[entry] as number;
      if (winnerSide[entry] === SHORT) {
        slope[group] = 0;
        slopeError[group] = 0;
        continue;
      }
      // One who holds exactly the price keeps m − price × weight: 0 now, but moving with the share.
      const part = priceSlope * (list.weights[entry] as number);
      const partExact = priceSlopeExact && Math.abs(part) < EXACT_LIMIT;
      const left = (slope[group] as number) - part;
      if (!partExact || slopeError[group] !== 0) {
        slopeError[group] = (slopeError[group] as number) + (partExact ? 0 : (list.weights[entry] as number) * priceSlopeError + ROUNDING * Math.abs(part)) + ROUNDING * Math.abs(left);
      }
      slope[group] = left;
    }
    this.pay(winner, winnerSide, rest, restError, weight);
  }
}
