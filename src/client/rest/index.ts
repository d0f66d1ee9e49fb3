/**
 * The REST client: a `CivicClient` over `fetch` that speaks the contract in docs/openapi.yaml.
 *
 * Voter identity travels in the ballot body (`Ballot.voterToken`, `Ballot.votingCode`), never in
 * headers, so that the host site's own `Authorization` header (from `headers`/`getHeaders`) can
 * stay what the host needs it to be.
 */
import type * as v from 'valibot';
import type { CivicClient, FieldError, RequestOptions, SubmitOptions } from '../client.js';
import { CivicError, toCivicError } from '../client.js';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from '../ids.js';
import { resolveRestConfig, type RestClientOptions, type RestConfig } from './config.js';
import { buildUrl, type QueryParams, type RouteName } from './routes.js';
import { requestJson } from './transport.js';

import {
  FeedbackFormSchema,
  parseResponse,
  ProposalPageSchema,
  ProposalSchema,
  ReceiptSchema,
  ResultsSchema,
  RoundSchema,
  SimulationSchema,
  SubmissionReceiptSchema,
} from './schemas.js';

export type { RestClientOptions } from './config.js';
export type { HeadersSource } from './transport.js';

/**
 * Creates a `CivicClient` for the REST contract at `options.baseUrl`. Invalid options throw a
 * `TypeError` naming the option; the client's methods reject only with `CivicError`.
 */
export function createRestClient(options: RestClientOptions): CivicClient {
  const config = resolveRestConfig(options);
  const { baseUrl, paths } = config;

  /** GETs `route` for `id` and validates the answer; `noun` names it in errors ("round r1"). */
  const get = <S extends v.GenericSchema>(route: RouteName, id: string, schema: S, noun: string, request?: RequestOptions, query?: () => QueryParams) =>
    guard(route, async () => {
      const url = urlFor(baseUrl, paths[route], id, route, query?.());
      const data = await requestJson(config, { method: 'GET', url, signal: request?.signal });
      return parseResponse(schema, data, `${noun} ${id}`);
    });

  /** POSTs `payload` to the route of its `idField` with an Idempotency-Key, and validates the receipt. */
  const post = <S extends v.GenericSchema>(route: RouteName, idField: string, payload: unknown, schema: S, request: SubmitOptions | undefined) =>
    guard(route, async () => {
      const url = urlFor(baseUrl, paths[route], idOf(payload, idField, route), route, undefined, idField);
      const idempotencyKey = request?.idempotencyKey ?? newIdempotencyKey();
      if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
        throw refused(route, 'idempotencyKey', 'pattern', 'must be 1 to 255 visible ASCII characters');
      }
      const body = toJson(route, payload);
      const data = await requestJson(config, { method: 'POST', url, body, idempotencyKey, signal: request?.signal });
      return parseResponse(schema, data, `receipt of ${route}`);
    });

  let meetings: Promise<Required<Pick<CivicClient, 'getMeeting' | 'updateMeeting' | 'watchMeeting'>>> | undefined;
  const meetingMethods = () =>
    (meetings ??= import('./meeting.js').then(({ restMeetingMethods }) =>
      restMeetingMethods({
        config,
        urlFor: (route, id) => urlFor(baseUrl, paths[route], id, route, undefined, 'roundId'),
        refused: (route, field, detail) => refused(route, field, 'required', detail),
        toJson,
        guard,
      }),
    ));

  return {
    id: `rest:${buildUrl(baseUrl, '', '')}`,
    getRound: (roundId, request) => get('getRound', roundId, RoundSchema, 'round', request),
    listProposals: (roundId, query, request) =>
      get('listProposals', roundId, ProposalPageSchema, 'proposals of round', request, () => {
        const { area, category, q, sort, seed, page, pageSize } = query ?? {};
        return { area, category, q, sort, seed, page, pageSize };
      }),
    getProposal: (proposalId, request) => get('getProposal', proposalId, ProposalSchema, 'proposal', request),
    submitBallot: (ballot, request) => post('submitBallot', 'roundId', ballot, ReceiptSchema, request),
    getReceipt: (receiptId, request) => get('getReceipt', receiptId, ReceiptSchema, 'receipt', request),
    getResults: (roundId, request) =>
      get('getResults', roundId, ResultsSchema, 'results of round', request, () => ({ rule: request?.rule })),
    getSimulation: (simulationId, request) => get('getSimulation', simulationId, SimulationSchema, 'simulation', request),
    submitSimulation: (submission, request) => post('submitSimulation', 'simulationId', submission, SubmissionReceiptSchema, request),
    getForm: (formId, request) => get('getForm', formId, FeedbackFormSchema, 'form', request),
    submitFeedback: (response, request) => post('submitFeedback', 'formId', response, SubmissionReceiptSchema, request),
    // Only a count's clerks need these: their schemas load on the first call, not on every page.
    enterPaperBallot: async (entry, request) => (await paperMethods(config)).enterPaperBallot(entry, request),
    getPaperBatch: async (roundId, batch, request) => (await paperMethods(config)).getPaperBatch(roundId, batch, request),
    settlePaperBallot: async (settlement, request) => (await paperMethods(config)).settlePaperBallot(settlement, request),
    getPaperAudit: async (roundId, request) => (await paperMethods(config)).getPaperAudit(roundId, request),
    // A panel meeting's code is loaded by the pages that show one only.
    getMeeting: async (roundId, request) => (await meetingMethods()).getMeeting(roundId, request),
    updateMeeting: async (roundId, change, request) => (await meetingMethods()).updateMeeting(roundId, change, request),
    watchMeeting: (roundId, watch) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      meetingMethods()
        .then((methods) => stopped || (stop = methods.watchMeeting(roundId, watch)))
        .catch((error: unknown) => watch.error?.(toCivicError(error)));
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}

