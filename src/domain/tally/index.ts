/**
 * The decision of a participatory-budgeting round, computed so that residents can check it:
 * `greedy` (by votes, as pabulib's `greedy`) and the Method of Equal Shares (as equalshares.net
 * and its compute tool run it, with Add1 and the comparison step). Exact: money is whole minor
 * units and every comparison the Method of Equal Shares makes is proved, so results never depend
 * on floating-point rounding. Pure TypeScript with no DOM, for the browser and Node alike.
 * How each rule works and how ties are broken: docs/tally.md.
 */
import { equalShares } from './equal-shares.js';
import { greedy } from './greedy.js';
import { prepareElection } from './prepare.js';
import type { ResultExplanation } from '../types.js';
import type { EqualSharesCompletion, EqualSharesDetails, TallyInput, TallyOptions, TallyOutcome } from './types.js';
import { TallyError } from './types.js';

export type {
  Add1Option,
  EqualSharesCompletion,
  EqualSharesDetails,
  OrdinalScores,
  TallyBallot,
  TallyInput,
  TallyOptions,
  TallyOutcome,
  TallyProject,
  TallyWinner,
} from './types.js';
export { ADD1_OPTIONS, TallyError } from './types.js';
export { ruleFromPabulib } from './pabulib-rule.js';

const COMPLETIONS: readonly EqualSharesCompletion[] = ['none', 'add1', 'add1-comparison', 'none-comparison'];

/** One unit of a two-decimal currency (GBP, EUR, PLN), in minor units. */
const DEFAULT_ADD1_UNIT = 100;

/**
 * Computes a round's winners with `options.rule`.
 * @throws {TallyError} for input it cannot count (a ballot naming an unknown proposal, a cost
 * that is not a whole number of minor units) or a rule the ballots cannot support (equal shares
 * on ranked ballots).
 */
export function tally(input: TallyInput, options: TallyOptions): TallyOutcome {
  const { rule } = options;
  if (rule !== 'greedy' && rule !== 'equal-shares') {
    throw new TallyError(`Unknown rule ${JSON.stringify(rule)}; expected greedy or equal-shares`);
  }
  const minVotes = options.minVotes ?? 0;
  if (typeof minVotes !== 'number' || !Number.isFinite(minVotes) || minVotes < 0) {
    throw new TallyError(`minVotes must be a number of votes, not negative, got ${String(minVotes)}`);
  }
  if (rule === 'equal-shares' && minVotes > 0) {
    throw new TallyError('minVotes is a greedy-threshold setting; the Method of Equal Shares has no vote threshold');
  }
  const completion = options.completion ?? 'add1';
  if (!COMPLETIONS.includes(completion)) {
    throw new TallyError(`Unknown completion ${JSON.stringify(completion)}; expected one of ${COMPLETIONS.join(', ')}`);
  }

  const election = prepareElection(input, options.ordinalScores);
  const result: { winners: number[]; explanations: ResultExplanation[]; details?: EqualSharesDetails } =
    rule === 'greedy'
      ? greedy(election, minVotes)
      : equalShares(election, { completion, add1Unit: options.add1Unit ?? DEFAULT_ADD1_UNIT, add1Options: options.add1Options ?? [] });

  const winners = result.winners.map((project) => ({
    id: election.ids[project] as string,
    cost: election.costs[project] as number,
    votes: election.votes[project] as number,
  }));
  const outcome: TallyOutcome = {
    rule,
    budget: election.budget,
    spent: winners.reduce((sum, winner) => sum + winner.cost, 0),
    winners,
    votes: Object.fromEntries(election.ids.map((id, project) => [id, election.votes[project] as number])),
    explanations: Object.fromEntries(election.ids.map((id, project) => [id, result.explanations[project] as ResultExplanation])),
  };
  if (result.details !== undefined) outcome.equalShares = result.details;
  return outcome;
}
