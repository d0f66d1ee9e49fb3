import type { PreparedElection } from './prepare.js';
import { tieBreak } from './tie-break.js';

/**
 * pabulib's `greedy`: proposals by votes, most first, each funded if it still fits the money
 * left, otherwise skipped. A proposal with fewer than `minVotes` votes is never funded
 * (`greedy-threshold`). Returns proposal numbers in the order they were funded.
 */
export function greedyWinners(election: PreparedElection, minVotes = 0): number[] {
  const { costs, votes } = election;
  const order = costs.map((_, project) => project);
  order.sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || tieBreak(election, a, b));
  const winners: number[] = [];
  let left = election.budget;
  for (const project of order) {
    const cost = costs[project] ?? 0;
    if ((votes[project] ?? 0) < minVotes || cost > left) continue;
    winners.push(project);
    left -= cost;
  }
  return winners;
}
