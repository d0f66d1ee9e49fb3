/**
 * Paper ballots in the database: each clerk's entry, settlements, the audit log, and the paper
 * ballots that count. The decisions (who may key what, when two entries agree) are the domain's
 * (src/domain/paper.ts), as the in-browser backend makes them.
 */
import {
  compareBallotNumbers,
  clerkKey,
  countedSelections,
  entryRefusal,
  normalizeSelections,
  paperCounts,
  paperStatus,
  sameSelections,
  settlementRefusal,
  type PaperAuditEntry,
  type PaperBallot,
  type PaperBallotInput,
  type PaperBatch,
  type PaperEntryReceipt,
  type PaperRefusal,
  type PaperSettlementInput,
} from '../../src/domain/paper.js';
import type { Selections } from '../../src/domain/rules/index.js';
import type { Round } from '../../src/domain/types.js';
import type { Database, Queryable } from '../db/types.js';

interface EntryRow {
  ballot_number: string;
  clerk: string;
  batch: string;
  selections: Selections;
  entered_at: Date | string;
}

interface SettlementRow {
  ballot_number: string;
  settled_by: string;
  selections: Selections;
  settled_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const json = (value: unknown) => JSON.stringify(value);

/** The ballots whose rows are given, in ballot-number order. */
function ballotsOf(entries: EntryRow[], settlements: SettlementRow[]): PaperBallot[] {
  const byNumber = new Map<string, PaperBallot>();
  // Oldest entry first, so "the first entry" is the first clerk's whatever the row order.
  for (const row of [...entries].sort((a, b) => iso(a.entered_at).localeCompare(iso(b.entered_at)))) {
    const ballot = byNumber.get(row.ballot_number) ?? { number: row.ballot_number, batch: row.batch, status: 'waiting', entries: [] };
    ballot.entries.push({ clerk: row.clerk, selections: row.selections, enteredAt: iso(row.entered_at) });
    byNumber.set(row.ballot_number, ballot);
  }
  for (const row of settlements) {
    const ballot = byNumber.get(row.ballot_number);
    if (ballot) ballot.settlement = { settledBy: row.settled_by, selections: row.selections, settledAt: iso(row.settled_at) };
  }
  const ballots = [...byNumber.values()];
  for (const ballot of ballots) ballot.status = paperStatus(ballot.entries, ballot.settlement);
  return ballots.sort((a, b) => compareBallotNumbers(a.number, b.number));
}

async function loadBallot(tx: Queryable, roundId: string, number: string): Promise<PaperBallot | null> {
  const entries = await tx.query<EntryRow>('SELECT ballot_number, clerk, batch, selections, entered_at FROM paper_entries WHERE round_id = $1 AND ballot_number = $2', [roundId, number]);
  const settlements = await tx.query<SettlementRow>('SELECT ballot_number, settled_by, selections, settled_at FROM paper_settlements WHERE round_id = $1 AND ballot_number = $2', [roundId, number]);
  return ballotsOf(entries, settlements)[0] ?? null;
}

/**
 * Runs `work` on one paper ballot as it is now, in a transaction that holds that ballot: two clerks
 * keying the same number wait for each other (a no-op on PGlite's one connection).
 */
function withBallot<T>(db: Database, roundId: string, number: string, work: (tx: Queryable, existing: PaperBallot | null) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [roundId, `paper ${number}`]);
    return work(tx, await loadBallot(tx, roundId, number));
  });
}

async function audit(tx: Queryable, roundId: string, line: Omit<PaperAuditEntry, 'at'>, at: string): Promise<void> {
  await tx.query(
    'INSERT INTO paper_audit (round_id, ballot_number, batch, actor, action, before, after, at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)',
    [roundId, line.number, line.batch, line.actor, line.action, line.before === null ? null : json(line.before), json(line.after), at],
  );
}

export type PaperOutcome<T> = { ok: T } | { refused: PaperRefusal };

