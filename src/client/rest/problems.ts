/**
 * Turns an HTTP error answer into a typed `CivicError`, reading an RFC 9457 problem when there is one.
 *
 * Mapping (also in docs/openapi.yaml): 400 and 422 -> `validation` (with the problem's `errors` as
 * `fieldErrors`); 401 and 403 -> `unauthorized`; 404 -> `not-found`; 409 -> `conflict`; 423 -> `closed`;
 * any 4xx whose problem `type` ends in `/closed` -> `closed`; anything else -> `http` with its status.
 */
import * as v from 'valibot';
import { CivicError, type CivicErrorCode } from '../client.js';
import { ProblemSchema, type Problem } from './schemas.js';

/** What the client knows about an error answer. */
export interface ErrorAnswer {
  status: number;
  statusText: string;
  contentType: string;
  /** The body (or its first bytes); empty when it could not be read. */
  body: string;
  /** Where the request went, for the developer reading the message. */
  url: string;
  method: string;
}

/** The `CivicError` for an error answer; never throws. */
export function errorFromAnswer(answer: ErrorAnswer): CivicError {
  const problem = readProblem(answer.contentType, answer.body);
  const code = codeFor(answer.status, problem?.type);
  const where = `${answer.method} ${answer.url}`;
  const statusLine = `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  const message = problem
    ? `${where} failed with ${statusLine}: ${problem.detail ?? problem.title ?? 'no detail given'}`
    : `${where} failed with ${statusLine} (the body was not a problem+json document: ${describeBody(answer)})`;
  return new CivicError(code, message, {
    status: answer.status,
    detail: problem?.detail,
    fieldErrors: problem?.errors,
  });
}

function codeFor(status: number, problemType: string | undefined): CivicErrorCode {
  if (status >= 400 && status < 500 && problemType !== undefined && /\/closed\/?$/.test(problemType)) return 'closed';
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
    case 403:
      return 'unauthorized';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 423:
      return 'closed';
    default:
      return 'http';
  }
}

/** The problem in a JSON error body (problem+json, or plain JSON from a lax backend), if any. */
function readProblem(contentType: string, body: string): Problem | undefined {
  if (!/^application\/(?:problem\+)?json\b/i.test(contentType.trim())) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  // Valibot reads an array as an object; a problem is a JSON object, nothing else.
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const parsed = v.safeParse(ProblemSchema, data);
  return parsed.success ? parsed.output : undefined;
}

function describeBody({ contentType, body }: ErrorAnswer): string {
  if (body.trim() === '') return 'empty';
  const kind = contentType ? contentType.split(';')[0]!.trim() : 'no content type';
  // An HTML error page's <title> is usually the most useful line of it ("502 Bad Gateway").
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1]?.trim();
  return title ? `${kind}, "${title}"` : kind;
}
