/**
 * Nothing is lost: what the vote form keeps on the device for a round until the receipt (the
 * choices, the code, and the ballot last submitted with its key), and the question before the
 * resident leaves the page with a ballot not yet sent.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftController } from '../../core/draft-controller.js';
import { isRecord } from '../../domain/json.js';
import type { Selections } from '../../domain/rules/index.js';
import type { ChoiceLine } from './parts/review.js';

/** What is kept on the device for a round until the receipt: the choices, the code, and the submission tried. */
export interface VoteDraft {
  selections: Selections;
  code?: string;
  /** The idempotency key of the ballot last submitted, and that ballot: the same ballot goes again under the same key. */
  key?: string;
  body?: string;
  /** What was chosen, in words, for a receipt that arrives after a reload while the round cannot be loaded. */
  lines?: ChoiceLine[];
}

export interface KeeperOptions {
  /** The round's draft key, undefined while the form has no round. */
  key: () => string | undefined;
  /** The draft as the form has it now. */
  current: () => VoteDraft;
  /** Whether to ask "Leave this page?" now: a ballot is not yet sent, and the host has not turned the question off. */
  unsent: () => boolean;
}

export class BallotKeeper implements ReactiveController {
  private readonly draft: DraftController<VoteDraft>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, private readonly options: KeeperOptions) {
    host.addController(this);
    this.draft = new DraftController<VoteDraft>(host, {
      key: options.key,
      read: (stored) => (isRecord(stored) && (Array.isArray(stored.selections) || isRecord(stored.selections)) ? (stored as unknown as VoteDraft) : undefined),
    });
  }

  hostConnected(): void {
    addEventListener('beforeunload', this.ask);
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
  }

  hostDisconnected(): void {
    removeEventListener('beforeunload', this.ask);
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
    this.flush();
  }

  /** The round's draft. A change not yet saved belongs to the round shown before: it must not land in this one's. */
  restore(): VoteDraft | undefined {
    this.cancel();
    return this.draft.restore();
  }

  /** Saves the draft now. */
  readonly save = () => {
    this.cancel();
    this.draft.save(this.options.current());
  };

  /**
   * A write to localStorage can take milliseconds on a busy phone, too long inside a click: a change
   * is saved a moment later, or at once when the page is hidden or the form leaves it.
   */
  saveSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.save, 250);
  }

  /** Forgets a change not yet saved. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** After the receipt there is nothing to keep. */
  clear(): void {
    this.cancel();
    this.draft.clear();
  }

  private readonly flush = () => {
    if (this.timer !== undefined) this.save();
  };

  private readonly ask = (event: BeforeUnloadEvent) => {
    if (!this.options.unsent()) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };
}