/** Keeps a clerk's entry (selections already checked against the round's rules). */
export async function enterPaperBallot(db: Database, round: Round, input: PaperBallotInput, now: Date): Promise<PaperOutcome<PaperEntryReceipt>> {
  const selections = normalizeSelections(round.rules.kind, input.selections);
  const clerk = input.clerk.trim();
  const at = now.toISOString();
  return withBallot(db, round.id, input.number, async (tx, existing) => {
    const refusal = entryRefusal(existing, clerk, input.batch);
    if (refusal) return { refused: refusal };
    const own = existing?.entries.find((entry) => clerkKey(entry.clerk) === clerkKey(clerk));
    let change: PaperEntryReceipt['change'] = own ? 'corrected' : 'entered';
    if (own && sameSelections(own.selections, selections)) change = 'unchanged';
    if (change !== 'unchanged') {
      await tx.query(
        `INSERT INTO paper_entries (round_id, ballot_number, clerk, clerk_key, batch, selections, entered_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
         ON CONFLICT (round_id, ballot_number, clerk_key) DO UPDATE SET selections = EXCLUDED.selections`,
        [round.id, input.number, clerk, clerkKey(clerk), input.batch, json(selections), at],
      );
      await audit(tx, round.id, { actor: clerk, action: change, number: input.number, batch: input.batch, before: own?.selections ?? null, after: selections }, at);
    }
    const after = await loadBallot(tx, round.id, input.number);
    return { ok: { roundId: round.id, number: input.number, batch: input.batch, status: after!.status, change } };
  });
}

/** Settles a mismatch with what the third person read on the paper. */
export async function settlePaperBallot(db: Database, round: Round, input: PaperSettlementInput, now: Date): Promise<PaperOutcome<PaperBallot>> {
  const selections = normalizeSelections(round.rules.kind, input.selections);
  const settledBy = input.settledBy.trim();
  const at = now.toISOString();
  return withBallot(db, round.id, input.number, async (tx, existing) => {
    const refusal = settlementRefusal(existing, settledBy);
    if (refusal) return { refused: refusal };
    await tx.query('INSERT INTO paper_settlements (round_id, ballot_number, settled_by, selections, settled_at) VALUES ($1, $2, $3, $4::jsonb, $5)', [round.id, input.number, settledBy, json(selections), at]);
    await audit(tx, round.id, { actor: settledBy, action: 'settled', number: input.number, batch: existing!.batch, before: existing!.entries.map((entry) => entry.selections), after: selections }, at);
    return { ok: (await loadBallot(tx, round.id, input.number))! };
  });
}

/** A batch's ballots with both entries each, and its running tally. */
export async function paperBatch(db: Queryable, roundId: string, batch: string): Promise<PaperBatch> {
  const entries = await db.query<EntryRow>('SELECT ballot_number, clerk, batch, selections, entered_at FROM paper_entries WHERE round_id = $1 AND batch = $2', [roundId, batch]);
  const settlements = await db.query<SettlementRow>(
    'SELECT ballot_number, settled_by, selections, settled_at FROM paper_settlements WHERE round_id = $1 AND ballot_number = ANY($2::text[])',
    [roundId, [...new Set(entries.map((row) => row.ballot_number))]],
  );
  const ballots = ballotsOf(entries, settlements);
  return { roundId, batch, ballots, counts: paperCounts(ballots) };
}

/** The round's audit log, oldest first. */
export async function paperAudit(db: Queryable, roundId: string): Promise<PaperAuditEntry[]> {
  const rows = await db.query<{ ballot_number: string; batch: string; actor: string; action: PaperAuditEntry['action']; before: PaperAuditEntry['before']; after: Selections; at: Date | string }>(
    'SELECT ballot_number, batch, actor, action, before, after, at FROM paper_audit WHERE round_id = $1 ORDER BY seq',
    [roundId],
  );
  return rows.map((row) => ({ at: iso(row.at), actor: row.actor, action: row.action, number: row.ballot_number, batch: row.batch, before: row.before ?? null, after: row.after }));
}

/** The selections of every paper ballot that counts (agreed or settled), in ballot-number order. */
export async function countedPaperBallots(db: Queryable, roundId: string): Promise<Selections[]> {
  const entries = await db.query<EntryRow>('SELECT ballot_number, clerk, batch, selections, entered_at FROM paper_entries WHERE round_id = $1', [roundId]);
  if (entries.length === 0) return [];
  const settlements = await db.query<SettlementRow>('SELECT ballot_number, settled_by, selections, settled_at FROM paper_settlements WHERE round_id = $1', [roundId]);
  return ballotsOf(entries, settlements).map(countedSelections).filter((selections): selections is Selections => selections !== null);
}

/** A number that changes whenever the round's paper ballots do (every change is audited), for caches. */
export async function paperVersion(db: Queryable, roundId: string): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT coalesce(max(seq), 0)::int AS version FROM paper_audit WHERE round_id = $1', [roundId]);
  return row?.version ?? 0;
}
