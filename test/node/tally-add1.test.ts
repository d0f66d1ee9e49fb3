import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePabulib, toBallots } from '../../src/domain/pabulib/index.js';
import { TallyError, tally, type Add1Option, type TallyBallot, type TallyInput } from '../../src/domain/tally/index.js';
import { replayCertificate } from '../../src/domain/tally/add1-certificate.js';
import { equalShares } from '../../src/domain/tally/equal-shares.js';
import { fixedBudgetExact } from '../../src/domain/tally/fixed-budget-exact.js';
import { fixedBudget } from '../../src/domain/tally/fixed-budget.js';
import { prepareElection } from '../../src/domain/tally/prepare.js';
import { add1ByUnit } from '../support/add1-by-unit.js';
import { caseSeed, seededRandom } from '../support/prng.js';

const OPTION_SETS: Add1Option[][] = [[], ['integral'], ['exhaustive'], ['exhaustive', 'integral']];

function approvals(count: number, ids: string[]): TallyBallot[] {
  return Array.from({ length: count }, () => ({ kind: 'approval', selections: [...ids] }));
}

function ids(outcome: { winners: Array<{ id: string }> }): string[] {
  return outcome.winners.map((winner) => winner.id);
}

function add1(input: TallyInput, add1Options: Add1Option[], add1Unit?: number) {
  return tally(input, { rule: 'equal-shares', completion: 'add1', add1Options, ...(add1Unit === undefined ? {} : { add1Unit }) });
}

describe('Add1: where it starts and when it stops', () => {
  test('without the exhaustive stop it raises shares until the next would overspend; with it, it settles for C', () => {
    // £30, four voters: A (£25) is liked by three, C (£10) by two, one voter likes both. At £7.50
    // each A's three supporters hold £22.50, so C is funded and the £20 left fits nothing: that
    // outcome is exhaustive. At £8.50 they hold £25.50 and fund A; C's supporters then hold £8.67,
    // and at £9.50 they could fund C too, which would spend £35.
    const input: TallyInput = {
      budget: 3000,
      projects: [{ id: 'A', cost: 2500 }, { id: 'C', cost: 1000 }],
      ballots: [{ kind: 'approval', selections: ['A', 'C'] }, { kind: 'approval', selections: ['C'] }, ...approvals(2, ['A'])],
    };
    const raised = add1(input, []);
    assert.deepEqual(ids(raised), ['A']);
    assert.deepEqual(raised.equalShares, { completion: 'add1', add1Options: [], perVoterShare: 850 });
    const exhaustive = add1(input, ['exhaustive']);
    assert.deepEqual(ids(exhaustive), ['C']);
    assert.equal(exhaustive.equalShares?.perVoterShare, 750);
    // From whole pounds (£7 each) the same: C at £7, or A at £9.
    assert.deepEqual([ids(add1(input, ['exhaustive', 'integral'])), add1(input, ['exhaustive', 'integral']).equalShares?.perVoterShare], [['C'], 700]);
    assert.deepEqual([ids(add1(input, ['integral'])), add1(input, ['integral']).equalShares?.perVoterShare], [['A'], 900]);
  });

  // £100, five voters: v1 and v2 want A (£60), v3 and v4 want B (£30), v5 wants D (£45).
  const fiveVoters: TallyInput = {
    budget: 100,
    projects: [{ id: 'A', cost: 60 }, { id: 'B', cost: 30 }, { id: 'D', cost: 45 }],
    ballots: [...approvals(2, ['A']), ...approvals(2, ['B']), ...approvals(1, ['D'])],
  };

  test('raises every share one unit at a time: B at £20 each, A from £30, D would come in at £45', () => {
    assert.deepEqual(ids(tally(fiveVoters, { rule: 'equal-shares', completion: 'none' })), ['B']);
    const raised = add1(fiveVoters, [], 1);
    assert.deepEqual(ids(raised), ['B', 'A'], 'A and B tie at 2 effective votes; B is cheaper');
    assert.equal(raised.equalShares?.perVoterShare, 44);
    assert.equal(raised.spent, 90);
    // With the exhaustive stop it ends at £30, where the £10 left fits nothing.
    assert.equal(add1(fiveVoters, ['exhaustive'], 1).equalShares?.perVoterShare, 30);
  });

  test('raises shares in whole currency units: 100 minor units by default', () => {
    const inPence: TallyInput = { ...fiveVoters, budget: 10_000, projects: fiveVoters.projects.map((project) => ({ ...project, cost: project.cost * 100 })) };
    const raised = tally(inPence, { rule: 'equal-shares' });
    assert.equal(raised.equalShares?.perVoterShare, 4_400);
    assert.deepEqual(ids(raised), ['B', 'A']);
  });

  test('keeps the last outcome that fits: at £30 each B, A and C would cost £120, so it stops at £29', () => {
    const input: TallyInput = {
      budget: 100,
      projects: [{ id: 'A', cost: 60 }, { id: 'B', cost: 30 }, { id: 'C', cost: 30 }],
      ballots: [...approvals(2, ['A']), ...approvals(2, ['B']), ...approvals(1, ['C'])],
    };
    for (const options of OPTION_SETS) {
      const outcome = add1(input, options, 1);
      assert.deepEqual(ids(outcome), ['B'], options.join());
      assert.equal(outcome.equalShares?.perVoterShare, 29, options.join());
    }
  });

  test('with exhaustive and integral (the compute tool’s recommendation) it can stop below what one plain pass spends', () => {
    // £15, two voters: both like B (£15), one also likes A (£1). One pass at £7.50 each funds B.
    // From whole pounds (£7 each) B is out of reach (£14), A is funded, and with £14 left nothing
    // unfunded fits, so the exhaustive stop ends there. Raising instead keeps B: at £8.50 each A
    // would be funded beside it, £16 in all.
    const input: TallyInput = {
      budget: 15,
      projects: [{ id: 'A', cost: 1 }, { id: 'B', cost: 15 }],
      ballots: [{ kind: 'approval', selections: ['A', 'B'] }, { kind: 'approval', selections: ['B'] }],
    };
    assert.deepEqual(ids(tally(input, { rule: 'equal-shares', completion: 'none' })), ['B']);
    assert.deepEqual(ids(add1(input, ['exhaustive', 'integral'], 1)), ['A']);
    assert.deepEqual(ids(add1(input, [], 1)), ['B']);
  });

  test('funds every supported proposal when they all fit together', () => {
    const input: TallyInput = {
      budget: 1_000,
      projects: [{ id: 'a', cost: 100 }, { id: 'b', cost: 600 }, { id: 'unvoted', cost: 50 }],
      ballots: [...approvals(5, ['a']), ...approvals(1, ['b'])],
    };
    for (const options of OPTION_SETS) assert.deepEqual(ids(add1(input, options, 1)), ['a', 'b'], options.join());
  });

  test('an option it does not know is an error naming the ones it does', () => {
    const input: TallyInput = { budget: 100, projects: [{ id: 'a', cost: 100 }], ballots: approvals(1, ['a']) };
    assert.throws(() => tally(input, { rule: 'equal-shares', add1Options: ['exhaustive', 'whole' as Add1Option] }), (error: unknown) =>
      error instanceof TallyError && /add1Options must list any of exhaustive, integral, got \["exhaustive","whole"\]/.test(error.message),
    );
  });
});

