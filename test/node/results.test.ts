import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { ResultsSchema } from '../../src/client/rest/schemas.js';
import { parsePabulib, toBallots, toProposals, toRound } from '../../src/domain/pabulib/index.js';
import { roundResults } from '../../src/domain/results.js';
import { resultsRuleFor, resultsRules, resultsVisible } from '../../src/domain/rounds.js';
import { chosenIds, type Selections } from '../../src/domain/rules/index.js';
import { fixedBudgetExact } from '../../src/domain/tally/fixed-budget-exact.js';
import { Undecided, fixedBudgetFloat } from '../../src/domain/tally/fixed-budget-float.js';
import { explainedPass } from '../../src/domain/tally/fixed-budget.js';
import { prepareElection } from '../../src/domain/tally/prepare.js';
import type { Proposal, ResultExplanation, Results, Round, TallyRule } from '../../src/domain/types.js';
import { caseSeed, seededRandom } from '../support/prng.js';
import { pickDistinct } from '../support/tally-rounds.js';

const FIXTURES = [
  'Netherlands_Assen_2024',
  'Poland_Czestochowa_2024_Tysiaclecie',
  'Poland_Krakow_2020_Stare_Miasto',
  'Poland_Swiecie_2023',
  'Poland_Warszawa_2026_Wierzbno_Ksawerow',
];

interface CountedRound {
  round: Round;
  proposals: Proposal[];
  ballots: Selections[];
}

function fixture(name: string): CountedRound {
  const election = parsePabulib(readFileSync(new URL(`../fixtures/pabulib/${name}.pb`, import.meta.url), 'utf8'));
  return { round: toRound(election, name), proposals: toProposals(election, name), ballots: toBallots(election, name).map((ballot) => ballot.selections) };
}

function round(fields: Partial<Round> = {}): Round {
  return {
    id: 'r',
    title: 'Hand-made round',
    description: '',
    budget: 5_000,
    currency: 'GBP',
    opensAt: null,
    closesAt: null,
    status: 'closed',
    rules: { kind: 'approval' },
    ...fields,
  };
}

function proposal(id: string, cost: number): Proposal {
  return { id, title: `Proposal ${id}`, summary: '', cost, categories: [], status: 'shortlisted' };
}

function explanations(results: Results): Map<string, ResultExplanation> {
  return new Map(results.proposals.map(({ id, explanation }) => [id, explanation as ResultExplanation]));
}

/**
 * What every result must satisfy, whatever the rule: it fits the contract, every proposal is
 * explained, the funded ones in the winners' order, and the numbers add up to the outcome.
 */
function checkResults({ round, proposals, ballots }: CountedRound, results: Results): void {
  v.parse(ResultsSchema, results);
  const cost = new Map(proposals.map((p) => [p.id, p.cost]));
  const votes = new Map(results.proposals.map((p) => [p.id, p.votes]));
  assert.equal(results.ballots, ballots.length);
  assert.equal(results.spent, results.winners.reduce((sum, winner) => sum + winner.cost, 0));
  assert.ok(results.spent <= results.budget);
  const funded = results.proposals.filter((p) => p.explanation?.outcome === 'funded');
  assert.deepEqual(funded.map((p) => p.id).sort(), results.winners.map((w) => w.id).sort(), 'funded exactly the winners');
  for (const p of results.proposals) assert.equal(p.selected, p.explanation?.outcome === 'funded', p.id);
  const order = new Map(results.winners.map((winner, index) => [winner.id, index + 1]));
  for (const [id, explanation] of explanations(results)) {
    if (explanation.outcome === 'funded') assert.equal(explanation.order, order.get(id), `${id} is funded in the winners' order`);
    if (explanation.outcome === 'not-funded' && explanation.reason === 'no-votes') assert.equal(votes.get(id), 0, `${id} had votes`);
    if (votes.get(id) === 0) assert.deepEqual(explanation, { outcome: 'not-funded', reason: 'no-votes' }, id);
  }

  // How many voters had how many of their choices funded: every ballot once, every funded choice once.
  const choices = results.fundedChoices ?? [];
  assert.deepEqual(choices.map((group) => group.funded), choices.map((_, index) => index), 'from 0 up, with no gaps');
  assert.equal(choices.reduce((sum, group) => sum + group.voters, 0), ballots.length);
  const fundedChoicesCast = ballots.reduce((sum, selections) => sum + chosenIds(selections).filter((id) => order.has(id)).length, 0);
  assert.equal(choices.reduce((sum, group) => sum + group.funded * group.voters, 0), fundedChoicesCast);
  if (round.rules.kind === 'approval') {
    assert.equal(fundedChoicesCast, results.winners.reduce((sum, winner) => sum + winner.votes, 0), 'approvals of the winners');
  }

  if (results.rule === 'greedy') checkGreedy(results, cost, votes);
  else checkEqualShares(results, cost, votes);
}

