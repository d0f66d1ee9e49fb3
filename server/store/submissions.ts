/**
 * Writing submissions: ballots, simulation submissions and feedback responses, exactly once per
 * Idempotency-Key, one ballot per voter per round, in batches (group commit).
 *
 * The marked register (`voters`) and the ballot box (`ballots`) are written in one statement but
 * share nothing: no id, no time, and within a batch each table's rows go in in its own order
 * (register by voter hash, ballots by their random id), so the order of rows does not pair them.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../src/domain/json.js';
import type { Receipt, SubmissionReceipt } from '../../src/domain/types.js';
import type { Database, Queryable } from '../db/types.js';
import { sha256 } from '../digest.js';
import { groupCommit, type GroupCommitOptions } from './group-commit.js';

export type SubmissionKind = 'ballot' | 'simulation' | 'feedback';

export interface SubmissionJob {
  kind: SubmissionKind;
  idempotencyKey: string;
  /** From `fingerprint()`: the same body (credentials left out) gives the same one. */
  fingerprint: string;
  /** The round, simulation or form. */
  targetId: string;
  /** The checked body to keep: a ballot's selections, a whole submission or response. */
  payload: unknown;
  /** The register entry of the voter, for rounds that know who votes; never stored with the ballot. */
  voterHash: string | null;
}

export type SubmissionOutcome =
  | { status: 200 | 201; receipt: Receipt | SubmissionReceipt }
  | { refused: 'key-reused' | 'already-voted' };

/**
 * What identifies a submission for its Idempotency-Key. Voter credentials are left out on purpose:
 * a fingerprint holding a voting code would let anyone with the codes tie a receipt to its voter.
 */
export function fingerprint(kind: SubmissionKind, targetId: string, body: unknown): string {
  return sha256(canonicalJson({ kind, targetId, body }));
}

interface Stored {
  key: string;
  fingerprint: string;
  status: number;
  response: Receipt | SubmissionReceipt;
}

/** The stored answer for an Idempotency-Key, if one was accepted. */
export async function findIdempotent(db: Queryable, key: string): Promise<Stored | null> {
  const [row] = await db.query<Stored>('SELECT key, fingerprint, status, response FROM idempotency WHERE key = $1', [key]);
  return row ?? null;
}

/** A batch is one call of the database's `write_batch` (migrations/004-write-batch.sql): it answers the keys it accepted. */
const WRITE_BATCH = 'SELECT key FROM write_batch($1::jsonb, $2::timestamptz) AS key';

/** Writes one batch; one outcome per job, in order. */
async function writeBatch(db: Queryable, jobs: SubmissionJob[], now: Date): Promise<SubmissionOutcome[]> {
  const receivedAt = now.toISOString();
  const outcomes: Array<SubmissionOutcome | undefined> = new Array(jobs.length);
  const receipts = jobs.map((job): Receipt | SubmissionReceipt =>
    job.kind === 'ballot' ? { id: randomUUID(), roundId: job.targetId, receivedAt } : { id: randomUUID(), receivedAt },
  );

  // The first job of each key in the batch leads; a later one with the same key follows its outcome.
  const leaders = new Map<string, number>();
  const followers: number[] = [];
  jobs.forEach((job, index) => (leaders.has(job.idempotencyKey) ? followers.push(index) : leaders.set(job.idempotencyKey, index)));

  // One ballot per voter per round: of one voter's ballots in the batch only the first is written.
  const voters = new Set<string>();
  const sameVoter = new Set<number>();
  for (const index of leaders.values()) {
    if (jobs[index]!.voterHash === null) continue;
    const voter = `${jobs[index]!.targetId}\u0000${jobs[index]!.voterHash}`;
    if (voters.has(voter)) sameVoter.add(index);
    else voters.add(voter);
  }
  const sent = [...leaders.values()].filter((index) => !sameVoter.has(index));
  const rows = sent.map((index) => ({
    key: jobs[index]!.idempotencyKey,
    fingerprint: jobs[index]!.fingerprint,
    response: receipts[index],
    id: receipts[index]!.id,
    kind: jobs[index]!.kind,
    target: jobs[index]!.targetId,
    payload: jobs[index]!.payload,
    voter_hash: jobs[index]!.voterHash,
  }));
  const accepted = new Set(
    (await db.query<{ key: string }>(WRITE_BATCH, [JSON.stringify(rows), receivedAt])).map((row) => row.key),
  );
  for (const index of sent) if (accepted.has(jobs[index]!.idempotencyKey)) outcomes[index] = { status: 201, receipt: receipts[index]! };

  // The rest were refused, or sent before under their key: what is stored under it now decides.
  // A refused voter whose key is stored meanwhile sent this body twice at once: the first one counts.
  const others = [...sent.filter((index) => outcomes[index] === undefined), ...sameVoter];
  const stored = new Map<string, Stored>();
  if (others.length > 0) {
    const found = await db.query<Stored>('SELECT key, fingerprint, status, response FROM idempotency WHERE key = ANY($1::text[])', [others.map((index) => jobs[index]!.idempotencyKey)]);
    for (const row of found) stored.set(row.key, row);
  }
  const answerFromStored = (index: number): SubmissionOutcome => {
    const row = stored.get(jobs[index]!.idempotencyKey);
    if (!row) return { refused: 'already-voted' }; // Keys are never deleted, so only a refused voter's is missing.
    return row.fingerprint === jobs[index]!.fingerprint ? { status: 200, receipt: row.response } : { refused: 'key-reused' };
  };
  for (const index of others) outcomes[index] = answerFromStored(index);

  for (const index of followers) {
    // A key stored before this batch: each body is judged against what was stored, not against its
    // leader here (the same body as the stored one is a replay, whatever came before it).
    const leader = outcomes[leaders.get(jobs[index]!.idempotencyKey)!]!;
    if (!('receipt' in leader) || leader.status === 200) {
      outcomes[index] = stored.has(jobs[index]!.idempotencyKey) ? answerFromStored(index) : leader;
      continue;
    }
    outcomes[index] = jobs[leaders.get(jobs[index]!.idempotencyKey)!]!.fingerprint === jobs[index]!.fingerprint ? { status: 200, receipt: leader.receipt } : { refused: 'key-reused' };
  }
  return outcomes as SubmissionOutcome[];
}

const RETRIED = new Set([
  '40P01', // deadlock: two processes' batches waited on each other's voters
  '23505', // unique violation: a key another transaction stored after this statement began
]);

/**
 * Batches handed to the database at once. PostgreSQL takes 3: its commits wait on the disk, so the
 * next batch is written while one waits. PGlite takes 2: it writes one at a time (one connection),
 * but its thread then finds the next batch waiting when it finishes one, instead of idling while the
 * reply crosses to the request thread and that thread, busy with requests, sends the next
 * (bench:server, alternated with 1: 4 of 6 won, geometric mean +6.6%).
 */
const BATCHES_AT_ONCE = { postgres: 3, pglite: 2 } as const;

/** The submission writer: `submit` resolves once the submission's batch has committed. */
export function createSubmissionWriter(db: Database, options: GroupCommitOptions, now: () => Date) {
  const batches = groupCommit<SubmissionJob, SubmissionOutcome>({ concurrency: BATCHES_AT_ONCE[db.kind], ...options }, async (jobs) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeBatch(db, jobs, now());
      } catch (error) {
        if (!RETRIED.has((error as { code?: string }).code ?? '') || attempt >= 3) throw error;
      }
    }
  });
  return { submit: batches.submit, drain: batches.drain };
}

export type SubmissionWriter = ReturnType<typeof createSubmissionWriter>;
