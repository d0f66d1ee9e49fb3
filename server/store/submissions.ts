/**
 * Writing submissions: ballots, simulation submissions and feedback responses, exactly once per
 * Idempotency-Key, one ballot per voter per round, in batches (group commit).
 *
 * The marked register (`voters`) and the ballot box (`ballots`) are written in one transaction but
 * share nothing: no id, no time, and within a batch each table's rows go in in its own order
 * (register by voter hash, ballots by their random id), so the order of rows does not pair them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../src/domain/json.js';
import type { Receipt, SubmissionReceipt } from '../../src/domain/types.js';
import type { Database, Queryable } from '../db/types.js';
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
  | { refused: 'key-reused' | 'already-voted' | 'try-again' };

/**
 * What identifies a submission for its Idempotency-Key. Voter credentials are left out on purpose:
 * a fingerprint holding a voting code would let anyone with the codes tie a receipt to its voter.
 */
export function fingerprint(kind: SubmissionKind, targetId: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, targetId, body })).digest('base64url');
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

/**
 * One statement claims the keys, registers the voters of the claimed ones and stores what they
 * sent: a batch costs three round trips (BEGIN, this, COMMIT), as few as its atomicity allows.
 * Each table's rows go in in its own order (keys, voter hashes, receipt ids), never the batch's.
 */
