import { AffineMoney } from './affine-money.js';
import { CertificateBuilder } from './certificate-builder.js';
import * as float from './float-money.js';
import { Undecided } from './float-money.js';
import type { PassCertificate, VoterShare } from './fixed-budget-types.js';
import type { PreparedElection, Supporters } from './prepare.js';

/**
 * Whether the outcome a pass reached at one share also holds at another, and for how many steps
 * beyond, so that Add1 can skip steps without running them. The argument:
 *
 * A pass's `PassCertificate` records, round by round, the winner and who among its supporters was
 * short of money, and for every other proposal still in play a witness that it lost: its key from
 * an evaluation with the supporters found short then (the price computed with any set of
 * supporters paying all they hold is at most the true price, so this is a lower bound on its key),
 * or that its supporters held less than its cost. While the winners' short sets stay fixed, every
 * quantity the certificate compares is an affine function of the share (see `AffineMoney`):
 * - each winner's supporter holds less than the price (short) or at least the price (the others),
 *   which makes the recorded set the true one, since the price its supporters pay is unique;
 * - each other proposal's witness key is above the winner's, or equal and behind in the tie-break;
 * - a proposal recorded as unaffordable has supporters holding less than its cost.
 * The replay proves each condition at this share as the pass proves its comparisons, and bounds
 * for how many more steps each stays true from its value and slope and their rounding; for all
 * those steps the pass funds the same proposals in the same order.
 *
 * The recorded witnesses need not hold exactly here: a winner whose recorded short supporters are
 * no longer the short ones gets them found afresh, and a loser whose witness no longer suffices is
 * evaluated afresh, so the replay returns the certificate as it holds at this share. It fails (and
 * a real pass must run) when a winner cannot be afforded, another proposal would now be chosen, a
 * proposal that could not be afforded now can, or floating point cannot decide.
 */
export interface Replay {
  holds: boolean;
  /** When it holds: the certificate with the short sets found at this share. */
  certificate?: PassCertificate;
  /** When it holds: how many more steps of `unit` minor units per voter it is proved to hold. */
  steps: number;
}

const workspaces = new WeakMap<PreparedElection, CertificateReplay>();

/** Replays `certificate` at `share`; steps are `unit` minor units per voter. */
export function replayCertificate(election: PreparedElection, certificate: PassCertificate, share: VoterShare, unit: number): Replay {
  let workspace = workspaces.get(election);
  if (workspace === undefined) {
    workspace = new CertificateReplay(election);
    workspaces.set(election, workspace);
  }
  return workspace.replay(certificate, share, unit);
}

// Copied once: some loaders (tsx's CommonJS output) turn each use of an imported binding into a
// getter call, which costs a third of a replay's time in these loops.
const { EXACTLY_PRICE, PAYS_PRICE, SHORT, UNDECIDED } = float;

const FAILED: Replay = { holds: false, steps: 0 };
const IN_PLAY = 0;
const OUT = 1;

class CertificateReplay extends AffineMoney {
  private readonly status: Uint8Array;
  private readonly candidates: number[];
  private readonly builder: CertificateBuilder;
  private winnerSide: Uint8Array;

  constructor(election: PreparedElection) {
    super(election);
    this.status = new Uint8Array(this.costs.length);
    this.candidates = this.costs.map((_, project) => project).filter((project) => (this.supporters[project] as Supporters).totalWeight > 0);
    this.builder = new CertificateBuilder(this.costs.length);
    this.winnerSide = new Uint8Array(this.side.length);
  }

  replay(certificate: PassCertificate, share: VoterShare, unit: number): Replay {
    this.startMoving(share, unit);
    this.status.fill(IN_PLAY);
    this.shortCount.fill(0);
    this.builder.reset();
    try {
      return this.rounds(certificate) ? { holds: true, certificate: this.builder.build(), steps: this.steps } : FAILED;
    } catch (error) {
      if (error instanceof Undecided) return FAILED;
      throw error;
    }
  }

