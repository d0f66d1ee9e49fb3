import type { ResultExplanation } from '../types.js';
import type { PreparedElection } from './prepare.js';
import { tieBreak } from './tie-break.js';

/** Greedy's winners, and why each proposal was or was not funded (by proposal number). */
export interface GreedyResult {
  winners: number[];
  explanations: ResultExplanation[];
}

/**
 * pabulib's `greedy`: proposals by votes, most first, each funded if it still fits the money
 * left, otherwise skipped. A proposal with fewer than `minVotes` votes is never funded
 * (`greedy-threshold`). Returns proposal numbers in the order they were funded, and for each
 * proposal the money left when its turn came.
 */
export function greedy(election: PreparedElection, minVotes = 0): GreedyResult {
  const { costs, votes } = election;
  const order = costs.map((_, project) => project);
  order.sort((a, b) => (votes[b] ?? 0) - (votes[a] ?? 0) || tieBreak(election, a, b));
  const winners: number[] = [];
  const explanations = new Array<ResultExplanation>(costs.length);
  let left = election.budget;
  for (const project of order) {
    const cost = costs[project] ?? 0;
    const projectVotes = votes[project] ?? 0;
    if (projectVotes < minVotes) {
      // Votes are whole numbers, so a threshold of 30.5 asks for 31.
      explanations[project] = projectVotes === 0 ? { outcome: 'not-funded', reason: 'no-votes' } : { outcome: 'not-funded', reason: 'below-threshold', minVotes: Math.ceil(minVotes) };
    } else if (cost > left) {
      explanations[project] = { outcome: 'not-funded', reason: 'did-not-fit', moneyLeft: left };
    } else {
      winners.push(project);
      explanations[project] = { outcome: 'funded', rule: 'greedy', order: winners.length, moneyLeft: left };
      left -= cost;
    }
  }
  return { winners, explanations };
}