/**
 * A small random round: approval or cumulative, 1-10 proposals, 1-60 voters, sometimes equal costs;
 * steps of a tenth of the cost scale or all of it, so that stepping one at a time stays quick.
 */
function generatedRound(seed: number): { input: TallyInput; unit: number } {
  const random = seededRandom(seed);
  const scale = random.pick([10, 100, 1000]);
  const unit = scale / random.pick([1, 10]);
  const equalCosts = random.chance(0.3);
  const projects = Array.from({ length: random.int(1, 10) }, (_, index) => ({
    id: `p${index + 1}`,
    cost: (equalCosts ? random.int(1, 3) * 10 : random.int(1, 60)) * scale,
  }));
  const appeal = projects.map(() => random.next());
  const cumulative = random.chance(0.25);
  const ballots: TallyBallot[] = Array.from({ length: random.int(1, random.chance(0.3) ? 60 : 15) }, () => {
    const chosen = projects.filter((_, index) => random.next() < (appeal[index] ?? 0)).map((project) => project.id);
    return cumulative ? { kind: 'cumulative', selections: Object.fromEntries(chosen.map((id) => [id, random.int(1, 4)])) } : { kind: 'approval', selections: chosen };
  });
  const total = projects.reduce((sum, project) => sum + project.cost, 0);
  return { input: { budget: Math.max(1, Math.round(total * (0.1 + 0.8 * random.next()))), projects, ballots }, unit };
}

/** Rounds Add1 has to step through: someone voted, and not everything supported fits. */
function steppedRounds(runSeed: number, count: number): Array<{ seed: number; input: TallyInput; unit: number }> {
  const rounds = [];
  for (let index = 0; rounds.length < count; index += 1) {
    const seed = caseSeed(runSeed, index);
    const round = generatedRound(seed);
    const election = prepareElection(round.input);
    const supported = election.costs.reduce((sum, cost, project) => ((election.supporters[project]?.totalWeight ?? 0) > 0 ? sum + cost : sum), 0);
    if (election.ballotCount > 0 && supported > election.budget) rounds.push({ seed, ...round });
  }
  return rounds;
}

