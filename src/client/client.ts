import type { FieldError } from '../domain/types.js';
import type { PaperAudit, PaperBallot, PaperBallotInput, PaperBatch, PaperEntryReceipt, PaperSettlementInput } from '../domain/paper.js';
import type { MeetingChange, MeetingState } from '../domain/meeting.js';
import type {
  Ballot,
  FeedbackForm,
  FeedbackResponse,
  Proposal,
  ProposalPage,
  ProposalQuery,
  Receipt,
  Results,
  Round,
  Simulation,
  SimulationSubmission,
  SubmissionReceipt,
  TallyRule,
} from '../domain/types.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SubmitOptions extends RequestOptions {
  /**
   * Sent as the `Idempotency-Key` header: the same key always means the same submission, so a
   * retry never counts twice. Generated when absent.
   */
  idempotencyKey?: string;
}

/** For the council's own routes (a paper count): the admin token, sent as `Authorization: Bearer`. */
export interface AdminRequestOptions extends RequestOptions {
  adminToken?: string;
}

/**
 * Everything an element needs from a backend. Implement it to connect the elements to any
 * backend; `createRestClient` and `createMemoryClient` are the two that ship.
 * Every method rejects only with a `CivicError`.
 */
export interface CivicClient {
  /**
   * Names this backend's data on the device (the queue of submissions waiting to be sent): clients
   * with the same id are the same backend. `createRestClient` sets `rest:` and its base URL. A client
   * without one keeps waiting submissions only for as long as the page is open.
   */
  readonly id?: string;
  getRound(roundId: string, options?: RequestOptions): Promise<Round>;
  listProposals(roundId: string, query?: ProposalQuery, options?: RequestOptions): Promise<ProposalPage>;
  getProposal(proposalId: string, options?: RequestOptions): Promise<Proposal>;
  submitBallot(ballot: Ballot, options?: SubmitOptions): Promise<Receipt>;
  /** Whether a ballot was counted: when, and in which round; never the choices. Rejects `not-found` for an unknown receipt. */
  getReceipt(receiptId: string, options?: RequestOptions): Promise<Receipt>;
  getResults(roundId: string, options?: RequestOptions & { rule?: TallyRule }): Promise<Results>;
  getSimulation(simulationId: string, options?: RequestOptions): Promise<Simulation>;
  submitSimulation(submission: SimulationSubmission, options?: SubmitOptions): Promise<SubmissionReceipt>;
  getForm(formId: string, options?: RequestOptions): Promise<FeedbackForm>;
  submitFeedback(response: FeedbackResponse, options?: SubmitOptions): Promise<SubmissionReceipt>;

  // Paper ballots, entered twice by clerks (`<civic-paper-entry>`). Optional: a backend without a
  // paper count leaves them out, and the element says so.

  /** A clerk's entry of one printed ballot; answers where it stands, never the other clerk's entry. */
  enterPaperBallot?(entry: PaperBallotInput, options?: AdminRequestOptions): Promise<PaperEntryReceipt>;
  /** A batch's ballots with both entries side by side (its mismatches are those with status `mismatch`) and its tally. */
  getPaperBatch?(roundId: string, batch: string, options?: AdminRequestOptions): Promise<PaperBatch>;
  /** A third person settles a ballot whose two entries differ. */
  settlePaperBallot?(settlement: PaperSettlementInput, options?: AdminRequestOptions): Promise<PaperBallot>;
  /** Every entry, correction and settlement of the round's paper ballots, oldest first. */
  getPaperAudit?(roundId: string, options?: AdminRequestOptions): Promise<PaperAudit>;

  // A resident panel's meeting (optional: a backend without meetings leaves these out, and the
  // panel screen says that it cannot show one).

  /** The round's meeting now: the proposal shown, the timer, voting, results revealed, ballots received. */
  getMeeting?(roundId: string, options?: RequestOptions): Promise<MeetingState>;
  /** The facilitator's change; `facilitatorCode` is the round's facilitator code or the admin token. Rejects `unauthorized` otherwise. */
  updateMeeting?(roundId: string, change: MeetingChange, options: RequestOptions & { facilitatorCode: string }): Promise<MeetingState>;
  /**
   * Tells `watch` every new state of the meeting, live where the backend can (reconnecting and
   * catching up after a dropped connection), by polling otherwise; never the same version twice.
   * Returns the function that stops watching.
   */
  watchMeeting?(roundId: string, watch: MeetingWatch): () => void;
}

