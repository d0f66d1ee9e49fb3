/**
 * Reads and writes pabulib `.pb` files (https://pabulib.org/format), and maps an election onto
 * the domain model: import a real round, export a round's ballots.
 * Browser- and Node-safe: plain string processing, no I/O.
 */
export { PabulibError } from './types.js';
export type { PabulibElection, PabulibProject, PabulibVote, PabulibWarning } from './types.js';
export { parsePabulib } from './parse.js';
export { writePabulib } from './write.js';
export { toRound, toProposals, toBallots } from './convert.js';
export { fromElection } from './from-election.js';
