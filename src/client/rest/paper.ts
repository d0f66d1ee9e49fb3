/**
 * The REST client's paper-count methods (docs/openapi.yaml, tag `paper`): a clerk's entry, a
 * batch, a settlement, the audit log. Each sends the caller's `adminToken` as a bearer token for
 * that request alone, so the host's own headers stay as they are. Their paths are the contract's;
 * `paths` does not remap them.
 */
import * as v from 'valibot';
import type { AdminRequestOptions, CivicClient } from '../client.js';
import { CivicError } from '../client.js';
import type { PaperAudit, PaperBallot, PaperBatch, PaperEntryReceipt } from '../../domain/paper.js';
import { PAPER_LABEL } from '../../domain/paper.js';
import type { RestConfig } from './config.js';
import { buildUrl } from './routes.js';
import { parseResponse } from './schemas.js';
import { requestJson } from './transport.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Label = v.pipe(v.string(), v.regex(PAPER_LABEL));
const Name = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Instant = v.pipe(v.string(), v.maxLength(40));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Status = v.picklist(['waiting', 'agreed', 'mismatch', 'settled']);
const SelectionsSchema = v.union([
  v.pipe(v.array(Id), v.maxLength(10_000)),
  v.record(Id, Count),
  v.record(Id, v.picklist(['yes', 'no', 'abstain'])),
]);

const ReceiptSchema = v.object({ roundId: Id, number: Label, batch: Label, status: Status, change: v.picklist(['entered', 'corrected', 'unchanged']) }) satisfies v.GenericSchema<unknown, PaperEntryReceipt>;

const BallotSchema = v.object({
  number: Label,
  batch: Label,
  status: Status,
  entries: v.pipe(v.array(v.object({ clerk: Name, selections: SelectionsSchema, enteredAt: Instant })), v.maxLength(2)),
  settlement: v.optional(v.object({ settledBy: Name, selections: SelectionsSchema, settledAt: Instant })),
}) satisfies v.GenericSchema<unknown, PaperBallot>;

const BatchSchema = v.object({
  roundId: Id,
  batch: Label,
  ballots: v.pipe(v.array(BallotSchema), v.maxLength(10_000)),
  counts: v.object({ waiting: Count, agreed: Count, mismatch: Count, settled: Count }),
}) satisfies v.GenericSchema<unknown, PaperBatch>;

const AuditSchema = v.object({
  roundId: Id,
  entries: v.pipe(
    v.array(
      v.object({
        at: Instant,
        actor: Name,
        action: v.picklist(['entered', 'corrected', 'settled']),
        number: Label,
        batch: Label,
        before: v.nullable(v.union([SelectionsSchema, v.pipe(v.array(SelectionsSchema), v.maxLength(2))])),
        after: SelectionsSchema,
      }),
    ),
    v.maxLength(100_000),
  ),
}) satisfies v.GenericSchema<unknown, PaperAudit>;

type PaperMethods = Required<Pick<CivicClient, 'enterPaperBallot' | 'getPaperBatch' | 'settlePaperBallot' | 'getPaperAudit'>>;

/** A label as it goes in a path; the client refuses one the contract would, before sending anything. */
function label(value: unknown, field: string): string {
  if (typeof value !== 'string' || !PAPER_LABEL.test(value)) {
    const detail = `${field} must be 1 to 40 letters, digits or dashes, as printed on the paper`;
    throw new CivicError('validation', detail, { detail, fieldErrors: [{ field, code: 'pattern', detail }] });
  }
  return encodeURIComponent(value);
}

export function restPaperMethods(config: RestConfig): PaperMethods {
  const call = async <S extends v.GenericSchema>(method: 'GET' | 'PUT', roundId: string, tail: string, schema: S, options: AdminRequestOptions | undefined, body?: unknown) => {
    let url: string;
    try {
      url = buildUrl(config.baseUrl, `/rounds/:id${tail}`, roundId);
    } catch (cause) {
      throw new CivicError('validation', 'roundId cannot be put in a URL', { cause });
    }
    const headers = options?.adminToken ? { authorization: `Bearer ${options.adminToken}` } : undefined;
    const data = await requestJson(config, { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options?.signal });
    return parseResponse(schema, data, `paper answer for round ${roundId}`) as v.InferOutput<S>;
  };
  return {
    enterPaperBallot: async ({ roundId, number, batch, clerk, selections }, options) =>
      call('PUT', roundId, `/paper-ballots/${label(number, 'number')}`, ReceiptSchema, options, { batch, clerk, selections }),
    settlePaperBallot: async ({ roundId, number, settledBy, selections }, options) =>
      call('PUT', roundId, `/paper-ballots/${label(number, 'number')}/settlement`, BallotSchema, options, { settledBy, selections }),
    getPaperBatch: async (roundId, batch, options) => call('GET', roundId, `/paper-batches/${label(batch, 'batch')}`, BatchSchema, options),
    getPaperAudit: (roundId, options) => call('GET', roundId, '/paper-audit', AuditSchema, options),
  };
}
