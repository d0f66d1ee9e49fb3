/** Casting a ballot, and checking a receipt later. */
import type { FastifyInstance } from 'fastify';
import { ballotFieldErrors } from '../../src/domain/field-errors.js';
import { validateBallot } from '../../src/domain/rules/index.js';
import { effectiveStatus } from '../../src/domain/rounds.js';
import type { Ballot } from '../../src/domain/types.js';
import type { AppContext } from '../context.js';
import { countRefusal, voterOf } from '../identity/voter.js';
import { operation, sendJson } from '../http/operation.js';
import { HttpProblem, notFound, validationProblem } from '../http/problems.js';
import { roundOr404, whyNotOpen } from './rounds.js';
import { acceptSubmission } from './submit.js';

export function ballotRoutes(app: FastifyInstance, context: AppContext): void {
  operation(app, context, 'submitBallot', async (request, reply) => {
    const roundId = request.params.roundId!;
    const ballot = request.body as Ballot;
    const entry = await roundOr404(context, roundId);
    const { round, proposals } = entry;
    const check = { db: context.db, limiter: context.limiter, limits: context.config.limits, tokenKey: context.tokenKey, address: request.ip };
    return acceptSubmission(context, reply, {
      kind: 'ballot',
      targetId: roundId,
      idempotencyKey: request.headers['idempotency-key'] as string,
      // Voter credentials are not part of what the key identifies (store/submissions.ts `fingerprint`).
      body: { roundId: ballot.roundId, kind: ballot.kind, selections: ballot.selections },
      payload: ballot.selections,
      async check() {
        if (ballot.roundId !== roundId) {
          throw validationProblem(422, 'The ballot is for another round', [{ field: 'roundId', code: 'mismatch', detail: `This ballot says round ${ballot.roundId}, but was sent to round ${roundId}.` }]);
        }
        const now = context.config.now();
        if (effectiveStatus(round, now) !== 'open') {
          throw new HttpProblem(409, { type: 'closed', title: 'Voting is not open', detail: whyNotOpen(round, now) });
        }
        const problems = validateBallot(ballot, round.rules, proposals);
        if (problems.length > 0) throw validationProblem(422, 'Your ballot is not valid', ballotFieldErrors(problems, round.currency));
        return voterOf(round, ballot, check);
      },
      alreadyVoted() {
        countRefusal(check);
        return round.voterIdentity === 'code'
          ? // 409, as for any voter who has voted: the form then says the code was used, not that it is unknown.
            new HttpProblem(409, { type: 'voting-code-used', title: 'This voting code has been used', detail: 'This voting code has already been used. Ask the council for a new one if you did not use it.' })
          : new HttpProblem(409, { type: 'already-voted', title: 'You have already voted', detail: 'You have already voted in this round. Thank you!' });
      },
    });
  });

  operation(app, context, 'getReceipt', async (request, reply) => {
    const id = request.params.receiptId!;
    const [row] = await context.db.query<{ id: string; round_id: string; received_at: Date }>('SELECT id, round_id, received_at FROM ballots WHERE id = $1', [id]);
    if (!row) throw notFound(`There is no ballot with the receipt ${id}.`);
    return sendJson(reply, 200, { id: row.id, roundId: row.round_id, receivedAt: new Date(row.received_at).toISOString() });
  });
}