describe('Add1 skips steps but ends exactly where one-unit steps end', () => {
  for (const name of ['Netherlands_Assen_2024', 'Poland_Swiecie_2023']) {
    test(`${name}: every option set gives the one-unit result, and each funds the projects the city funded`, () => {
      const file = parsePabulib(readFileSync(new URL(`../fixtures/pabulib/${name}.pb`, import.meta.url), 'utf8'));
      const input: TallyInput = { budget: file.budget, projects: file.projects.map(({ id, cost }) => ({ id, cost })), ballots: toBallots(file, name) };
      const unit = 10 ** file.currencyDigits;
      const funded = file.projects.filter((project) => project.fields.selected === '1').map((project) => project.id).sort();
      const election = prepareElection(input);
      for (const options of OPTION_SETS) {
        const outcome = add1(input, options, unit);
        const reference = add1ByUnit(election, unit, options);
        assert.deepEqual(ids(outcome), reference.winners.map((project) => election.ids[project]), options.join());
        assert.equal(outcome.equalShares?.perVoterShare, reference.perVoterShare, options.join());
        assert.deepEqual(ids(outcome).sort(), funded, options.join());
      }
    });
  }

  test('on 300 generated rounds, with every option set, the same winners in the same order at the same share', () => {
    const passes = { fast: 0, exact: 0, oneUnit: 0 };
    for (const { seed, input, unit } of steppedRounds(13, 300)) {
      const election = prepareElection(input);
      for (const options of OPTION_SETS) {
        const outcome = add1(input, options, unit);
        equalShares(election, { completion: 'add1', add1Unit: unit, add1Options: options }, passes);
        const reference = add1ByUnit(election, unit, options);
        passes.oneUnit += reference.passes;
        const replay = `seed ${seed}, options ${options.join() || 'none'}`;
        assert.deepEqual(ids(outcome), reference.winners.map((project) => election.ids[project]), replay);
        assert.equal(outcome.equalShares?.perVoterShare, reference.perVoterShare, replay);
      }
    }
    // The rounds are long enough for skipping to matter.
    assert.ok(passes.fast + passes.exact < passes.oneUnit / 4, JSON.stringify(passes));
  });

  test('a replayed certificate that holds is the exact outcome at its share and at the last step it claims', () => {
    let claims = 0;
    for (const { seed, input, unit } of steppedRounds(14, 200)) {
      const election = prepareElection(input);
      const voters = election.ballotCount;
      const random = seededRandom(seed);
      const from = random.int(0, 50);
      const run = fixedBudget(election, { numerator: election.budget + from * unit * voters, denominator: voters }, Number.POSITIVE_INFINITY, undefined, true);
      if (run.certificate === undefined) continue;
      for (const later of [0, 1, random.int(2, 40)]) {
        const replay = replayCertificate(election, run.certificate, { numerator: election.budget + (from + later) * unit * voters, denominator: voters }, unit);
        if (!replay.holds) continue;
        claims += 1;
        for (const step of new Set([from + later, from + later + Math.min(replay.steps, 10_000)])) {
          const exact = fixedBudgetExact(election, { numerator: election.budget + step * unit * voters, denominator: voters }, Number.POSITIVE_INFINITY);
          assert.deepEqual(exact.winners, run.winners, `seed ${seed}: the certificate from step ${from} claimed step ${step}`);
        }
      }
    }
    assert.ok(claims > 300, `only ${claims} replays held`);
  });

  test('stops where its rule says: one more step would overspend, or (with exhaustive) nothing unfunded fits', () => {
    for (const { seed, input, unit } of steppedRounds(15, 200)) {
      const election = prepareElection(input);
      const voters = election.ballotCount;
      for (const options of [[], ['exhaustive']] satisfies Add1Option[][]) {
        const outcome = add1(input, options, unit);
        const share = outcome.equalShares?.perVoterShare ?? 0;
        const left = input.budget - outcome.spent;
        const exhaustive = input.projects.every((project) => ids(outcome).includes(project.id) || project.cost > left);
        // The shares are (budget + k × unit × voters) / voters.
        const step = Math.round((share * voters - input.budget) / (unit * voters));
        const oneMore = fixedBudget(election, { numerator: input.budget + (step + 1) * unit * voters, denominator: voters });
        const replay = `seed ${seed}, options ${options.join() || 'none'}`;
        assert.ok(outcome.spent <= input.budget, replay);
        if (options.length === 0) assert.ok(oneMore.spent > input.budget, `${replay}: stopped at ${share} though one more step fits`);
        else assert.ok(exhaustive || oneMore.spent > input.budget, `${replay}: stopped at ${share} for no reason`);
      }
    }
  });
});
