/**
 * Sends a ballot through the page's shared outbox, exactly once: each ballot has an idempotency
 * key, kept in the draft with the ballot it was used for, so the same ballot always goes under the
 * same key (after a failed send, a reload, another tab) and a changed one is a new submission.
 * Hears what the outbox delivers or has refused in the background for this ballot; and when the
 * ballot leaves the queue without a word to this page (another tab, or another outbox on the same
 * database, sent it), asks again under its key, which answers with the same receipt.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toCivicError, type CivicClient, type CivicError } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/ids.js';
import type { SharedOutbox } from '../../core/outbox-for.js';
import { canonicalJson } from '../../domain/json.js';
import type { Ballot, Receipt } from '../../domain/types.js';
import { errorOf } from './outcome.js';

/** A ballot as it was submitted, and its key. */
export interface Submission {
  key: string;
  body: string;
}

/** The outbox is needed once a ballot is submitted, or found submitted in a draft: its code loads then. */
const loadOutboxFor = () => import('../../core/outbox-for.js').then((module) => module.outboxFor);

export interface SenderEvents {
  /** A send starts: keep the submission in the draft now, before anything can be lost. */
  sending(): void;
  received(receipt: Receipt): void;
  /** Kept on the device, to be sent when the server can be reached. */
  queued(): void;
  /** Refused for good; `possibly`: an earlier send got no answer, so a conflict means it was counted. */
  refused(error: CivicError, possibly: boolean): void;
}

export class BallotSender implements ReactiveController {
  /** The submission in progress, to keep in the draft. */
  submission?: Submission;
  /** Whether the submission waits in the outbox to be sent later. */
  private waiting = false;
  private client?: CivicClient;
  private shared?: Promise<SharedOutbox>;
  private unlisten?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly events: SenderEvents,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.unlisten?.();
    this.client = this.shared = this.unlisten = undefined;
  }

  /** Sends through `client`'s outbox from now on. */
  use(client: CivicClient): void {
    if (client === this.client) return;
    this.unlisten?.();
    this.unlisten = this.shared = undefined;
    this.client = client;
    if (this.submission) void this.outbox();
    // Fetched now, while the page is online: a resident who loses the connection before submitting
    // needs this code to keep the vote on the device, and could not fetch it then.
    else void loadOutboxFor().catch(() => undefined);
  }

  /** The client's shared outbox, listened to from the first time it is needed. */
  private outbox(): Promise<SharedOutbox> {
    const client = this.client!;
    this.shared ??= loadOutboxFor().then((outboxFor) => {
      const shared = outboxFor(client);
      if (this.client === client && !this.unlisten) this.listen(shared);
      return shared;
    });
    return this.shared;
  }

  /** Hears what the outbox does with this ballot in the background. */
  private listen(shared: SharedOutbox): void {
    const ours = (key: string) => key === this.submission?.key;
    const offDelivered = shared.onDelivered((entry, receipt) => ours(entry.key) && this.received(receipt as Receipt));
    const offFailed = shared.onFailed((entry, error, possibly) => {
      if (!ours(entry.key)) return;
      void shared.outbox.discard(entry.key);
      this.refused(error, possibly);
    });
    const offStatus = shared.outbox.subscribe(() => {
      const submission = this.submission;
      const still = () => this.waiting && this.submission === submission;
      if (!still() || !submission) return;
      void shared.outbox.pending().then(async (pending) => {
        if (!still() || pending.some((entry) => ours(entry.key))) return;
        // Gone from the queue: if this page's outbox sent it, its pass tells us before it ends.
        await shared.outbox.flush();
        if (still()) this.resend(submission);
      });
    });
    this.unlisten = () => (offDelivered(), offFailed(), offStatus());
  }

  /** A submission found in a draft: still waiting in the outbox, refused meanwhile, or sent again under its key. */
  resume(submission: Submission | undefined): void {
    this.submission = submission;
    if (!submission || !this.client) return;
    void this.outbox().then(async ({ outbox }) => {
      const [pending, failed] = await Promise.all([outbox.pending(), outbox.failed()]);
      if (this.submission !== submission) return;
      const refused = failed.find((entry) => entry.key === submission.key);
      if (refused?.lastError) {
        void outbox.discard(submission.key);
        // As the outbox judges it: a conflict after an earlier send that stayed queued (it got no answer) was probably that send counted.
        this.refused(errorOf(refused.lastError), refused.lastError.code === 'conflict' && refused.attempts > 1);
      } else if (pending.some((entry) => entry.key === submission.key)) {
        this.waiting = true;
        this.events.queued();
      } else {
        // Sent by another page, or this page closed mid-send: the same key answers with the same receipt.
        this.resend(submission);
      }
    });
  }

  submit(ballot: Ballot): void {
    const body = canonicalJson(ballot);
    if (this.submission?.body !== body) this.submission = { key: newIdempotencyKey(), body };
    void this.send(ballot);
  }

  private resend(submission: Submission): void {
    void this.send(JSON.parse(submission.body) as Ballot);
  }

  private async send(ballot: Ballot): Promise<void> {
    const submission = this.submission;
    if (!this.client || !submission) return;
    this.waiting = false;
    this.events.sending();
    try {
      const { outbox } = await this.outbox();
      const result = await outbox.submit('ballot', ballot, { idempotencyKey: submission.key });
      if (this.submission !== submission) return;
      if (result.status === 'sent') this.received(result.receipt);
      else {
        this.waiting = true;
        this.events.queued();
      }
    } catch (error) {
      if (this.submission === submission) this.refused(toCivicError(error), false);
    }
  }

  private received(receipt: Receipt): void {
    this.submission = undefined;
    this.waiting = false;
    this.events.received(receipt);
  }

  private refused(error: CivicError, possibly: boolean): void {
    this.submission = undefined;
    this.waiting = false;
    this.events.refused(error, possibly);
  }
}
