/**
 * The facilitator of a panel meeting: `Authorization: Bearer CODE` with the round's facilitator
 * code, or the admin token. Codes are random like voting codes (identity/codes.ts) and kept only
 * as a hash; refusals are rate-limited per address like the admin token's.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { sha256 } from '../digest.js';
import { isAdmin } from '../http/admin-auth.js';
import { HttpProblem, tooManyRequests } from '../http/problems.js';
import { normalizeVotingCode } from '../../src/domain/rounds.js';

/** What is stored for a round's facilitator code. */
export function facilitatorCodeHash(roundId: string, code: string): string {
  return sha256(`facilitator\u0000${roundId}\u0000${normalizeVotingCode(code)}`);
}

/** Throws 401 (or 429 after too many refusals from this address) unless the request is the round's facilitator's or an admin's. */
export async function requireFacilitator(context: AppContext, request: FastifyRequest, roundId: string): Promise<void> {
  const { limiter, config, db } = context;
  if (limiter.exceeded('facilitator', request.ip, config.limits.failedAdminPerWindow)) {
    throw tooManyRequests('Too many refused facilitator codes from this address; please try again later.', limiter.retryAfter('facilitator', request.ip));
  }
  if (isAdmin(context, request)) return;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const [row] = await db.query('SELECT 1 FROM meetings WHERE round_id = $1 AND facilitator_hash = $2', [roundId, facilitatorCodeHash(roundId, bearer)]);
    if (row) return;
  }
  limiter.hit('facilitator', request.ip);
  throw new HttpProblem(401, {
    type: 'facilitator-code-required',
    title: 'Unauthorized',
    detail: bearer === undefined
      ? 'Only the meeting’s facilitator can do this: send Authorization: Bearer with the facilitator code or the admin token.'
      : 'This facilitator code is not the one for this round.',
    headers: { 'www-authenticate': 'Bearer' },
  });
}
