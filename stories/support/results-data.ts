/**
 * Full `Results` (with explanations, ballots counted and funded choices) for the results element's
 * stories, tests and benchmark, from a stand-in backend: the in-browser one answers them without the
 * explanations until the tally explains itself. The Fernwick 2025 figures are those of its 30 seeded
 * ballots, counted by hand from the tally's outcome; the 199-proposal round is generated.
 */
import type { CivicClient } from '../../src/client/client.js';
import type { Results, Round } from '../../src/domain/types.js';
import { createMemoryClient, defaultSeed, type MemorySeed } from '../../src/memory/index.js';
import { mulberry32 } from '../../test/support/prng.js';

const pounds = (amount: number) => Math.round(amount * 100);

/** Fernwick 2025 under equal shares, the rule that decides it: the bus seats (6 votes) are funded, the crossing (9) is not. */
export const fernwick2025EqualShares: Results = {
  roundId: 'fernwick-2025',
  rule: 'equal-shares',
  budget: pounds(120_000),
  spent: pounds(91_000),
  ballots: 30,
  winners: [
    { id: 'n25-hangar', title: 'Cycle hangar for Wharf Court', cost: pounds(5_500), votes: 9 },
    { id: 'n25-chairs', title: 'Chairs and tables for Canal Wharf hall', cost: pounds(7_500), votes: 6 },
    { id: 'n25-bus-seats', title: 'Seats at four bus stops', cost: pounds(11_000), votes: 6 },
    { id: 'n25-mural', title: 'Underpass mural and lighting', cost: pounds(21_000), votes: 11 },
    { id: 'n25-tree-pits', title: 'Larger tree pits on Cotter Lane', cost: pounds(14_000), votes: 7 },
    { id: 'n25-garden', title: 'Sensory garden at Ashcombe school', cost: pounds(32_000), votes: 13 },
  ],
  proposals: [
    { id: 'n25-tree-pits', votes: 7, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 5, payers: 7, largestShare: 201_274 } },
    { id: 'n25-hangar', votes: 9, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 1, payers: 9, largestShare: 61_112 } },
    { id: 'n25-mural', votes: 11, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 4, payers: 11, largestShare: 190_910 } },
    { id: 'n25-garden', votes: 13, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 6, payers: 13, largestShare: 253_457 } },
    { id: 'n25-outdoor-gym', votes: 8, selected: false, explanation: { outcome: 'not-funded', reason: 'supporters-out-of-money', supporters: 8, supportersMoney: 3_465_533 } },
    { id: 'n25-chairs', votes: 6, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 2, payers: 6, largestShare: 125_000 } },
    { id: 'n25-bus-seats', votes: 6, selected: true, explanation: { outcome: 'funded', rule: 'equal-shares', order: 3, payers: 6, largestShare: 183_334 } },
    { id: 'n25-crossing', votes: 9, selected: false, explanation: { outcome: 'not-funded', reason: 'supporters-out-of-money', supporters: 9, supportersMoney: 3_259_473 } },
  ],
  fundedChoices: [
    { funded: 0, voters: 3 },
    { funded: 1, voters: 10 },
    { funded: 2, voters: 9 },
    { funded: 3, voters: 8 },
  ],
  equalShares: { perVoterShare: 566_600, completion: 'add1', add1Options: [] },
};

/** Fernwick 2025 by most votes first: the crossing is funded, and £4,000 is left that the bus seats needed more than. */
export const fernwick2025Greedy: Results = {
  roundId: 'fernwick-2025',
  rule: 'greedy',
  budget: pounds(120_000),
  spent: pounds(116_000),
  ballots: 30,
  winners: [
    { id: 'n25-garden', title: 'Sensory garden at Ashcombe school', cost: pounds(32_000), votes: 13 },
    { id: 'n25-mural', title: 'Underpass mural and lighting', cost: pounds(21_000), votes: 11 },
    { id: 'n25-hangar', title: 'Cycle hangar for Wharf Court', cost: pounds(5_500), votes: 9 },
    { id: 'n25-crossing', title: 'Crossing island on Fern Road', cost: pounds(36_000), votes: 9 },
    { id: 'n25-tree-pits', title: 'Larger tree pits on Cotter Lane', cost: pounds(14_000), votes: 7 },
    { id: 'n25-chairs', title: 'Chairs and tables for Canal Wharf hall', cost: pounds(7_500), votes: 6 },
  ],
  proposals: [
    { id: 'n25-tree-pits', votes: 7, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 5, moneyLeft: pounds(25_500) } },
    { id: 'n25-hangar', votes: 9, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 3, moneyLeft: pounds(67_000) } },
    { id: 'n25-mural', votes: 11, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 2, moneyLeft: pounds(88_000) } },
    { id: 'n25-garden', votes: 13, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 1, moneyLeft: pounds(120_000) } },
    { id: 'n25-outdoor-gym', votes: 8, selected: false, explanation: { outcome: 'not-funded', reason: 'did-not-fit', moneyLeft: pounds(25_500) } },
    { id: 'n25-chairs', votes: 6, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 6, moneyLeft: pounds(11_500) } },
    { id: 'n25-bus-seats', votes: 6, selected: false, explanation: { outcome: 'not-funded', reason: 'did-not-fit', moneyLeft: pounds(4_000) } },
    { id: 'n25-crossing', votes: 9, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: 4, moneyLeft: pounds(61_500) } },
  ],
  fundedChoices: [
    { funded: 0, voters: 2 },
    { funded: 1, voters: 8 },
    { funded: 2, voters: 13 },
    { funded: 3, voters: 7 },
  ],
};

