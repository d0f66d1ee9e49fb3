/**
 * civic-widgets/client: everything that talks to a backend, with no Lit and no DOM beyond fetch and
 * IndexedDB, so the same code runs in a page, a test and the Node server.
 */
export * from '../domain/types.js';
export { CivicError, isCivicError, toCivicError } from './client.js';
export type { AdminRequestOptions, CivicClient, CivicErrorCode, CivicErrorInit, FieldError, RequestOptions, SubmitOptions } from './client.js';
export type { PaperAudit, PaperAuditEntry, PaperBallot, PaperBallotInput, PaperBatch, PaperEntry, PaperEntryReceipt, PaperSettlement, PaperSettlementInput, PaperStatus } from '../domain/paper.js';
export type { MeetingConnection, MeetingWatch } from './client.js';
export type { MeetingChange, MeetingState, MeetingTimer, MeetingVoting } from '../domain/meeting.js';
export { createRestClient, type HeadersSource, type RestClientOptions } from './rest/index.js';
export { createMemoryClient, defaultSeed, type MemoryClientOptions, type MemorySeed, type MemoryRoundSeed } from '../memory/index.js';
export { createOutbox } from './outbox/index.js';
export type { Outbox, OutboxEntry, OutboxKind, OutboxOptions, OutboxResult, OutboxStatus } from './outbox/index.js';
export { newIdempotencyKey } from './ids.js';
export * from '../domain/rules/index.js';
export * from '../domain/pabulib/index.js';
export * from '../domain/money.js';
export * from '../domain/tally/index.js';
