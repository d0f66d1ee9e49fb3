/**
 * One JSON request over `fetch`: headers, timeout, the caller's abort, retries with backoff, and
 * every failure turned into a `CivicError`. What the JSON means is checked by the caller (schemas.ts).
 */
import { CivicError } from '../client.js';
import { backoffDelay, sleep } from '../wait.js';
import { attemptSignal, type AttemptSignal } from './abort.js';
import { BodyEncodingError, BodyTooLargeError, discardBody, MAX_BODY_BYTES, MAX_ERROR_BODY_BYTES, readBody } from './body.js';
import { errorFromAnswer } from './problems.js';
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';

/** `getHeaders`: called before every attempt; returns headers (or a promise of them) to merge over `headers`. */
export type HeadersSource = () => HeadersInit | undefined | Promise<HeadersInit | undefined>;

/** The client-wide settings a request needs, already checked by `createRestClient`. */
export interface TransportConfig {
  fetch: typeof fetch;
  headers: Headers;
  getHeaders?: HeadersSource;
  credentials?: RequestCredentials;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

/** One logical request; it may take several attempts. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Headers of this request alone (a facilitator's code), over the client's. */
  headers?: HeadersInit;
  /** Already serialised JSON. */
  body?: string;
  /** Sent on every attempt; a POST is only retried when it has one. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type Attempt = { ok: true; data: unknown } | { ok: false; error: CivicError; retryAfterMs?: number };

/** Sends `request` and resolves with its parsed JSON body; rejects only with a `CivicError`. */
export async function requestJson(config: TransportConfig, request: TransportRequest): Promise<unknown> {
  // GET and PUT are idempotent (a PUT sets a value); a POST only with its key.
  const mayRetry = request.method !== 'POST' || request.idempotencyKey !== undefined;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(config, request);
    if (outcome.ok) return outcome.data;
    const { error } = outcome;
    if (request.signal?.aborted || !mayRetry || !error.retryable || attempt >= config.retries) throw error;
    // A server that asks for a long pause is not waited for: the outbox tries again later instead.
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
    const wait = outcome.retryAfterMs ?? backoffDelay(attempt, config.retryDelayMs, MAX_BACKOFF_MS);
    try {
      await sleep(wait, request.signal);
    } catch (reason) {
      throw abortedByCaller(request, reason);
    }
  }
}

async function attemptOnce(config: TransportConfig, request: TransportRequest): Promise<Attempt> {
  const abort = attemptSignal(config.timeoutMs, request.signal);
  try {
    const headers = await buildHeaders(config, request, abort);
    let response: Response;
    try {
      response = await config.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        credentials: config.credentials,
        signal: abort.signal,
      });
    } catch (error) {
      throw failure(request, abort, error, 'could not reach the server');
    }
    return response.ok ? await successBody(request, response, abort) : await errorAnswer(request, response, abort);
  } catch (error) {
    if (error instanceof CivicError) return { ok: false, error };
    return { ok: false, error: failure(request, abort, error, 'failed unexpectedly') };
  } finally {
    abort.dispose();
  }
}

async function buildHeaders(config: TransportConfig, request: TransportRequest, abort: AttemptSignal): Promise<Headers> {
  const headers = new Headers(config.headers);
  if (config.getHeaders) {
    let extra: HeadersInit | undefined;
    try {
      // Asked on every attempt, so a host's token that refreshed between retries is used.
      extra = await untilAborted(Promise.resolve().then(config.getHeaders), abort.signal);
    } catch (error) {
      if (abort.cause) throw failure(request, abort, error, 'was waiting for getHeaders()');
      throw new CivicError('unauthorized', `getHeaders() failed before ${request.method} ${request.url}: ${messageOf(error)}`, {
        cause: error,
      });
    }
    try {
      new Headers(extra ?? undefined).forEach((value, name) => headers.set(name, value));
    } catch (error) {
      throw new CivicError('unauthorized', `getHeaders() returned invalid headers: ${messageOf(error)}`, { cause: error });
    }
  }
  new Headers(request.headers).forEach((value, name) => headers.set(name, value));
  headers.set('Accept', 'application/json, application/problem+json');
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');
  if (request.idempotencyKey !== undefined) headers.set('Idempotency-Key', request.idempotencyKey);
  return headers;
}

async function successBody(request: TransportRequest, response: Response, abort: AttemptSignal): Promise<Attempt> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType.trim())) {
    await discardBody(response);
    throw invalid(request, response, `expected application/json, got ${contentType ? `"${contentType.slice(0, 100)}"` : 'no content type'}`);
  }
  let text: string;
  try {
    text = await readBody(response, { maxBytes: MAX_BODY_BYTES, fatal: true });
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyEncodingError) throw invalid(request, response, error.message);
    throw failure(request, abort, error, 'lost the connection while reading the answer');
  }
  if (text.trim() === '') throw invalid(request, response, 'the body is empty');
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    throw invalid(request, response, `the body is not valid JSON (truncated?): ${messageOf(error)}`);
  }
}

async function errorAnswer(request: TransportRequest, response: Response, abort: AttemptSignal): Promise<Attempt> {
  let body = '';
  try {
    body = await readBody(response, { maxBytes: MAX_ERROR_BODY_BYTES, truncate: true });
  } catch (error) {
    // The status alone still says what happened, unless the wait itself ran out.
    if (abort.cause) throw failure(request, abort, error, 'was reading an error answer');
  }
  const error = errorFromAnswer({
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get('content-type') ?? '',
    body,
    url: request.url,
    method: request.method,
  });
  const honoursRetryAfter = response.status === 429 || response.status === 503;
  return { ok: false, error, retryAfterMs: honoursRetryAfter ? retryAfterMs(response.headers.get('retry-after')) : undefined };
}

/** A transport failure: timeout, the caller's abort, or the network, depending on what fired. */
function failure(request: TransportRequest, abort: AttemptSignal, error: unknown, what: string): CivicError {
  if (error instanceof CivicError) return error;
  if (abort.cause === 'caller') return abortedByCaller(request, request.signal?.reason ?? error);
  if (abort.cause === 'timeout') {
    return new CivicError('timeout', `${request.method} ${request.url}: no answer within ${abort.timeoutMs} ms`, { cause: error });
  }
  return new CivicError('network', `${request.method} ${request.url} ${what}: ${messageOf(error)}`, { cause: error });
}

/** The caller's own abort: not a failure of the server, and not worth retrying. */
function abortedByCaller(request: TransportRequest, reason: unknown): CivicError {
  return new CivicError('aborted', `${request.method} ${request.url} was aborted by the caller`, { cause: reason });
}

function invalid(request: TransportRequest, response: Response, why: string): CivicError {
  return new CivicError('invalid-response', `${request.method} ${request.url} answered ${response.status}, but ${why}`, {
    status: response.status,
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function messageOf(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
    // undici's "fetch failed" says nothing; its cause says "other side closed" or similar.
    if (error instanceof Error && error.cause instanceof Error) text += ` (${error.cause.message})`;
  } catch {
    text = 'an unprintable error';
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
