import type { Ballot, FeedbackForm, Proposal, Round, Simulation } from '../../domain/types.js';

/** One round with its proposals and, for rounds that need them, who may vote. */
export interface MemoryRoundSeed {
  round: Round;
  proposals: Proposal[];
  /** For `voterIdentity: 'code'`: the single-use voting codes that were posted to residents. */
  votingCodes?: string[];
  /** For `voterIdentity: 'token'`: the tokens accepted; when absent, any non-empty token is. */
  voterTokens?: string[];
  /** The facilitator code of the round's panel meeting (the panel screen's controls). */
  facilitatorCode?: string;
  /** Ballots already cast (their selections), e.g. so a closed round has results to show. */
  ballots?: Array<Ballot['selections']>;
}

/** Everything `createMemoryClient` serves. Ids are unique across the whole seed. */
export interface MemorySeed {
  rounds: MemoryRoundSeed[];
  simulations: Simulation[];
  forms: FeedbackForm[];
}
