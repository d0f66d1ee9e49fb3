/** Registers a handler for an operation of the contract, with the contract's path, method and schemas. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { requireAdmin } from './admin-auth.js';
import { operations } from './contract.js';

export interface OperationRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export type OperationHandler = (request: FastifyRequest & OperationRequest, reply: FastifyReply) => Promise<unknown>;

export function operation(app: FastifyInstance, context: AppContext, operationId: string, handler: OperationHandler): void {
  const found = operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`docs/openapi.yaml has no operation ${operationId}`);
  app.route({
    method: found.method,
    url: found.url,
    schema: found.schema,
    // Admin first: a stranger learns nothing from validation errors of admin routes.
    onRequest: found.admin ? async (request) => requireAdmin(context, request) : undefined,
    handler: handler as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  });
}

/** Sends JSON with the contract's content type. */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
