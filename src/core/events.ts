import type { CivicError } from '../client/client.js';
import type { FeedbackResponse, Proposal, Receipt, SubmissionReceipt } from '../domain/types.js';
import type { PaperBallot, PaperEntryReceipt } from '../domain/paper.js';

/** The council has a resident's feedback: its receipt, and the response as sent (answers, proposal, context). */
export interface FeedbackSubmitted {
  receipt: SubmissionReceipt;
  response: FeedbackResponse;
}

/** Every event the elements fire, with the type of its `detail`. */
export interface CivicEventMap {
  'civic-vote-submitted': Receipt;
  'civic-feedback-submitted': FeedbackSubmitted;
  'civic-simulation-submitted': SubmissionReceipt;
  'civic-selection-change': { roundId: string; selections: unknown };
  /** A resident opened a proposal (its title); cancelable, so a host can show it in place of following its link. */
  'civic-proposal-select': { proposal: Proposal };
  'civic-error': CivicError;
  /** A clerk's entry of a paper ballot was kept; where the ballot stands now. */
  'civic-paper-entered': PaperEntryReceipt;
  /** A mismatch between two entries of a paper ballot was settled. */
  'civic-paper-settled': PaperBallot;
}

export type CivicEventName = keyof CivicEventMap;

declare global {
  interface HTMLElementEventMap {
    'civic-vote-submitted': CustomEvent<Receipt>;
    'civic-feedback-submitted': CustomEvent<FeedbackSubmitted>;
    'civic-simulation-submitted': CustomEvent<SubmissionReceipt>;
    'civic-selection-change': CustomEvent<CivicEventMap['civic-selection-change']>;
    'civic-proposal-select': CustomEvent<CivicEventMap['civic-proposal-select']>;
    'civic-error': CustomEvent<CivicError>;
    'civic-paper-entered': CustomEvent<PaperEntryReceipt>;
    'civic-paper-settled': CustomEvent<PaperBallot>;
  }
}

/**
 * Fires a `civic-*` event that bubbles out of every shadow root, so a host page can listen on
 * `document`. Returns false when a listener called `preventDefault()`.
 */
export function emit<N extends CivicEventName>(
  from: EventTarget,
  name: N,
  detail: CivicEventMap[N],
  options: { cancelable?: boolean } = {},
): boolean {
  return from.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
