/** Facts about a round that every backend derives the same way. */
import type { Round, RoundStatus } from './types.js';

/** Dates win over the stored status, so a round opens and closes on time without anyone editing it. */
export function effectiveStatus(round: Round, now: Date): RoundStatus {
  const time = now.getTime();
  // `!= null`: a hand-written seed may leave a date out instead of writing null.
  if (round.status === 'closed' || (round.closesAt != null && time >= Date.parse(round.closesAt))) return 'closed';
  if (round.opensAt != null ? time < Date.parse(round.opensAt) : round.status === 'upcoming') return 'upcoming';
  return 'open';
}

/** Residents type codes from a letter: case, spaces and hyphens do not matter. */
export function normalizeVotingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}