/** Greedy: the money left at each winner's turn is the budget less the winners before it; a proposal passed over did not fit. */
function checkGreedy(results: Results, cost: Map<string, number>, votes: Map<string, number>): void {
  assert.equal(results.equalShares, undefined);
  const left = [results.budget];
  for (const winner of results.winners) left.push((left.at(-1) as number) - winner.cost);
  results.winners.forEach((winner, index) => {
    const explanation = explanations(results).get(winner.id);
    assert.ok(explanation?.outcome === 'funded' && explanation.rule === 'greedy', winner.id);
    assert.equal(explanation.moneyLeft, left[index], `${winner.id}: the budget less the winners before it`);
    assert.ok(winner.cost <= explanation.moneyLeft, `${winner.id} fitted`);
  });
  for (const [id, explanation] of explanations(results)) {
    if (explanation.outcome === 'funded') continue;
    assert.ok(explanation.reason === 'did-not-fit' || explanation.reason === 'no-votes' || explanation.reason === 'below-threshold', `${id}: ${explanation.reason}`);
    if (explanation.reason !== 'did-not-fit') continue;
    const own = votes.get(id) as number;
    assert.ok((cost.get(id) as number) > explanation.moneyLeft, `${id} did not fit`);
    // Its turn came after the winners with more votes, and before those with fewer.
    const before = results.winners.filter((winner) => winner.votes > own).length;
    const tied = results.winners.filter((winner) => winner.votes === own).length;
    assert.ok(left.slice(before, before + tied + 1).includes(explanation.moneyLeft), `${id}: money left at its turn`);
  }
}

/** Equal shares: its payers covered each winner's cost; the supporters of a proposal left out held less than it costs. */
function checkEqualShares(results: Results, cost: Map<string, number>, votes: Map<string, number>): void {
  const share = results.equalShares?.perVoterShare ?? 0;
  assert.ok(results.equalShares !== undefined);
  for (const [id, explanation] of explanations(results)) {
    const price = cost.get(id) as number;
    if (explanation.outcome === 'funded') {
      assert.ok(explanation.rule === 'equal-shares', id);
      assert.ok(explanation.payers >= 1, `${id}: someone paid`);
      assert.ok(explanation.payers <= (votes.get(id) as number), `${id}: only supporters paid`);
      assert.ok(explanation.largestShare * explanation.payers >= price, `${id}: ${explanation.payers} × ${explanation.largestShare} covers ${price}`);
      assert.ok(price >= explanation.largestShare, `${id}: nobody paid more than it cost`);
      assert.ok(explanation.largestShare <= Math.ceil(share), `${id}: nobody paid more than their share`);
    } else if (explanation.reason === 'supporters-out-of-money') {
      assert.ok(explanation.supporters >= 1 && explanation.supporters <= (votes.get(id) as number), id);
      assert.ok(explanation.supportersMoney < price, `${id}: its supporters held ${explanation.supportersMoney}, less than ${price}`);
      assert.ok(explanation.supportersMoney <= explanation.supporters * share, `${id}: no more than their shares`);
    } else assert.equal(explanation.reason, 'no-votes', id);
  }
}

