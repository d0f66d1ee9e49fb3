/**
 * The page the outbox end-to-end test drives: the real REST client and the real outbox, and a
 * status line a resident would read. `?retry=MS` sets the outbox's first retry delay.
 */
import { createOutbox, type OutboxStatus } from '../../../src/client/outbox/index.js';
import { createRestClient } from '../../../src/client/rest/index.js';

const retryIntervalMs = Number(new URLSearchParams(location.search).get('retry') ?? 60_000);
// No retries inside the client: the outbox is what retries here, and this keeps each failure quick.
const client = createRestClient({ baseUrl: '/api', retries: 0, timeoutMs: 5_000 });
const outbox = createOutbox(client, { retryIntervalMs });

const statusLine = document.querySelector<HTMLElement>('#status')!;
const resultLine = document.querySelector<HTMLElement>('#result')!;

outbox.subscribe((status) => {
  statusLine.textContent = describe(status);
  statusLine.dataset.ready = String(status.ready);
  statusLine.dataset.pending = String(status.pending);
  statusLine.dataset.durable = String(status.durable);
  statusLine.dataset.lastError = status.lastError?.code ?? '';
});

function describe(status: OutboxStatus): string {
  if (!status.ready) return 'Loading…';
  if (status.pending === 0) return 'Nothing waiting to be sent.';
  const where = status.durable ? 'Saved on this device' : 'Kept in this page only';
  return `${where}: ${status.pending} waiting, will be sent when you are back online.`;
}

/** What the test calls: votes for two proposals and shows what happened. */
async function submitBallot(): Promise<string> {
  const result = await outbox.submit('ballot', { roundId: 'round-1', kind: 'approval', selections: ['p1', 'p3'] });
  resultLine.textContent = result.status === 'sent' ? `Vote received: ${result.receipt.id}` : 'Your vote is saved on this device.';
  return result.status;
}

(window as unknown as { outboxPage: unknown }).outboxPage = { submitBallot };
