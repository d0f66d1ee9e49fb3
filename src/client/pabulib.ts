/**
 * Reads and writes pabulib `.pb` files (https://pabulib.org/format), and maps an election onto
 * the domain model: import a real round, export a round's ballots.
 * Browser- and Node-safe: plain string processing, no I/O.
 */
export { PabulibError } from './pabulib/types.js';
export type { PabulibElection, PabulibProject, PabulibVote, PabulibWarning } from './pabulib/types.js';
export { parsePabulib } from './pabulib/parse.js';
export { writePabulib } from './pabulib/write.js';
export { toRound, toProposals, toBallots } from './pabulib/convert.js';
export { fromElection } from './pabulib/from-election.js';