describe('every explanation adds up to the outcome, on the real fixtures', () => {
  for (const name of FIXTURES) {
    const counted = fixture(name);
    for (const rule of ['greedy', 'equal-shares'] satisfies TallyRule[]) {
      if (rule === 'equal-shares' && counted.round.rules.kind === 'ordinal') continue;
      test(`${name}, ${rule}`, () => checkResults(counted, roundResults(counted.round, counted.proposals, counted.ballots, rule)));
    }
  }

  test('Świecie by equal shares: the projects the city funded, each with its payers and largest share', () => {
    const counted = fixture('Poland_Swiecie_2023');
    const results = roundResults(counted.round, counted.proposals, counted.ballots, 'equal-shares');
    assert.deepEqual(results.winners.map((w) => w.id).sort(), counted.proposals.filter((p) => p.status === 'funded').map((p) => p.id).sort());
    assert.deepEqual(results.equalShares, { perVoterShare: results.equalShares?.perVoterShare, completion: 'add1', add1Options: [] });
    // c12, 150,000 PLN, funded first: all 1,030 supporters paid, none more than 145.64 PLN.
    assert.deepEqual(explanations(results).get('c12'), { outcome: 'funded', rule: 'equal-shares', order: 1, payers: 1030, largestShare: 14564 });
  });
});

describe('amounts are exact, or rounded so they never claim more than the count', () => {
  // £50 between three voters who all like A (£50) and B (£40): £16.66⅔ each.
  const three: CountedRound = {
    round: round({ budget: 5_000 }),
    proposals: [proposal('A', 5_000), proposal('B', 4_000)],
    ballots: [['A', 'B'], ['A', 'B'], ['A', 'B']],
  };

  test('shares are rounded up and money left down: B costs £13.33⅓ each, and £49 is left for A', () => {
    const results = roundResults(three.round, three.proposals, three.ballots, 'equal-shares');
    checkResults(three, results);
    // Add1 raises £16.66⅔ by £1 at a time; at £30.66⅔ A would come in too and overspend.
    assert.equal(results.equalShares?.perVoterShare, 8_900 / 3);
    assert.deepEqual(explanations(results).get('B'), { outcome: 'funded', rule: 'equal-shares', order: 1, payers: 3, largestShare: 1_334 });
    // 3 × £16.33⅓ is exactly £49, which floating point alone cannot round down for certain.
    assert.deepEqual(explanations(results).get('A'), { outcome: 'not-funded', reason: 'supporters-out-of-money', supporters: 3, supportersMoney: 4_900 });
  });

  test('the fast pass proves its amounts or declines, and then exact fractions give them', () => {
    const election = prepareElection({ budget: 5_000, projects: [{ id: 'A', cost: 5_000 }, { id: 'B', cost: 4_000 }], ballots: three.ballots.map((selections) => ({ kind: 'approval' as const, selections: selections as string[] })) });
    const share = { numerator: 8_900, denominator: 3 };
    assert.throws(() => fixedBudgetFloat(election, share, Number.POSITIVE_INFINITY, false, true), Undecided);
    const count = { fast: 0, exact: 0 };
    assert.deepEqual(explainedPass(election, share, count).details, fixedBudgetExact(election, share, Number.POSITIVE_INFINITY, true).details);
    assert.deepEqual(count, { fast: 0, exact: 1 });
  });

  test('on 300 generated rounds the fast pass reports the exact pass’s numbers whenever it reports any', () => {
    let proved = 0;
    for (let index = 0; index < 300; index += 1) {
      const random = seededRandom(caseSeed(41, index));
      const projects = Array.from({ length: random.int(1, 12) }, (_, project) => ({ id: String(project + 1), cost: random.int(1, 80) * random.pick([1, 7, 100]) }));
      const appeal = projects.map(() => random.next());
      const cumulative = random.chance(0.3);
      const ballots = Array.from({ length: random.int(1, 40) }, () => {
        const chosen = projects.filter((_, project) => random.next() < (appeal[project] as number)).map((p) => p.id);
        return cumulative ? { kind: 'cumulative' as const, selections: Object.fromEntries(chosen.map((id) => [id, random.int(1, 4)])) } : { kind: 'approval' as const, selections: chosen };
      });
      const election = prepareElection({ budget: random.int(1, 400) * 10, projects, ballots });
      const share = { numerator: election.budget + random.int(0, 3) * 10 * ballots.length, denominator: ballots.length };
      const exact = fixedBudgetExact(election, share, Number.POSITIVE_INFINITY, true);
      try {
        const fast = fixedBudgetFloat(election, share, Number.POSITIVE_INFINITY, false, true);
        assert.deepEqual(fast.winners, exact.winners, `case ${index}`);
        assert.deepEqual(fast.details, exact.details, `case ${index}`);
        proved += 1;
      } catch (error) {
        if (!(error instanceof Undecided)) throw error;
      }
    }
    assert.ok(proved > 200, `only ${proved} of 300 passes proved their amounts`);
  });
});

