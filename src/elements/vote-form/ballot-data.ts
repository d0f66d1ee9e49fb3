/** The round and proposals a ballot shows, and the selections it starts from. */
import type { CivicClient } from '../../client/client.js';
import type { Selections } from '../../domain/rules/index.js';
import type { BallotKind, Proposal, Round } from '../../domain/types.js';

export interface BallotData {
  round: Round;
  proposals: Proposal[];
}

/** The most proposals the contract sends in one page. */
const PAGE_SIZE = 100;

/** Every proposal of a round: the first page says how many there are, the rest are asked for together. */
export async function loadBallot(client: CivicClient, roundId: string, signal: AbortSignal): Promise<BallotData> {
  const page = (number: number) => client.listProposals(roundId, { page: number, pageSize: PAGE_SIZE }, { signal });
  const [round, first] = await Promise.all([client.getRound(roundId, { signal }), page(1)]);
  // The server may send fewer per page than asked; count pages by what it sends.
  const pages = Math.ceil(first.total / Math.max(1, first.pageSize));
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  const byId = new Map([first, ...rest].flatMap((answer) => answer.items).map((proposal) => [proposal.id, proposal]));
  return { round, proposals: [...byId.values()] };
}

const indexes = new WeakMap<BallotData, { ids: Map<string, string>; shown: Proposal[] }>();

/**
 * Each proposal's control id (`p0`, `p1`…: a proposal id may hold any character, an element id may
 * not) and the proposals still on the ballot, worked out once per load.
 */
export function indexBallot(data: BallotData): { ids: Map<string, string>; shown: Proposal[] } {
  let index = indexes.get(data);
  if (!index) {
    index = {
      ids: new Map(data.proposals.map((proposal, i) => [proposal.id, `p${i}`])),
      shown: data.proposals.filter((proposal) => proposal.status !== 'withdrawn'),
    };
    indexes.set(data, index);
  }
  return index;
}

/** Kinds whose selections are a list of ids; the others map ids to points or answers. */
const listKinds: readonly BallotKind[] = ['approval', 'ordinal', 'choose-1'];

/**
 * Selections from a draft that still fit the round: the right shape for its kind, and only
 * proposals still on the ballot (a proposal may have been withdrawn since the draft was saved).
 */
export function fitSelections(selections: unknown, data: BallotData): Selections {
  const onBallot = new Set(data.proposals.filter((proposal) => proposal.status !== 'withdrawn').map((proposal) => proposal.id));
  if (listKinds.includes(data.round.rules.kind)) {
    return Array.isArray(selections) ? selections.filter((id) => onBallot.has(id)) : [];
  }
  if (!selections || typeof selections !== 'object' || Array.isArray(selections)) return {};
  return Object.fromEntries(Object.entries(selections).filter(([id]) => onBallot.has(id))) as Selections;
}

/** How many proposals the selections give something to (an answer, points, a place). */
export function selectionCount(selections: Selections): number {
  return Array.isArray(selections) ? selections.length : Object.keys(selections).length;
}
