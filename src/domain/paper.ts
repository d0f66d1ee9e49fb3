/**
 * Paper ballots entered twice: two clerks key the same batch independently, a ballot counts once
 * their entries agree (or a third person has settled them), and every change is kept in an audit
 * log. The rules here are shared by the server and the in-browser backend, so both decide alike.
 */
import { canonicalJson } from './json.js';
import type { Selections } from './rules/index.js';
import type { BallotKind } from './types.js';

/** Where a paper ballot stands: one entry so far, two that agree, two that differ, or settled by a third person. */
export type PaperStatus = 'waiting' | 'agreed' | 'mismatch' | 'settled';

/** A printed ballot number or a batch label: letters, digits and dashes, as printed on the paper. */
export const PAPER_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
/** The most characters of a clerk's name. */
export const CLERK_NAME_MAX = 100;

/** One clerk's reading of one paper ballot. */
export interface PaperEntry {
  clerk: string;
  selections: Selections;
  enteredAt: string;
}

/** What the third person decided for a ballot whose two entries differ. */
export interface PaperSettlement {
  settledBy: string;
  selections: Selections;
  settledAt: string;
}

/** One paper ballot of a batch, with both entries and the settlement, if any. */
export interface PaperBallot {
  number: string;
  batch: string;
  status: PaperStatus;
  entries: PaperEntry[];
  settlement?: PaperSettlement;
}

/** A batch of paper ballots and how many stand where: the clerks' running tally. */
export interface PaperBatch {
  roundId: string;
  batch: string;
  ballots: PaperBallot[];
  counts: Record<PaperStatus, number>;
}

/** What a clerk sends for one ballot: its printed number, its batch, who keyed it and what it says. */
export interface PaperBallotInput {
  roundId: string;
  number: string;
  batch: string;
  clerk: string;
  selections: Selections;
}

/** What a third person sends to settle a mismatch. */
export interface PaperSettlementInput {
  roundId: string;
  number: string;
  settledBy: string;
  selections: Selections;
}

/** The answer to an entry: where the ballot stands now, never what the other clerk keyed. */
export interface PaperEntryReceipt {
  roundId: string;
  number: string;
  batch: string;
  status: PaperStatus;
  /** `corrected` when this clerk had keyed the ballot before with other selections. */
  change: 'entered' | 'corrected' | 'unchanged';
}

/** One line of the audit log: who changed what, when, from what to what. */
export interface PaperAuditEntry {
  at: string;
  actor: string;
  action: 'entered' | 'corrected' | 'settled';
  number: string;
  batch: string;
  /** The actor's earlier entry (or, for a settlement, the entries it replaced); null for a first entry. */
  before: Selections | Selections[] | null;
  after: Selections;
}

export interface PaperAudit {
  roundId: string;
  entries: PaperAuditEntry[];
}

/** Why an entry or a settlement is refused, with a sentence for the clerk. */
export type PaperRefusal =
  | { code: 'other-batch'; batch: string }
  | { code: 'entered-twice'; clerks: string[] }
  | { code: 'already-settled'; settledBy: string }
  | { code: 'nothing-to-settle'; status: PaperStatus | 'not-entered' }
  | { code: 'settler-entered' };

/** The refusal as the sentence a server or backend answers with. */
export function describePaperRefusal(refusal: PaperRefusal, number: string): string {
  switch (refusal.code) {
    case 'other-batch':
      return `Ballot ${number} was entered in batch ${refusal.batch}; enter it there.`;
    case 'entered-twice':
      return `Ballot ${number} has already been entered by ${refusal.clerks.join(' and ')}; only two clerks enter each ballot.`;
    case 'already-settled':
      return `Ballot ${number} was settled by ${refusal.settledBy}; it can no longer be changed.`;
    case 'nothing-to-settle':
      return refusal.status === 'not-entered'
        ? `Ballot ${number} has not been entered yet.`
        : `Ballot ${number} is ${refusal.status === 'waiting' ? 'waiting for its second entry' : 'not a mismatch'}; only ballots whose two entries differ are settled.`;
    case 'settler-entered':
      return `You entered ballot ${number} yourself; a third person settles it.`;
  }
}

/** Clerks are told apart by name, ignoring case and spacing ("Ann Lee" is "ann  lee"). */
export function sameClerk(a: string, b: string): boolean {
  return clerkKey(a) === clerkKey(b);
}

export function clerkKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Selections in one written form, so that two readings of the same paper compare equal: approval
 * and choose-1 ids sorted (their order on the paper means nothing), ordinal kept in order, points
 * and answers with sorted keys.
 */
export function normalizeSelections(kind: BallotKind, selections: Selections): Selections {
  if (Array.isArray(selections)) return kind === 'ordinal' ? [...selections] : [...new Set(selections)].sort();
  return JSON.parse(canonicalJson(selections)) as Selections;
}

export function sameSelections(a: Selections, b: Selections): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Where a ballot stands, from its entries (already normalised) and its settlement. */
export function paperStatus(entries: readonly PaperEntry[], settlement?: PaperSettlement): PaperStatus {
  if (settlement) return 'settled';
  if (entries.length < 2) return 'waiting';
  return sameSelections(entries[0]!.selections, entries[1]!.selections) ? 'agreed' : 'mismatch';
}

/** The selections a ballot counts with: the settlement's, or the two entries' when they agree; null when it does not count yet. */
export function countedSelections(ballot: Pick<PaperBallot, 'entries' | 'settlement'>): Selections | null {
  const status = paperStatus(ballot.entries, ballot.settlement);
  if (status === 'settled') return ballot.settlement!.selections;
  if (status === 'agreed') return ballot.entries[0]!.selections;
  return null;
}

/** Why `clerk` may not key this ballot (in `batch`) now, or null when they may. */
export function entryRefusal(existing: Pick<PaperBallot, 'batch' | 'entries' | 'settlement'> | null, clerk: string, batch: string): PaperRefusal | null {
  if (!existing) return null;
  if (existing.settlement) return { code: 'already-settled', settledBy: existing.settlement.settledBy };
  if (existing.batch !== batch) return { code: 'other-batch', batch: existing.batch };
  const others = existing.entries.filter((entry) => !sameClerk(entry.clerk, clerk));
  if (others.length >= 2) return { code: 'entered-twice', clerks: others.map((entry) => entry.clerk) };
  return null;
}

/** Why `settledBy` may not settle this ballot, or null when they may. */
export function settlementRefusal(existing: Pick<PaperBallot, 'entries' | 'settlement'> | null, settledBy: string): PaperRefusal | null {
  if (!existing || existing.entries.length === 0) return { code: 'nothing-to-settle', status: 'not-entered' };
  if (existing.settlement) return { code: 'already-settled', settledBy: existing.settlement.settledBy };
  const status = paperStatus(existing.entries);
  if (status !== 'mismatch') return { code: 'nothing-to-settle', status };
  if (existing.entries.some((entry) => sameClerk(entry.clerk, settledBy))) return { code: 'settler-entered' };
  return null;
}

/** How many ballots of a batch stand where. */
export function paperCounts(ballots: readonly Pick<PaperBallot, 'status'>[]): Record<PaperStatus, number> {
  const counts: Record<PaperStatus, number> = { waiting: 0, agreed: 0, mismatch: 0, settled: 0 };
  for (const ballot of ballots) counts[ballot.status] += 1;
  return counts;
}

/** Orders ballot numbers as people read them: `2` before `10`, `A-9` before `A-10`. */
export function compareBallotNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