describe('ties, thresholds, and rounds nobody voted in', () => {
  test('a tie in votes goes to the cheaper proposal under both rules, and the other is explained', () => {
    const tie: CountedRound = { round: round({ budget: 5_000 }), proposals: [proposal('a', 5_000), proposal('b', 4_000)], ballots: [['a', 'b'], ['a', 'b'], ['a', 'b']] };
    const greedy = roundResults(tie.round, tie.proposals, tie.ballots, 'greedy');
    checkResults(tie, greedy);
    assert.deepEqual(explanations(greedy).get('b'), { outcome: 'funded', rule: 'greedy', order: 1, moneyLeft: 5_000 });
    assert.deepEqual(explanations(greedy).get('a'), { outcome: 'not-funded', reason: 'did-not-fit', moneyLeft: 1_000 });
    const shares = roundResults(tie.round, tie.proposals, tie.ballots, 'equal-shares');
    checkResults(tie, shares);
    assert.deepEqual(shares.winners.map((w) => w.id), ['b']);
  });

  test('between equal votes and equal costs, the lower id goes first', () => {
    const tie: CountedRound = { round: round({ budget: 3_000 }), proposals: [proposal('10', 3_000), proposal('9', 3_000)], ballots: [['10', '9'], ['10', '9']] };
    for (const rule of ['greedy', 'equal-shares'] satisfies TallyRule[]) {
      const results = roundResults(tie.round, tie.proposals, tie.ballots, rule);
      checkResults(tie, results);
      assert.deepEqual(results.winners.map((w) => w.id), ['9'], rule);
    }
  });

  test('below the round’s vote threshold a proposal is not funded, though it fits', () => {
    const counted: CountedRound = {
      round: round({ budget: 10_000, results: { rules: ['greedy'], minVotes: 3 } }),
      proposals: [proposal('popular', 3_000), proposal('nearly', 1_000), proposal('ignored', 1_000)],
      ballots: [['popular', 'nearly'], ['popular', 'nearly'], ['popular']],
    };
    const results = roundResults(counted.round, counted.proposals, counted.ballots, 'greedy');
    checkResults(counted, results);
    assert.equal(results.spent, 3_000);
    assert.deepEqual(explanations(results).get('nearly'), { outcome: 'not-funded', reason: 'below-threshold', minVotes: 3 });
    assert.deepEqual(explanations(results).get('ignored'), { outcome: 'not-funded', reason: 'no-votes' });
  });

  test('a round with no ballots funds nothing under either rule: every proposal had no votes', () => {
    const empty: CountedRound = { round: round({ budget: 10_000 }), proposals: [proposal('a', 1_000), proposal('b', 2_000)], ballots: [] };
    for (const rule of ['greedy', 'equal-shares'] satisfies TallyRule[]) {
      const results = roundResults(empty.round, empty.proposals, empty.ballots, rule);
      checkResults(empty, results);
      assert.equal(results.spent, 0, rule);
      assert.equal(results.ballots, 0, rule);
      assert.deepEqual(results.fundedChoices, [], rule);
      for (const p of results.proposals) assert.deepEqual(p.explanation, { outcome: 'not-funded', reason: 'no-votes' }, rule);
    }
  });

  test('yes/no answers and cumulative points count as chosen only when yes or more than 0 points', () => {
    const yesNo: CountedRound = {
      round: round({ budget: 1_000, rules: { kind: 'yes-no', allowAbstain: true } }),
      proposals: [proposal('q', 1_000)],
      ballots: [{ q: 'yes' }, { q: 'no' }, { q: 'abstain' }, { q: 'yes' }],
    };
    const results = roundResults(yesNo.round, yesNo.proposals, yesNo.ballots, 'greedy');
    checkResults(yesNo, results);
    assert.deepEqual(results.fundedChoices, [{ funded: 0, voters: 2 }, { funded: 1, voters: 2 }]);
    const points: CountedRound = {
      round: round({ budget: 1_000, rules: { kind: 'cumulative', maxSumPoints: 5 } }),
      proposals: [proposal('a', 1_000), proposal('b', 1_000)],
      ballots: [{ a: 3, b: 0 }, { a: 0, b: 2 }, { a: 1, b: 1 }],
    };
    for (const rule of ['greedy', 'equal-shares'] satisfies TallyRule[]) {
      const counted = roundResults(points.round, points.proposals, points.ballots, rule);
      checkResults(points, counted);
      assert.deepEqual(counted.winners.map((w) => w.id), ['a'], rule);
      assert.deepEqual(counted.fundedChoices, [{ funded: 0, voters: 1 }, { funded: 1, voters: 2 }], rule);
    }
  });
});

