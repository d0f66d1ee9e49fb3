/** The admin routes' bearer token (ADMIN_TOKEN), compared in constant time, refusals rate-limited. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { sha256Bytes } from '../digest.js';
import { HttpProblem, tooManyRequests } from './problems.js';

/** Whether the request carries the admin token. */
export function isAdmin(context: AppContext, request: FastifyRequest): boolean {
  const token = context.config.adminToken;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return token !== undefined && match !== null && timingSafeEqual(sha256Bytes(match[1]!), sha256Bytes(token));
}

/** Throws 401 (or 429 after too many refusals from this address) unless the request is an admin's. */
export function requireAdmin(context: AppContext, request: FastifyRequest): void {
  const { limiter, config } = context;
  if (limiter.exceeded('admin', request.ip, config.limits.failedAdminPerWindow)) {
    throw tooManyRequests('Too many refused admin tokens from this address; please try again later.', limiter.retryAfter('admin', request.ip));
  }
  if (isAdmin(context, request)) return;
  limiter.hit('admin', request.ip);
  const detail = config.adminToken === undefined
    ? 'The admin routes are switched off: start the server with ADMIN_TOKEN set.'
    : 'This needs the admin token: Authorization: Bearer ADMIN_TOKEN.';
  throw new HttpProblem(401, { type: 'admin-token-required', title: 'Unauthorized', detail, headers: { 'www-authenticate': 'Bearer' } });
}
