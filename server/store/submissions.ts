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

const byString = <T>(of: (item: T) => string) => (a: T, b: T) => (of(a) < of(b) ? -1 : of(a) > of(b) ? 1 : 0);
const json = (value: unknown) => JSON.stringify(value);

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
  const leading = [...leaders.values()];

  const claimed = new Set(
    (
      await tx.query<{ key: string }>(
        `INSERT INTO idempotency (key, fingerprint, status, response)
         SELECT key, fingerprint, 201, response FROM jsonb_to_recordset($1::jsonb) AS t(key text, fingerprint text, response jsonb)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [json(leading.map((index) => ({ key: jobs[index]!.idempotencyKey, fingerprint: jobs[index]!.fingerprint, response: receipts[index] })).sort(byString((row) => row.key)))],
      )
    ).map((row) => row.key),
  );

  // Keys accepted before: the original answer for the same body, a refusal for another one.
  const earlier = leading.filter((index) => !claimed.has(jobs[index]!.idempotencyKey));
  let stored = new Map<string, Stored>();
  const answerFromEarlier = (index: number): SubmissionOutcome => {
    const row = stored.get(jobs[index]!.idempotencyKey);
    // Gone again: another process refused it between our two statements. The client retries.
    return !row ? { refused: 'try-again' } : row.fingerprint === jobs[index]!.fingerprint ? { status: 200, receipt: row.response } : { refused: 'key-reused' };
  };
  if (earlier.length > 0) {
    stored = new Map(
      (await tx.query<Stored>('SELECT key, fingerprint, status, response FROM idempotency WHERE key = ANY($1::text[])', [earlier.map((index) => jobs[index]!.idempotencyKey)])).map((row) => [row.key, row]),
    );
    for (const index of earlier) outcomes[index] = answerFromEarlier(index);
  }

  // One ballot per voter per round: the register's primary key decides, first come first served.
  const fresh = leading.filter((index) => claimed.has(jobs[index]!.idempotencyKey));
  const voting = fresh.filter((index) => jobs[index]!.voterHash !== null);
  const firstOfVoter = new Map<string, number>();
  const refusedVoters: number[] = [];
  for (const index of voting) {
    const voter = `${jobs[index]!.targetId}\u0000${jobs[index]!.voterHash}`;
    if (firstOfVoter.has(voter)) refusedVoters.push(index);
    else firstOfVoter.set(voter, index);
  }
  if (firstOfVoter.size > 0) {
    const rows = [...firstOfVoter.values()].map((index) => ({ round_id: jobs[index]!.targetId, voter_hash: jobs[index]!.voterHash! })).sort(byString((row) => row.voter_hash));
    const registered = new Set(
      (
        await tx.query<{ round_id: string; voter_hash: string }>(
          `INSERT INTO voters (round_id, voter_hash)
           SELECT round_id, voter_hash FROM jsonb_to_recordset($1::jsonb) AS t(round_id text, voter_hash text)
           ON CONFLICT DO NOTHING RETURNING round_id, voter_hash`,
          [json(rows)],
        )
      ).map((row) => `${row.round_id}\u0000${row.voter_hash}`),
    );
    for (const [voter, index] of firstOfVoter) if (!registered.has(voter)) refusedVoters.push(index);
  }
  if (refusedVoters.length > 0) {
    // A refused ballot leaves no trace: its key may be used again.
    await tx.query('DELETE FROM idempotency WHERE key = ANY($1::text[])', [refusedVoters.map((index) => jobs[index]!.idempotencyKey)]);
    for (const index of refusedVoters) outcomes[index] = { refused: 'already-voted' };
  }

  const accepted = fresh.filter((index) => outcomes[index] === undefined);
  const rowsOf = (kind: SubmissionKind) =>
    accepted.filter((index) => jobs[index]!.kind === kind).map((index) => ({ id: receipts[index]!.id, target: jobs[index]!.targetId, payload: jobs[index]!.payload })).sort(byString((row) => row.id));
  const inserts: Array<[SubmissionKind, string]> = [
    ['ballot', 'ballots (id, round_id, selections, received_at)'],
    ['simulation', 'simulation_submissions (id, simulation_id, submission, received_at)'],
    ['feedback', 'feedback_responses (id, form_id, response, received_at)'],
  ];
  for (const [kind, table] of inserts) {
    const rows = rowsOf(kind);
    if (rows.length === 0) continue;
    await tx.query(`INSERT INTO ${table} SELECT id, target, payload, $2::timestamptz FROM jsonb_to_recordset($1::jsonb) AS t(id text, target text, payload jsonb)`, [json(rows), receivedAt]);
  }
  for (const index of accepted) outcomes[index] = { status: 201, receipt: receipts[index]! };

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
