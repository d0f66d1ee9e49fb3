import type { PassCertificate } from './fixed-budget-types.js';

/** Collects a `PassCertificate` round by round; a proposal evaluated again in a round replaces its entry. */
export class CertificateBuilder {
  private readonly winners: number[] = [];
  private readonly roundStart: number[] = [];
  private evaluations: number[] = [];
  private shortList: number[] = [];
  /** Per proposal, its evaluation's index in the current round, or -1. */
  private readonly slot: Int32Array;

  constructor(projects: number) {
    this.slot = new Int32Array(projects).fill(-1);
  }

  /** Starts a new certificate, also after one abandoned half-way (a pass that needed exact fractions). */
  reset(): void {
    this.clearSlots();
    this.winners.length = 0;
    this.roundStart.length = 0;
    this.evaluations.length = 0;
    this.shortList.length = 0;
  }

  beginRound(): void {
    this.clearSlots();
    this.roundStart.push(this.evaluations.length / 3);
  }

  /** `project` was affordable, with `entries[0..count)` short of money. */
  affordable(project: number, entries: ArrayLike<number>, count: number, from = 0): void {
    const offset = this.shortList.length;
    for (let index = from; index < from + count; index += 1) this.shortList.push(entries[index] as number);
    this.put(project, offset, count);
  }

  /** `project`'s supporters together held less than its cost. */
  unaffordable(project: number): void {
    this.put(project, 0, -1);
  }

  endRound(winner: number): void {
    this.winners.push(winner);
  }

  build(): PassCertificate {
    this.clearSlots();
    return {
      winners: Int32Array.from(this.winners),
      roundStart: Int32Array.from([...this.roundStart, this.evaluations.length / 3]),
      evaluations: Int32Array.from(this.evaluations),
      shortList: Int32Array.from(this.shortList),
    };
  }

  private put(project: number, offset: number, count: number): void {
    const slot = this.slot[project] as number;
    if (slot >= 0) {
      this.evaluations[3 * slot + 1] = offset;
      this.evaluations[3 * slot + 2] = count;
      return;
    }
    this.slot[project] = this.evaluations.length / 3;
    this.evaluations.push(project, offset, count);
  }

  private clearSlots(): void {
    const start = this.roundStart.at(-1) ?? 0;
    for (let index = start; index < this.evaluations.length / 3; index += 1) this.slot[this.evaluations[3 * index] as number] = -1;
  }
}
