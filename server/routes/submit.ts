/**
 * The one way a submission is accepted: checked (by the caller's `check`), then written by group
 * commit under its Idempotency-Key. A refusal of a key that was accepted before answers the
 * original receipt instead, so an outbox resending after the round closed still gets its receipt.
 */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.js';
import { sendJson } from '../http/operation.js';
import { HttpProblem } from '../http/problems.js';
import { findIdempotent, fingerprint, type SubmissionKind } from '../store/submissions.js';

export interface Submission {
  kind: SubmissionKind;
  targetId: string;
  idempotencyKey: string;
  /** The checked fields of the body; unknown fields never get this far (the schema refuses them). */
  body: unknown;
  /** What is stored: the body, or a ballot's selections alone. */
  payload: unknown;
  /** Throws a problem to refuse; returns the voter's register entry (null when none). */
  check: () => Promise<string | null>;
  /** Called when the register already has this voter (a used code, a token that voted). */
  alreadyVoted?: () => HttpProblem;
}

export const keyReused = () =>
  new HttpProblem(422, {
    type: 'idempotency-key-reused',
    title: 'This Idempotency-Key was used for another submission',
    detail: 'This submission reuses the key of a different one. Send it with a new Idempotency-Key.',
    errors: [{ field: 'Idempotency-Key', code: 'reused', detail: 'This key was already used for a different submission.' }],
  });

export async function acceptSubmission(context: AppContext, reply: FastifyReply, submission: Submission): Promise<FastifyReply> {
  const print = fingerprint(submission.kind, submission.targetId, submission.body);
  let voterHash: string | null;
  try {
    voterHash = await submission.check();
  } catch (error) {
    if (error instanceof HttpProblem && error.status >= 400 && error.status < 500) {
      const earlier = await findIdempotent(context.db, submission.idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== print) throw keyReused();
        return sendJson(reply, 200, earlier.response);
      }
    }
    throw error;
  }
  const outcome = await context.writer.submit({
    kind: submission.kind,
    idempotencyKey: submission.idempotencyKey,
    fingerprint: print,
    targetId: submission.targetId,
    payload: submission.payload,
    voterHash,
  });
  if ('receipt' in outcome) return sendJson(reply, outcome.status, outcome.receipt);
  if (outcome.refused === 'key-reused') throw keyReused();
  throw submission.alreadyVoted?.() ?? new HttpProblem(409, { type: 'already-voted', title: 'You have already voted', detail: 'You have already voted in this round. Thank you!' });
}
