/** The seed, indexed by id once, and the rules a round's dates and identity settings imply. */
import { CivicError } from '../client/client.js';
import type { MemorySeed } from './seed/index.js';
import { describeProblem, formProblems, simulationSetupProblems, validateSelections } from '../domain/rules/index.js';
import { normalizeVotingCode } from '../domain/rounds.js';
import type { Ballot, Proposal, Round } from '../domain/types.js';

/** One seeded round with its proposals, ballots and who may vote. */
export interface RoundEntry {
  round: Round;
  proposals: Proposal[];
  /** Seeded ballots' selections. */
  ballots: Array<Ballot['selections']>;
  codes: ReadonlySet<string>;
  /** `null`: any non-empty token is accepted. */
  tokens: ReadonlySet<string> | null;
}

/** Everything seeded, by id. */
export interface SeedIndex {
  rounds: Map<string, RoundEntry>;
  proposals: Map<string, Proposal>;
  simulations: Map<string, MemorySeed['simulations'][number]>;
  forms: Map<string, MemorySeed['forms'][number]>;
}

/** Indexes the seed; throws a `TypeError` naming a duplicate id, a seeded ballot its round refuses, a broken simulation or an inconsistent form. */
export function indexSeed(seed: MemorySeed): SeedIndex {
  const index: SeedIndex = { rounds: new Map(), proposals: new Map(), simulations: new Map(), forms: new Map() };
  for (const { round, proposals, votingCodes, voterTokens, ballots = [] } of seed.rounds) {
    addUnique(index.rounds, round.id, 'round', {
      round,
      proposals: proposals.map((proposal) => ({ ...proposal, roundId: round.id })),
      ballots,
      codes: new Set((votingCodes ?? []).map(normalizeVotingCode)),
      tokens: voterTokens ? new Set(voterTokens) : null,
    });
    for (const proposal of proposals) {
      if (proposal.roundId !== undefined && proposal.roundId !== round.id) {
        throw new TypeError(`Memory seed: proposal "${proposal.id}" says round "${proposal.roundId}" but is listed under round "${round.id}"`);
      }
      addUnique(index.proposals, proposal.id, 'proposal', { ...proposal, roundId: round.id });
    }
    ballots.forEach((selections, i) => {
      const problems = validateSelections(round.rules, selections, proposals);
      if (problems.length > 0) {
        throw new TypeError(`Memory seed: ballot ${i} of round "${round.id}" breaks its rules: ${problems.map((p) => describeProblem(p)).join(' ')}`);
      }
    });
  }
  for (const simulation of seed.simulations) {
    const problem = simulationSetupProblems(simulation)[0];
    if (problem) throw new TypeError(`Memory seed: simulation "${simulation.id}" at ${problem.path.join('.')}: ${problem.detail}`);
    addUnique(index.simulations, simulation.id, 'simulation', simulation);
  }
  for (const form of seed.forms) {
    const problem = formProblems(form)[0];
    if (problem) throw new TypeError(`Memory seed: form "${form.id}" ${problem.path}: ${problem.message}`);
    addUnique(index.forms, form.id, 'form', form);
  }
  return index;
}

function addUnique<T>(map: Map<string, T>, id: string, what: string, value: T): void {
  if (map.has(id)) throw new TypeError(`Memory seed: two ${what}s have the id "${id}"; ids must be unique`);
  map.set(id, value);
}

/** The seeded simulation, or a `not-found` CivicError. */
export function simulationOf(data: SeedIndex, simulationId: unknown) {
  const simulation = typeof simulationId === 'string' ? data.simulations.get(simulationId) : undefined;
  if (!simulation) throw new CivicError('not-found', `No simulation "${String(simulationId)}"`, { status: 404 });
  return simulation;
}

/** The seeded feedback form, or a `not-found` CivicError. */
export function formOf(data: SeedIndex, formId: unknown) {
  const form = typeof formId === 'string' ? data.forms.get(formId) : undefined;
  if (!form) throw new CivicError('not-found', `No form "${String(formId)}"`, { status: 404 });
  return form;
}

/**
 * Who is voting, as a key for "one ballot per voter per round"; `null` for an anonymous ballot
 * in an open round. Throws `unauthorized` when the round's identity rule is not met.
 */
export function voterKey(entry: RoundEntry, ballot: Ballot): string | null {
  const identity = entry.round.voterIdentity ?? 'open';
  const token = typeof ballot.voterToken === 'string' && ballot.voterToken.trim() !== '' ? ballot.voterToken : null;
  const code = typeof ballot.votingCode === 'string' ? normalizeVotingCode(ballot.votingCode) : '';
  const unauthorized = (message: string) => new CivicError('unauthorized', message, { status: 401 });
  if (identity === 'code') {
    if (code === '') throw unauthorized('This round needs a voting code');
    if (!entry.codes.has(code)) throw unauthorized('That voting code is not one of this round’s codes');
    return `code:${code}`;
  }
  if (identity === 'token') {
    if (token === null) throw unauthorized('This round needs a voter token from the host site');
    if (entry.tokens !== null && !entry.tokens.has(token)) throw unauthorized('The voter token was refused');
    return `token:${token}`;
  }
  return token !== null ? `token:${token}` : code !== '' ? `code:${code}` : null;
}
