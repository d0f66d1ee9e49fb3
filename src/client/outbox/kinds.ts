/** The kinds of submission the outbox takes, and the `CivicClient` method that sends each. */
import { CivicError, type CivicClient } from '../client.js';
import type { Receipt, SubmissionReceipt } from '../../domain/types.js';
import type { OutboxEntry, OutboxKind } from './types.js';

/** Every kind `submit` accepts. */
export const kinds: readonly OutboxKind[] = ['ballot', 'simulation', 'feedback'];

/**
 * Sends the entry with its kind's client method, under its idempotency key. Not async, so that a
 * kind it does not know throws at once, exactly where a client that throws synchronously would.
 */
export function sendByKind(client: CivicClient, entry: OutboxEntry): Promise<Receipt | SubmissionReceipt> {
  const options = { idempotencyKey: entry.key };
  switch (entry.kind) {
    case 'ballot':
      return client.submitBallot(entry.payload, options);
    case 'simulation':
      return client.submitSimulation(entry.payload, options);
    case 'feedback':
      return client.submitFeedback(entry.payload, options);
    default:
      // Only a damaged or foreign database gets here; refusing it keeps it in failed(), not lost.
      throw new CivicError('validation', `Stored submission "${(entry as OutboxEntry).key}" has an unknown kind`);
  }
}
