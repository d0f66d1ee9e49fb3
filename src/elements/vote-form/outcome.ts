/** What the form does when a submission is refused: every refusal keeps the choices and says why. */
import { msg } from '@lit/localize';
import { CivicError } from '../../client/client.js';
import type { OutboxErrorRecord } from '../../client/outbox/index.js';
import type { VoterIdentity } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-messages.js';

export type Outcome =
  /** Back to the voting code, saying what was wrong with it. */
  | { step: 'code'; codeError: string }
  /** Already voted: a state, not an error. */
  | { step: 'voted'; possibly: boolean }
  | { step: 'closed' }
  /** Back to the choices, with the rules' problems (or the server's, if the form found none). */
  | { step: 'choose'; fieldErrors: CivicError['fieldErrors'] }
  /** Still on the review, with a reason and the submit button to try again. */
  | { step: 'review'; notice: string };

/**
 * The outcome of a refusal. `possibly`: an earlier send of this ballot got no answer, so this
 * conflict most likely means that send was counted.
 */
export function outcomeOf(error: CivicError, identity: VoterIdentity = 'open', possibly = false): Outcome {
  switch (error.code) {
    case 'conflict':
      if (identity === 'code' && !possibly) {
        return { step: 'code', codeError: msg('This voting code has already been used. Each code works once: if you did not use it, contact the council.') };
      }
      return { step: 'voted', possibly };
    case 'unauthorized':
      // Never say whether a code exists: only that this one cannot be used.
      if (identity === 'code') return { step: 'code', codeError: msg('This voting code was not recognised. Check it against your letter and try again.') };
      return { step: 'review', notice: msg('Your sign-in was not accepted. Sign in on this website again, then submit your vote.') };
    case 'closed':
      return { step: 'closed' };
    case 'validation':
      return { step: 'choose', fieldErrors: error.fieldErrors };
    default:
      return { step: 'review', notice: errorMessage(error) };
  }
}

/** A refusal kept by the outbox, as the error it was. */
export function errorOf(record: OutboxErrorRecord): CivicError {
  return new CivicError(record.code, record.message, { status: record.status, detail: record.detail, fieldErrors: record.fieldErrors });
}