async function paperMethods(config: RestConfig) {
  try {
    return (await import('./paper.js')).restPaperMethods(config);
  } catch (error) {
    throw new CivicError('network', `The paper-count part of the client could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function urlFor(baseUrl: string, template: string, id: string, route: RouteName, query?: QueryParams, idField = 'id'): string {
  // Dot segments would be resolved away by the URL parser and reach another route.
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..' || id.length > 1_000) {
    const got = String(JSON.stringify(id)).slice(0, 100);
    throw refused(route, idField, 'invalid', `must be a non-empty string other than "." and ".." (got ${got})`);
  }
  try {
    return buildUrl(baseUrl, template, id, query);
  } catch (error) {
    throw refused(route, idField, 'invalid', 'cannot be put in a URL (it holds a lone UTF-16 surrogate)', error);
  }
}

function idOf(payload: unknown, key: string, route: RouteName): string {
  const id = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>)[key] : undefined;
  if (typeof id !== 'string') throw refused(route, key, 'required', 'is required (a string)');
  return id;
}

function toJson(route: RouteName, payload: unknown): string {
  try {
    return JSON.stringify(payload);
  } catch (error) {
    throw refused(route, 'body', 'not-json', 'cannot send this value as JSON', error);
  }
}

/** The client refuses a call before sending anything; shaped like a server's validation error. */
function refused(route: RouteName, field: string, code: string, detail: string, cause?: unknown): CivicError {
  const fieldErrors: FieldError[] = [{ field, code, detail }];
  return new CivicError('validation', `${route}: ${field} ${detail}`, { detail: `${field} ${detail}`, fieldErrors, cause });
}

/** The last line of the promise that methods reject only with `CivicError`. */
async function guard<T>(method: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CivicError) throw error;
    throw new CivicError('internal', `${method} failed unexpectedly: ${error instanceof Error ? error.message : 'unknown error'}`, { cause: error });
  }
}
