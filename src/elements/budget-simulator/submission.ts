import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toCivicError, type CivicClient, type CivicError } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/ids.js';
import { canonicalJson } from '../../domain/json.js';
import type { SimulationSubmission, SubmissionReceipt } from '../../domain/types.js';
import { outboxFor } from '../../core/outbox-for.js';

export interface SubmissionOptions {
  client: () => CivicClient | undefined;
  /** Keeps the key and the queued state in the draft, so a reload resumes the same submission. */
  save: () => void;
  /** The budget was received (now, or later from the outbox). */
  received: (receipt: SubmissionReceipt) => void;
  /** The budget is kept on the device, to be sent when the backend can be reached. */
  queued: () => void;
  /** The backend refused the budget, now or in a background send. */
  refused: (error: CivicError) => void;
}

/**
 * Sends a budget through the page's outbox under an idempotency key: the same budget keeps its
 * key, even after a reload (the key is kept with the draft), so a resubmit is the same submission
 * and the backend counts it once; a changed budget gets a new key. A budget that cannot be sent now
 * waits in the outbox, and its delivery is heard whenever it happens.
 */
export class BudgetSender implements ReactiveController {
  /** The key of the last submission tried, and the payload it belongs to (canonical JSON). */
  attempt?: { key: string; payload: string };
  /** The key a budget waits under in the outbox. */
  queued?: string;
  sending = false;
  private stopListening?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SubmissionOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopListening?.();
  }

  /** Takes back the state a draft kept; listens for a queued budget's delivery. */
  resume(attempt: BudgetSender['attempt'], queued: string | undefined): void {
    this.attempt = attempt;
    this.queued = queued;
    if (queued) this.listen();
  }

  async send(submission: SimulationSubmission): Promise<void> {
    const client = this.options.client();
    if (!client || this.sending) return;
    const payload = canonicalJson(submission);
    if (this.attempt?.payload !== payload) this.attempt = { key: newIdempotencyKey(), payload };
    this.options.save();
    this.sending = true;
    this.host.requestUpdate();
    try {
      const result = await outboxFor(client).outbox.submit('simulation', submission, { idempotencyKey: this.attempt.key });
      if (result.status === 'sent') this.done(result.receipt);
      else {
        this.queued = result.key;
        this.options.save();
        this.listen();
        this.options.queued();
      }
    } catch (caught) {
      this.options.refused(toCivicError(caught));
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the submission: after a receipt, or when the resident starts again. */
  forget(): void {
    this.stopListening?.();
    this.attempt = undefined;
    this.queued = undefined;
  }

  private done(receipt: SubmissionReceipt) {
    this.forget();
    this.options.received(receipt);
  }

  /** Hears a queued budget delivered (or refused) in the background, by this page or after a reload. */
  private listen() {
    const client = this.options.client();
    if (!client || !this.queued) return;
    this.stopListening?.();
    const shared = outboxFor(client);
    const offDelivered = shared.onDelivered((entry, receipt) => {
      if (entry.key === this.queued) this.done(receipt as SubmissionReceipt);
    });
    const offFailed = shared.onFailed((entry, error) => {
      if (entry.key !== this.queued) return;
      this.forget();
      this.options.save();
      this.options.refused(error);
    });
    this.stopListening = () => (offDelivered(), offFailed());
  }
}
