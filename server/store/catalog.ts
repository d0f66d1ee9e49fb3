/**
 * What residents read: rounds with their proposals, simulations and forms. Rounds are cached for a
 * moment, because every ballot needs its round's rules and proposals; another process's change
 * (an admin closing a round) is seen within `ttlMs`.
 */
import type { FeedbackForm, Proposal, Round, Simulation } from '../../src/domain/types.js';
import type { Queryable } from '../db/types.js';

export interface RoundEntry {
  round: Round;
  /** In the round's own order. */
  proposals: Proposal[];
}

export interface Catalog {
  round(id: string): Promise<RoundEntry | null>;
  /** Every proposal with this id (ids are unique per round, not across rounds). */
  proposals(id: string): Promise<Proposal[]>;
  simulation(id: string): Promise<Simulation | null>;
  form(id: string): Promise<FeedbackForm | null>;
  /** Forgets a cached round after this process changed it. */
  forget(roundId: string): void;
}

export function createCatalog(db: Queryable, ttlMs = 1_000): Catalog {
  const rounds = new Map<string, { at: number; entry: Promise<RoundEntry | null> }>();

  async function loadRound(id: string): Promise<RoundEntry | null> {
    const [row] = await db.query<{ round: Round }>('SELECT round FROM rounds WHERE id = $1', [id]);
    if (!row) return null;
    const proposals = await db.query<{ proposal: Proposal }>('SELECT proposal FROM proposals WHERE round_id = $1 ORDER BY position', [id]);
    return { round: row.round, proposals: proposals.map((item) => item.proposal) };
  }

  return {
    round(id) {
      const cached = rounds.get(id);
      if (cached && Date.now() - cached.at < ttlMs) return cached.entry;
      const entry = loadRound(id);
      rounds.set(id, { at: Date.now(), entry });
      // A failed load (database away) must not be remembered.
      entry.catch(() => rounds.delete(id));
      if (rounds.size > 1_000) rounds.delete(rounds.keys().next().value!);
      return entry;
    },
    async proposals(id) {
      const rows = await db.query<{ proposal: Proposal }>('SELECT proposal FROM proposals WHERE id = $1 ORDER BY round_id', [id]);
      return rows.map((row) => row.proposal);
    },
    async simulation(id) {
      const [row] = await db.query<{ simulation: Simulation }>('SELECT simulation FROM simulations WHERE id = $1', [id]);
      return row?.simulation ?? null;
    },
    async form(id) {
      const [row] = await db.query<{ form: FeedbackForm }>('SELECT form FROM forms WHERE id = $1', [id]);
      return row?.form ?? null;
    },
    forget(roundId) {
      rounds.delete(roundId);
    },
  };
}