const WRITE_BATCH = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(key text, fingerprint text, response jsonb, id text, kind text, target text, payload jsonb, voter_hash text)
  ), claimed AS (
    INSERT INTO idempotency (key, fingerprint, status, response)
    SELECT key, fingerprint, 201, response FROM input ORDER BY key
    ON CONFLICT (key) DO NOTHING RETURNING key
  ), registered AS (
    INSERT INTO voters (round_id, voter_hash)
    SELECT target, voter_hash FROM input JOIN claimed USING (key) WHERE voter_hash IS NOT NULL ORDER BY voter_hash
    ON CONFLICT DO NOTHING RETURNING round_id, voter_hash
  ), accepted AS (
    SELECT input.* FROM input JOIN claimed USING (key)
    WHERE voter_hash IS NULL OR (target, voter_hash) IN (SELECT round_id, voter_hash FROM registered)
  ), ballot_rows AS (
    INSERT INTO ballots (id, round_id, selections, received_at)
    SELECT id, target, payload, $2::timestamptz FROM accepted WHERE kind = 'ballot' ORDER BY id
  ), simulation_rows AS (
    INSERT INTO simulation_submissions (id, simulation_id, submission, received_at)
    SELECT id, target, payload, $2::timestamptz FROM accepted WHERE kind = 'simulation' ORDER BY id
  ), feedback_rows AS (
    INSERT INTO feedback_responses (id, form_id, response, received_at)
    SELECT id, target, payload, $2::timestamptz FROM accepted WHERE kind = 'feedback' ORDER BY id
  )
  SELECT claimed.key, accepted.key IS NOT NULL AS accepted FROM claimed LEFT JOIN accepted USING (key)`;

/** Writes one batch in one transaction; one outcome per job, in order. */
async function writeBatch(tx: Queryable, jobs: SubmissionJob[], now: Date): Promise<SubmissionOutcome[]> {
  const receivedAt = now.toISOString();
  const outcomes: Array<SubmissionOutcome | undefined> = new Array(jobs.length);
  const receipts = jobs.map((job): Receipt | SubmissionReceipt =>
    job.kind === 'ballot' ? { id: randomUUID(), roundId: job.targetId, receivedAt } : { id: randomUUID(), receivedAt },
  );

  // The first job of each key in the batch leads; a later one with the same key follows its outcome.
  const leaders = new Map<string, number>();
  const followers: number[] = [];
  jobs.forEach((job, index) => (leaders.has(job.idempotencyKey) ? followers.push(index) : leaders.set(job.idempotencyKey, index)));

  // One ballot per voter per round: of one voter's ballots in the batch only the first is written;
  // the others are never claimed, so they leave no trace (unless their key was accepted before).
  const voters = new Set<string>();
  const sameVoter = new Set<number>();
  for (const index of leaders.values()) {
    if (jobs[index]!.voterHash === null) continue;
    const voter = `${jobs[index]!.targetId}\u0000${jobs[index]!.voterHash}`;
    if (voters.has(voter)) sameVoter.add(index);
    else voters.add(voter);
  }
  const written = [...leaders.values()].filter((index) => !sameVoter.has(index));
  const rows = written.map((index) => ({
    key: jobs[index]!.idempotencyKey,
    fingerprint: jobs[index]!.fingerprint,
    response: receipts[index],
    id: receipts[index]!.id,
    kind: jobs[index]!.kind,
    target: jobs[index]!.targetId,
    payload: jobs[index]!.payload,
    voter_hash: jobs[index]!.voterHash,
  }));
  const claimed = new Map((await tx.query<{ key: string; accepted: boolean }>(WRITE_BATCH, [JSON.stringify(rows), receivedAt])).map((row) => [row.key, row.accepted]));

  // The register already had these voters: their claims go again, so their keys may be used again.
  const refused = written.filter((index) => claimed.get(jobs[index]!.idempotencyKey) === false);
  if (refused.length > 0) await tx.query('DELETE FROM idempotency WHERE key = ANY($1::text[])', [refused.map((index) => jobs[index]!.idempotencyKey)]);
  for (const index of refused) outcomes[index] = { refused: 'already-voted' };
  for (const index of written) if (claimed.get(jobs[index]!.idempotencyKey)) outcomes[index] = { status: 201, receipt: receipts[index]! };

  // Keys accepted before: the original answer for the same body, a refusal for another one.
  const unclaimed = [...written.filter((index) => !claimed.has(jobs[index]!.idempotencyKey)), ...sameVoter];
  const stored = new Map<string, Stored>();
  if (unclaimed.length > 0) {
    const found = await tx.query<Stored>('SELECT key, fingerprint, status, response FROM idempotency WHERE key = ANY($1::text[])', [unclaimed.map((index) => jobs[index]!.idempotencyKey)]);
    for (const row of found) stored.set(row.key, row);
  }
  const answerFromEarlier = (index: number): SubmissionOutcome => {
    const row = stored.get(jobs[index]!.idempotencyKey);
    if (!row) return sameVoter.has(index) ? { refused: 'already-voted' } : { refused: 'try-again' }; // Gone again: another process refused it meanwhile. The client retries.
    return row.fingerprint === jobs[index]!.fingerprint ? { status: 200, receipt: row.response } : { refused: 'key-reused' };
  };
  for (const index of unclaimed) outcomes[index] = answerFromEarlier(index);

  for (const index of followers) {
    // A key another batch accepted first: each body of this batch is judged against what was stored,
    // not against its leader here (the same body as the stored one is a replay, whatever came before it).
    if (!claimed.has(jobs[index]!.idempotencyKey)) {
      outcomes[index] = answerFromEarlier(index);
      continue;
    }
    const leader = outcomes[leaders.get(jobs[index]!.idempotencyKey)!]!;
    if ('refused' in leader) outcomes[index] = leader;
    else outcomes[index] = jobs[leaders.get(jobs[index]!.idempotencyKey)!]!.fingerprint === jobs[index]!.fingerprint ? { status: 200, receipt: leader.receipt } : { refused: 'key-reused' };
  }
  return outcomes as SubmissionOutcome[];
}

const DEADLOCK = '40P01';

/** The submission writer: `submit` resolves once the submission's batch has committed. */
export function createSubmissionWriter(db: Database, options: GroupCommitOptions, now: () => Date) {
  const batches = groupCommit<SubmissionJob, SubmissionOutcome>({ concurrency: db.kind === 'postgres' ? 3 : 1, ...options }, async (jobs) => {
    // Two processes' batches may wait on each other's keys; PostgreSQL then aborts one: run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction((tx) => writeBatch(tx, jobs, now()));
      } catch (error) {
        if ((error as { code?: unknown }).code !== DEADLOCK || attempt >= 3) throw error;
      }
    }
  });
  return { submit: batches.submit, drain: batches.drain };
}

export type SubmissionWriter = ReturnType<typeof createSubmissionWriter>;
