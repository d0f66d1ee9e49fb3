/**
 * civic-widgets/client: everything that talks to a backend, with no Lit and no DOM beyond fetch and
 * IndexedDB, so the same code runs in a page, a test and the Node server.
 */
export * from './types.js';
export { CivicError, isCivicError } from './client.js';
export type { CivicClient, CivicErrorCode, CivicErrorInit, FieldError, RequestOptions, SubmitOptions } from './client.js';
export { createRestClient, type RestClientOptions } from './rest.js';
export { createMemoryClient, defaultSeed, type MemoryClientOptions, type MemorySeed, type MemoryRoundSeed } from './memory.js';
export { createOutbox } from './outbox.js';
export type { Outbox, OutboxEntry, OutboxKind, OutboxOptions, OutboxResult, OutboxStatus } from './outbox.js';
export { newIdempotencyKey } from './ids.js';
export * from './rules.js';
export * from './pabulib.js';
export * from './money.js';
export * from './tally.js';
