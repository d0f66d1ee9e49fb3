/** A round's `Results`, as both backends answer `GET /rounds/:id/results`. */
import { currencyMinorDigits } from './money.js';
import { chosenIds, type Selections } from './rules/index.js';
import { tally, type TallyBallot } from './tally/index.js';
import type { Proposal, Results, Round, TallyRule } from './types.js';

/**
 * The round's outcome by `tally()`, from the selections of its counted ballots, with why each
 * proposal was or was not funded. Pick `rule` with `resultsRuleFor`. Yes/no ballots count as
 * approvals of the proposals answered yes. Greedy applies the round's `results.minVotes` and never
 * funds a proposal nobody voted for. Add1 steps by one unit of the round's currency, as
 * equalshares.net does, with its default options: the ones that reproduce the published outcomes
 * (see `Add1Option`).
 * @throws {TallyError} when the ballots cannot be counted by `rule`.
 */
export function roundResults(round: Round, proposals: readonly Proposal[], ballots: readonly Selections[], rule: TallyRule): Results {
  const kind = round.rules.kind;
  const countable = ballots.map((selections) =>
    kind === 'yes-no' ? { kind: 'approval' as const, selections: chosenIds(selections) } : ({ kind, selections } as TallyBallot),
  );
  const outcome = tally(
    { budget: round.budget, projects: proposals.map(({ id, cost }) => ({ id, cost })), ballots: countable },
    rule === 'greedy'
      ? { rule, minVotes: Math.max(1, round.results?.minVotes ?? 0) }
      : { rule, add1Unit: 10 ** (currencyMinorDigits(round.currency) ?? 2) },
  );
  const titles = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));
  const selected = new Set(outcome.winners.map((winner) => winner.id));
  const results: Results = {
    roundId: round.id,
    rule: outcome.rule,
    budget: outcome.budget,
    spent: outcome.spent,
    ballots: ballots.length,
    winners: outcome.winners.map(({ id, cost, votes }) => ({ id, title: titles.get(id) ?? id, cost, votes })),
    proposals: proposals.map(({ id }) => ({ id, votes: outcome.votes[id] ?? 0, selected: selected.has(id), explanation: outcome.explanations[id] })),
    fundedChoices: fundedChoices(ballots, selected),
  };
  if (outcome.equalShares !== undefined) {
    const { perVoterShare, completion, add1Options = [] } = outcome.equalShares;
    results.equalShares = { perVoterShare, completion, add1Options };
  }
  return results;
}

/**
 * How many voters had how many of the proposals they chose funded (approved, given points, ranked
 * or answered yes), from 0 up to the most any voter had, so that a chart has no gaps.
 */
export function fundedChoices(ballots: readonly Selections[], funded: ReadonlySet<string>): Array<{ funded: number; voters: number }> {
  const voters: number[] = [];
  for (const selections of ballots) {
    let count = 0;
    for (const id of chosenIds(selections)) if (funded.has(id)) count += 1;
    while (voters.length <= count) voters.push(0);
    voters[count] = (voters[count] as number) + 1;
  }
  return voters.map((total, count) => ({ funded: count, voters: total }));
}
