/** A round's `Results`, as both backends answer `GET /rounds/:id/results`. */
import { currencyMinorDigits } from './money.js';
import { chosenIds, type Selections } from './rules/index.js';
import { tally, type TallyBallot } from './tally/index.js';
import type { Proposal, Results, Round, TallyRule } from './types.js';

/**
 * The round's outcome by `tally()`, from the selections of its counted ballots. Yes/no ballots
 * count as approvals of the proposals answered yes. Add1 steps by one unit of the round's
 * currency, as equalshares.net does, with its default options: the ones that reproduce the
 * published outcomes (see `Add1Option`).
 * @throws {TallyError} when the ballots cannot be counted by `rule`.
 */
export function roundResults(round: Round, proposals: readonly Proposal[], ballots: readonly Selections[], rule: TallyRule): Results {
  const kind = round.rules.kind;
  const countable = ballots.map((selections) =>
    kind === 'yes-no' ? { kind: 'approval' as const, selections: chosenIds(selections) } : ({ kind, selections } as TallyBallot),
  );
  const outcome = tally(
    { budget: round.budget, projects: proposals.map(({ id, cost }) => ({ id, cost })), ballots: countable },
    { rule, add1Unit: 10 ** (currencyMinorDigits(round.currency) ?? 2) },
  );
  const titles = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));
  const selected = new Set(outcome.winners.map((winner) => winner.id));
  return {
    roundId: round.id,
    rule: outcome.rule,
    budget: outcome.budget,
    spent: outcome.spent,
    winners: outcome.winners.map(({ id, cost, votes }) => ({ id, title: titles.get(id) ?? id, cost, votes })),
    proposals: proposals.map(({ id }) => ({ id, votes: outcome.votes[id] ?? 0, selected: selected.has(id) })),
  };
}