export const BIG_ROUND_ID = 'fernwick-2024-borough';

/**
 * A borough-wide round of 199 proposals (ten times the neighbourhood fund's, renamed), £2,000,000,
 * counted by most votes first with a 20-vote threshold, so every kind of explanation appears.
 */
export function bigRound(proposalCount = 199): { round: Round; proposals: MemorySeed['rounds'][number]['proposals']; results: Results } {
  const base = defaultSeed().rounds[0]!;
  const random = mulberry32(2024);
  const round: Round = {
    ...base.round,
    id: BIG_ROUND_ID,
    title: 'Fernwick Borough Fund 2024',
    description: 'Residents chose up to ten projects across the borough.',
    budget: pounds(2_000_000),
    opensAt: '2024-05-01T09:00:00Z',
    closesAt: '2024-06-01T17:00:00Z',
    status: 'closed',
    rules: { kind: 'approval', maxLength: 10 },
    results: { rules: ['greedy'] },
  };
  const proposals = Array.from({ length: proposalCount }, (_, i) => {
    const from = base.proposals[i % base.proposals.length]!;
    return { ...from, id: `b24-${i + 1}`, roundId: round.id, title: `${from.title} (${Math.floor(i / base.proposals.length) + 1})`, cost: from.cost + pounds(500 * (i % 7)) };
  });
  const votes = proposals.map((_, i) => (i % 23 === 22 ? 0 : Math.floor(random() ** 2 * 900)));
  const minVotes = 20;
  const order = proposals.map((_, i) => i).sort((a, b) => votes[b]! - votes[a]! || a - b);
  let left = round.budget;
  const explained = new Map<number, Results['proposals'][number]>();
  const winners: Results['winners'] = [];
  for (const i of order) {
    const { id, cost, title } = proposals[i]!;
    const count = votes[i]!;
    if (count === 0) explained.set(i, { id, votes: 0, selected: false, explanation: { outcome: 'not-funded', reason: 'no-votes' } });
    else if (count < minVotes) explained.set(i, { id, votes: count, selected: false, explanation: { outcome: 'not-funded', reason: 'below-threshold', minVotes } });
    else if (cost > left) explained.set(i, { id, votes: count, selected: false, explanation: { outcome: 'not-funded', reason: 'did-not-fit', moneyLeft: left } });
    else {
      winners.push({ id, title, cost, votes: count });
      explained.set(i, { id, votes: count, selected: true, explanation: { outcome: 'funded', rule: 'greedy', order: winners.length, moneyLeft: left } });
      left -= cost;
    }
  }
  const results: Results = {
    roundId: round.id,
    rule: 'greedy',
    budget: round.budget,
    spent: round.budget - left,
    ballots: 3_412,
    winners,
    proposals: proposals.map((_, i) => explained.get(i)!),
    fundedChoices: [
      { funded: 0, voters: 298 },
      { funded: 1, voters: 871 },
      { funded: 2, voters: 1_164 },
      { funded: 3, voters: 702 },
      { funded: 4, voters: 301 },
      { funded: 5, voters: 76 },
    ],
  };
  return { round, proposals, results };
}

/** The demo seed, with Fernwick 2025 decided by equal shares and showable by most votes first, and the 199-proposal round. */
export function resultsSeed(): MemorySeed {
  const seed = defaultSeed();
  seed.rounds[1]!.round.results = { rules: ['equal-shares', 'greedy'] };
  const { round, proposals } = bigRound();
  seed.rounds.push({ round, proposals });
  return seed;
}

/**
 * A stand-in backend: the in-browser one over `seed`, answering the full results above for their
 * rounds and rules and its own for any other.
 */
export function fullResultsClient(seed: MemorySeed = resultsSeed(), { latencyMs = 0 } = {}): CivicClient {
  const client = createMemoryClient(seed, { latencyMs });
  const full = new Map<string, Results>([
    ['fernwick-2025|equal-shares', fernwick2025EqualShares],
    ['fernwick-2025|greedy', fernwick2025Greedy],
    [`${BIG_ROUND_ID}|greedy`, bigRound().results],
  ]);
  return {
    ...client,
    getResults: async (roundId, options = {}) => {
      const ownAnswer = await client.getResults(roundId, options);
      const answer = full.get(`${roundId}|${options.rule ?? ownAnswer.rule}`);
      return answer ? structuredClone(answer) : ownAnswer;
    },
  };
}