describe('a 199-proposal round', () => {
  const random = seededRandom(199);
  const projects = Array.from({ length: 199 }, (_, index) => proposal(String(index + 1), random.int(10, 400) * 10_000));
  const appeal = projects.map((_, rank) => 1 / (rank + 1) ** 0.6);
  const ballots = Array.from({ length: 1_500 }, () => pickDistinct(projects, appeal, random.int(1, 8), random.next));
  const total = projects.reduce((sum, p) => sum + p.cost, 0);
  const counted: CountedRound = { round: round({ budget: Math.round(total * 0.15 / 100) * 100 }), proposals: projects, ballots };

  for (const rule of ['greedy', 'equal-shares'] satisfies TallyRule[]) {
    test(`${rule}: every proposal explained, and the numbers add up`, () => {
      const results = roundResults(counted.round, counted.proposals, counted.ballots, rule);
      checkResults(counted, results);
      assert.equal(results.proposals.length, 199);
      assert.ok(results.winners.length > 5 && results.winners.length < 199);
    });
  }
});

describe('which rule, and when residents see results', () => {
  const open = round({ status: 'open', opensAt: '2026-03-01T09:00:00Z', closesAt: '2026-03-20T17:00:00Z' });

  test('the round’s own rule is the first it lists, else greedy; a rule it does not list is refused naming the field', () => {
    assert.deepEqual(resultsRuleFor(round(), undefined), { rule: 'greedy' });
    const both = round({ results: { rules: ['equal-shares', 'greedy'] } });
    assert.deepEqual(resultsRuleFor(both, undefined), { rule: 'equal-shares' });
    assert.deepEqual(resultsRuleFor(both, 'greedy'), { rule: 'greedy' });
    const refused = resultsRuleFor(round({ results: { rules: ['equal-shares'] } }), 'greedy');
    assert.ok('error' in refused);
    assert.deepEqual([refused.error.field, refused.error.code], ['rule', 'rule-not-allowed']);
    const unknown = resultsRuleFor(both, 'borda');
    assert.ok('error' in unknown && unknown.error.code === 'unknown-rule');
  });

  test('ranked ballots are never counted by equal shares, even when the round lists it', () => {
    const ranked = round({ rules: { kind: 'ordinal' }, results: { rules: ['equal-shares', 'greedy'] } });
    assert.deepEqual(resultsRules(ranked), ['greedy']);
    const refused = resultsRuleFor(ranked, 'equal-shares');
    assert.ok('error' in refused && /Ranked ballots cannot be counted by equal shares/.test(refused.error.detail));
  });

  test('results are shown once the round closes, while it is open if live, and to administrators always', () => {
    const during = new Date('2026-03-10T12:00:00Z');
    const hidden = resultsVisible(open, during, false);
    assert.deepEqual(hidden, {
      visible: false,
      publishedAt: '2026-03-20T17:00:00Z',
      detail: 'The results of “Hand-made round” will be published when voting closes, on 20 March 2026 at 17:00 UTC.',
    });
    assert.deepEqual(resultsVisible(open, during, true), { visible: true });
    assert.deepEqual(resultsVisible(open, new Date('2026-03-20T17:00:00Z'), false), { visible: true });
    assert.deepEqual(resultsVisible({ ...open, results: { rules: ['greedy'], live: true } }, during, false), { visible: true });
    const undated = resultsVisible({ ...open, closesAt: null }, during, false);
    assert.ok(!undated.visible && undated.publishedAt === null && /when voting closes\.$/.test(undated.detail));
  });
});
