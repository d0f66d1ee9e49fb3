/**
 * RFC 9457 problem+json answers: every error the server gives, its own and Fastify's, goes out as
 * one of these, with a `detail` written for residents and never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../src/domain/types.js';
import { DatabaseUnavailableError } from '../db/types.js';
import { dotPath } from './contract.js';

/** Where the server's problem types live; the client reads a type ending in `/closed` as "closed". */
export const PROBLEM_BASE = 'https://civic-widgets.example/problems/';

export interface ProblemInit {
  /** The last part of the problem type, e.g. `closed`; `about:blank` when absent. */
  type?: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** An error the server answers with as problem+json; throw it from any route. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  readonly init: ProblemInit;

  constructor(status: number, init: ProblemInit) {
    super(init.detail);
    this.status = status;
    this.init = init;
  }

  body(): Record<string, unknown> {
    const { type, title, detail, errors } = this.init;
    return { type: type ? PROBLEM_BASE + type : 'about:blank', title, status: this.status, detail, ...(errors ? { errors } : {}) };
  }
}

export const notFound = (detail: string) => new HttpProblem(404, { title: 'Not Found', detail });

export const validationProblem = (status: 400 | 422, title: string, errors: FieldError[]) =>
  new HttpProblem(status, { type: 'validation', title, detail: errors.map((error) => error.detail).join(' ') || title, errors });

export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, { title: 'Too Many Requests', detail, headers: { 'retry-after': String(retryAfterSeconds) } });

/** Seconds a client is asked to wait while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER = 2;

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.init.headers ?? {})) reply.header(name, value);
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem.body()));
}

/** Fastify's validation errors (ajv) as field errors: `selections[2]`, `Idempotency-Key`, `page`. */
function schemaFieldErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).slice(0, 20).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const extra = [params.missingProperty, params.unevaluatedProperty, params.additionalProperty].find((name) => typeof name === 'string') as string | undefined;
    let field = dotPath(issue.instancePath, extra);
    if (context === 'headers') field = field.replace(/^idempotency-key/, 'Idempotency-Key');
    if (field === '') field = context === 'body' ? 'body' : context;
    const detail = issue.keyword === 'unevaluatedProperties' ? `${field} is not a field this request takes.` : `${field} ${issue.message ?? 'is not valid'}.`;
    return { field, code: issue.keyword, detail };
  });
}

/** Fastify's own errors (routing, parsing, limits) and ours, as problems. */
export function problemFor(error: FastifyError | Error): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DatabaseUnavailableError) {
    return new HttpProblem(503, {
      title: 'Service Unavailable',
      detail: 'The service is briefly unavailable. Nothing you sent has been lost; please try again in a moment.',
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER) },
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return validationProblem(400, 'The request is not valid', schemaFieldErrors(fastifyError));
  }
  const status = fastifyError.statusCode;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, { title: 'Content Too Large', detail: 'The request body is too large.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, { title: 'Unsupported Media Type', detail: 'Send the body as JSON, with Content-Type: application/json.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, { type: 'validation', title: 'Bad Request', detail: 'The request body is empty; send a JSON document.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpProblem(400, { type: 'validation', title: 'Bad Request', detail: 'The request body is not valid JSON.' });
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    // secure-json-parse refuses `__proto__` and `constructor.prototype` keys with a SyntaxError too.
    const detail = /prototype/i.test(error.message) ? 'The request body holds a forbidden key (__proto__ or constructor).' : 'The request body is not valid JSON.';
    return new HttpProblem(400, { type: 'validation', title: 'Bad Request', detail });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Any other client error Fastify raises (bad URL, header too long): its status, a plain detail.
    return new HttpProblem(status, { title: httpTitle(status), detail: `The request could not be handled (${httpTitle(status)}).` });
  }
  return new HttpProblem(500, { title: 'Internal Server Error', detail: 'Something went wrong on our side. Please try again later.' });
}

function httpTitle(status: number): string {
  const titles: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 411: 'Length Required', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 431: 'Request Header Fields Too Large' };
  return titles[status] ?? 'Client Error';
}

/** The app's error handler: the problem, and a log line for a 5xx that was not expected. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemFor(error);
  if (problem.status >= 500 && !(error instanceof DatabaseUnavailableError)) request.log.error({ err: error }, 'request failed');
  else if (problem.status === 503) request.log.warn(error.message);
  return sendProblem(reply, problem);
}
