import type { CivicError } from '../client/client.js';
import type { FeedbackResponse, Proposal, Receipt, SubmissionReceipt } from '../domain/types.js';

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