/** How updates of a meeting reach the screen now. */
export type MeetingConnection = 'live' | 'reconnecting' | 'polling';

/** What `watchMeeting` tells. */
export interface MeetingWatch {
  state(state: MeetingState): void;
  connection?(connection: MeetingConnection): void;
  /** A failed read while polling; watching goes on. */
  error?(error: CivicError): void;
}

/** The optional meeting methods that answer a promise, for code that wraps a whole client. */
export const civicMeetingMethods = ['getMeeting', 'updateMeeting'] as const satisfies ReadonlyArray<keyof CivicClient>;

/** The name of every `CivicClient` method, for code that wraps or stands in for a whole client. */
export const civicClientMethods = [
  'getRound', 'listProposals', 'getProposal', 'submitBallot', 'getReceipt', 'getResults',
  'getSimulation', 'submitSimulation', 'getForm', 'submitFeedback',
] as const satisfies ReadonlyArray<keyof CivicClient>;

/** The optional paper-count methods, for code that wraps a whole client. */
export const paperClientMethods = ['enterPaperBallot', 'getPaperBatch', 'settlePaperBallot', 'getPaperAudit'] as const satisfies ReadonlyArray<keyof CivicClient>;

/** The name of a `CivicClient` method. */
export type CivicClientMethod = (typeof civicClientMethods)[number];

export type { FieldError } from '../domain/types.js';

export type CivicErrorCode =
  /** The server could not be reached (offline, DNS, CORS, connection reset). */
  | 'network'
  /** No answer within the client's `timeoutMs`. */
  | 'timeout'
  /** The caller cancelled the request through its `signal`; never retried. */
  | 'aborted'
  /** An HTTP error status that no more specific code covers. */
  | 'http'
  /** The server answered, but not with what the contract promises. */
  | 'invalid-response'
  /** The submission broke a rule; `fieldErrors` says where. */
  | 'validation'
  /** Already done: e.g. this voter has already voted in this round. */
  | 'conflict'
  /** The round, simulation or form is not open for submissions. */
  | 'closed'
  /** Missing or refused voter token, voting code or credentials. */
  | 'unauthorized'
  /** No such round, proposal, simulation or form. */
  | 'not-found'
  /**
   * The client itself failed without a `CivicError`: a bug in a custom `CivicClient`. Never
   * retried, since trying the same code again gives the same failure.
   */
  | 'internal';


export interface CivicErrorInit {
  status?: number;
  /** A human explanation from the server (problem+json `detail`) or from the client. */
  detail?: string;
  fieldErrors?: FieldError[];
  /** For `invalid-response`: the path of the offending field, e.g. `items[3].cost`. */
  field?: string;
  cause?: unknown;
}

/** The only error the client rejects with. `code` is stable; `message` is for developers. */
export class CivicError extends Error {
  override readonly name = 'CivicError';
  readonly code: CivicErrorCode;
  readonly status?: number;
  readonly detail?: string;
  readonly fieldErrors: FieldError[];
  readonly field?: string;

  constructor(code: CivicErrorCode, message: string, init: CivicErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.field = init.field;
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      (this.code === 'http' && this.status !== undefined && (this.status >= 500 || this.status === 429))
    );
  }
}

/**
 * What a client threw, as a `CivicError`: itself when it is one, otherwise `internal` (the
 * contract promises `CivicError` only, so anything else is a bug in the client, not the network).
 */
export function toCivicError(caught: unknown): CivicError {
  if (isCivicError(caught)) return caught;
  const message = caught instanceof Error ? caught.message : String(caught);
  return new CivicError('internal', `The client failed without a CivicError: ${message}`, { cause: caught });
}

export function isCivicError(value: unknown): value is CivicError {
  return value instanceof CivicError || (value instanceof Error && value.name === 'CivicError' && 'code' in value);
}