  private rounds({ winners, roundStart, evaluations, shortList }: PassCertificate): boolean {
    const { builder, shortEntries, shortCount } = this;
    let closed = false;
    for (let round = 0; round < winners.length && !closed; round += 1) {
      const winner = winners[round] as number;
      let winnerOffset = 0;
      let winnerCount = -1;
      builder.beginRound();
      for (let index = roundStart[round] as number; index < (roundStart[round + 1] as number); index += 1) {
        const project = evaluations[3 * index] as number;
        const offset = evaluations[3 * index + 1] as number;
        const count = evaluations[3 * index + 2] as number;
        if (project === winner) {
          winnerOffset = offset;
          winnerCount = count;
        } else if (count >= 0) {
          this.bound(project, shortList, offset, count);
          builder.affordable(project, shortList, count, offset);
        } else if (!this.unaffordable(project, false)) this.reevaluate(project);
      }
      closed = winner < 0;
      if (closed) break;
      // Usually the recorded short supporters are still the short ones; if not, find them afresh.
      if (winnerCount >= 0 && this.sidesHold(winner, shortList, winnerOffset, winnerCount)) {
        builder.affordable(winner, shortList, winnerCount, winnerOffset);
      } else {
        shortCount[winner] = 0;
        if (!this.evaluate(winner)) return false;
        this.bound(winner, shortEntries[winner] as Int32Array, 0, shortCount[winner] as number);
        builder.affordable(winner, shortEntries[winner] as Int32Array, shortCount[winner] as number);
      }
      this.limitWinnerSides(winner);
      const { rest, restError, weight, paidSlope, paidSlopeError } = this;
      [this.winnerSide, this.side] = [this.side, this.winnerSide];
      for (const project of this.candidates) {
        if (this.status[project] !== IN_PLAY || project === winner || this.loses(project, winner)) continue;
        // Its witness no longer suffices: its true key, or that it cannot be afforded, may.
        if (this.reevaluate(project) && !this.loses(project, winner)) return false;
      }
      builder.endRound(winner);
      this.payWinner(winner, this.winnerSide, rest, restError, weight, paidSlope, paidSlopeError);
      this.status[winner] = OUT;
    }
    // The pass ends when nothing left can be afforded. A proposal whose recorded witness was
    // replaced along the way may still be in play: it must be unaffordable now, or it would be funded.
    const left = this.candidates.filter((project) => this.status[project] === IN_PLAY);
    if (left.length > 0 && !closed) {
      builder.beginRound();
      closed = true;
    }
    for (const project of left) if (this.reevaluate(project)) return false;
    if (closed) builder.endRound(-1);
    return true;
  }

  /** Evaluates `project` afresh at this round's money; true when it can be afforded (then it has a key). */
  private reevaluate(project: number): boolean {
    this.shortCount[project] = 0;
    if (!this.evaluate(project)) {
      this.unaffordable(project, true);
      return false;
    }
    const entries = this.shortEntries[project] as Int32Array;
    this.bound(project, entries, 0, this.shortCount[project] as number);
    this.builder.affordable(project, entries, this.shortCount[project] as number);
    return true;
  }

  /** Proves (or takes as proved) that `project` cannot be afforded, and records it out of play. */
  private unaffordable(project: number, proved: boolean): boolean {
    if (!this.limitUnaffordable(project, proved)) return false;
    this.builder.unaffordable(project);
    this.status[project] = OUT;
    return true;
  }

  /**
   * Whether exactly `entries[offset..offset+count)` of the winner's supporters are short of money
   * at this share, proved; sets their sides and the price (`bound`) if so.
   */
  private sidesHold(winner: number, entries: ArrayLike<number>, offset: number, count: number): boolean {
    const { money, error, side } = this;
    const list = this.supporters[winner] as Supporters;
    this.bound(winner, entries, offset, count);
    if (this.weight <= 0) return false;
    side.fill(PAYS_PRICE, 0, list.groups.length);
    for (let index = offset; index < offset + count; index += 1) side[entries[index] as number] = SHORT;
    for (let entry = 0; entry < list.groups.length; entry += 1) {
      const group = list.groups[entry] as number;
      const sign = this.holdingSign(money[group] as number, error[group] as number, this.weight, this.rest, this.restError, list.weights[entry] as number);
      if (sign === UNDECIDED || (side[entry] === SHORT) !== sign < 0) return false;
      if (sign === 0) side[entry] = EXACTLY_PRICE;
    }
    return true;
  }
}
