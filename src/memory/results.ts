/** A round's results, counted from its seeded and submitted ballots. */
import { CivicError } from '../client/client.js';
import { currencyMinorDigits } from '../domain/money.js';
import { chosenIds } from '../domain/rules/index.js';
import { tally, type TallyBallot, type TallyOutcome } from '../domain/tally/index.js';
import type { Ballot, Results, TallyRule } from '../domain/types.js';
import type { RoundEntry } from './seed-index.js';

/**
 * The round's outcome by `tally()`. Yes/no ballots count as approvals of the proposals answered
 * yes. Add1 steps by one unit of the round's currency, as equalshares.net does.
 */
export function results(entry: RoundEntry, ballots: Array<Ballot['selections']>, rule: TallyRule): Results {
  const { round, proposals } = entry;
  const kind = round.rules.kind;
  const countable = ballots.map((selections) =>
    kind === 'yes-no' ? { kind: 'approval' as const, selections: chosenIds(selections) } : ({ kind, selections } as TallyBallot),
  );
  let outcome: TallyOutcome;
  try {
    outcome = tally(
      { budget: round.budget, projects: proposals.map(({ id, cost }) => ({ id, cost })), ballots: countable },
      { rule, add1Unit: 10 ** (currencyMinorDigits(round.currency) ?? 2) },
    );
  } catch (cause) {
    throw new CivicError('http', `Round "${round.id}" cannot be counted: ${cause instanceof Error ? cause.message : String(cause)}`, { status: 500, cause });
  }
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
