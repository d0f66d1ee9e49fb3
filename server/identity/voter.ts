/**
 * Who is voting, per the round's `voterIdentity`: `open` (anyone, limited per client address),
 * `code` (a single-use voting code) or `token` (a JWT, HS256, signed by the host site with
 * VOTER_TOKEN_SECRET: `sub` the voter, `aud` the round when present, `exp` honoured).
 *
 * The answer is the voter's entry in the marked register: a hash that says who voted in the round,
 * and is never stored with the ballot.
 */
import { createVerifier, TokenError } from 'fast-jwt';
import type { Ballot, Round } from '../../src/domain/types.js';
import type { Limits } from '../config.js';
import type { Queryable } from '../db/types.js';
import { sha256 } from '../digest.js';
import { HttpProblem, tooManyRequests } from '../http/problems.js';
import type { RateLimiter } from './rate-limit.js';
import { votingCodeHash } from './codes.js';

export interface VoterCheck {
  db: Queryable;
  limiter: RateLimiter;
  limits: Limits;
  /** Checks a voter token against VOTER_TOKEN_SECRET; null when none is set. */
  tokenKey: TokenVerifier | null;
  address: string;
}

export type TokenVerifier = (token: string) => Record<string, unknown>;

/**
 * The verifier of voter tokens: HS256 only (a token naming `none` or another algorithm is refused),
 * `exp` and `nbf` honoured. fast-jwt (Fastify's JWT library) checks with node:crypto directly;
 * WebCrypto-based libraries cost ten times as much per ballot, which group commit then waits on.
 */
export const tokenKeyOf = (secret: string | undefined): TokenVerifier | null =>
  secret ? (createVerifier({ key: secret, algorithms: ['HS256'], cache: false }) as TokenVerifier) : null;

const refused = (status: 401 | 403, type: string, title: string, detail: string) => new HttpProblem(status, { type, title, detail });

/**
 * The voter's register entry, or null in an open round (where only the client address is counted).
 * Throws a problem for a missing or refused credential, and 429 once an address has sent too many
 * refused ones; only refusals count, so any number of genuine voters can share an address.
 */
export async function voterOf(round: Round, ballot: Ballot, check: VoterCheck): Promise<string | null> {
  const identity = round.voterIdentity ?? 'open';
  const { limiter, limits, address } = check;
  if (identity === 'open') {
    if (limiter.exceeded('open', address, limits.openBallotsPerWindow)) {
      throw tooManyRequests('Too many ballots from this network; please try again later.', limiter.retryAfter('open', address));
    }
    limiter.hit('open', address);
    return null;
  }
  if (limiter.exceeded('refused', address, limits.failedAttemptsPerWindow)) {
    throw tooManyRequests('Too many refused voting codes or tokens from this network; please try again later.', limiter.retryAfter('refused', address));
  }
  try {
    return identity === 'code' ? await codeVoter(round, ballot, check.db) : await tokenVoter(round, ballot, check.tokenKey);
  } catch (error) {
    if (error instanceof HttpProblem && (error.status === 401 || error.status === 403)) limiter.hit('refused', address);
    throw error;
  }
}

/** Counts a used code or an already-voted token as a refused attempt from this address. */
export function countRefusal(check: Pick<VoterCheck, 'limiter' | 'address'>): void {
  check.limiter.hit('refused', check.address);
}

async function codeVoter(round: Round, ballot: Ballot, db: Queryable): Promise<string> {
  if (typeof ballot.votingCode !== 'string' || ballot.votingCode.trim() === '') {
    throw refused(401, 'voting-code-required', 'A voting code is needed', 'Enter the voting code from your letter to vote in this round.');
  }
  const hash = votingCodeHash(round.id, ballot.votingCode);
  const [known] = await db.query('SELECT 1 FROM voting_codes WHERE round_id = $1 AND code_hash = $2', [round.id, hash]);
  if (!known) throw refused(403, 'voting-code-unknown', 'This voting code is not recognised', 'This voting code is not one of this round’s codes. Check it against your letter.');
  return `code:${hash}`;
}

async function tokenVoter(round: Round, ballot: Ballot, verify: TokenVerifier | null): Promise<string> {
  if (verify === null) {
    throw new HttpProblem(503, { title: 'Service Unavailable', detail: 'Voting in this round is not set up yet. Please try again later.' });
  }
  if (typeof ballot.voterToken !== 'string' || ballot.voterToken === '') {
    throw refused(401, 'voter-token-required', 'Sign in to vote', 'Sign in on the council’s website to vote in this round.');
  }
  let payload: Record<string, unknown>;
  try {
    payload = verify(ballot.voterToken);
  } catch (error) {
    if (error instanceof TokenError && error.code === TokenError.codes.expired) throw refused(401, 'voter-token-expired', 'Your sign-in has expired', 'Your sign-in has expired. Sign in again on the council’s website, then vote.');
    throw refused(401, 'voter-token-refused', 'Your sign-in was not accepted', 'Your sign-in was not accepted. Sign in again on the council’s website, then vote.');
  }
  const audience = payload.aud === undefined ? undefined : Array.isArray(payload.aud) ? (payload.aud as unknown[]) : [payload.aud];
  if (audience !== undefined && !audience.includes(round.id)) {
    throw refused(403, 'voter-token-other-round', 'This sign-in is for another round', 'This sign-in is for another round. Go back to the council’s website and open this round’s page.');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw refused(401, 'voter-token-refused', 'Your sign-in was not accepted', 'Your sign-in was not accepted (it names no voter). Sign in again on the council’s website.');
  }
  return `token:${sha256(`token\u0000${round.id}\u0000${payload.sub}`)}`;
}
