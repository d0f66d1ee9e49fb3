import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  chosenIds,
  describeProblem,
  isComplete,
  minimumSpendMet,
  moneyLeft,
  pointsLeft,
  selectableProposals,
  selectionBlocks,
  spent,
  validateBallot,
  validateFeedback,
  validateSelections,
  validateSimulation,
  whyNotSelectable,
  councilTaxBill,
  describeSimulationProblem,
  impactAt,
  simulationBalance,
  simulationSetupProblems,
} from '../../src/domain/rules/index.js';
import type { Ballot, BallotRules, FeedbackForm, Proposal, Simulation } from '../../src/domain/types.js';

// A deliberately small reader of the .pb sections these tests need, independent of src/client/pabulib.
interface PbFile {
  meta: Record<string, string>;
  projects: Array<Record<string, string>>;
  votes: Array<Record<string, string>>;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function readPb(name: string): PbFile {
  const lines = readFileSync(new URL(`../fixtures/pabulib/${name}`, import.meta.url), 'utf8').split(/\r?\n/);
  const file: PbFile = { meta: {}, projects: [], votes: [] };
  let section = '';
  let header: string[] = [];
  for (const line of lines) {
    if (line === 'META' || line === 'PROJECTS' || line === 'VOTES') {
      section = line;
      header = [];
    } else if (line === '') continue;
    else if (header.length === 0) header = splitRow(line);
    else {
      const cells = splitRow(line);
      if (section === 'META') file.meta[cells[0]!] = cells[1]!;
      else {
        const row = Object.fromEntries(header.map((key, i) => [key, cells[i] ?? '']));
        (section === 'PROJECTS' ? file.projects : file.votes).push(row);
      }
    }
  }
  return file;
}

/** PLN and EUR have 2 minor digits; pabulib costs are whole units in these files. */
const toMinor = (units: string): number => Math.round(Number(units) * 100);

function proposalsOf(file: PbFile): Proposal[] {
  return file.projects.map((row) => ({
    id: row.project_id!,
    title: row.name ?? row.project_id!,
    summary: '',
    cost: toMinor(row.cost!),
    categories: [],
    status: 'shortlisted',
  }));
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function rulesOf(file: PbFile): BallotRules {
  const { meta } = file;
  const minLength = optionalNumber(meta.min_length);
  const maxLength = optionalNumber(meta.max_length);
  if (meta.vote_type === 'ordinal') return { kind: 'ordinal', minLength, maxLength };
  if (meta.vote_type === 'cumulative') return { kind: 'cumulative', minLength, maxLength, maxSumPoints: Number(meta.max_sum_points) };
  return { kind: 'approval', minLength, maxLength };
}

function ballotOf(file: PbFile, vote: Record<string, string>): Ballot {
  const ids = vote.vote!.split(',');
  if (file.meta.vote_type === 'cumulative') {
    const points = vote.points!.split(',').map(Number);
    return { roundId: 'r', kind: 'cumulative', selections: Object.fromEntries(ids.map((id, i) => [id, points[i]!])) };
  }
  return { roundId: 'r', kind: file.meta.vote_type as 'approval' | 'ordinal', selections: ids };
}

test('every real Kraków ranked ballot passes its rules of exactly 3 choices', () => {
  const file = readPb('Poland_Krakow_2020_Stare_Miasto.pb');
  const rules = rulesOf(file);
  assert.deepEqual(rules, { kind: 'ordinal', minLength: 3, maxLength: 3 });
  const proposals = proposalsOf(file);
  const invalid = file.votes.filter((vote) => validateBallot(ballotOf(file, vote), rules, proposals).length > 0);
  assert.equal(file.votes.length, 1285);
  assert.deepEqual(invalid, []);
});

test('a Kraków ranking of 2 or 4 proposals is refused with the limit and the count', () => {
  const file = readPb('Poland_Krakow_2020_Stare_Miasto.pb');
  const proposals = proposalsOf(file);
  const ids = proposals.map((proposal) => proposal.id);
  const ballot = (selections: string[]): Ballot => ({ roundId: 'r', kind: 'ordinal', selections });
  assert.deepEqual(validateBallot(ballot(ids.slice(0, 2)), rulesOf(file), proposals), [{ code: 'too-few', min: 3, actual: 2 }]);
  assert.deepEqual(validateBallot(ballot(ids.slice(0, 4)), rulesOf(file), proposals), [{ code: 'too-many', max: 3, actual: 4 }]);
});

test('the two real Warszawa ballots that name a project twice are flagged; the other 945 pass', () => {
  const file = readPb('Poland_Warszawa_2026_Wierzbno_Ksawerow.pb');
  const rules = rulesOf(file);
  assert.deepEqual(rules, { kind: 'approval', minLength: undefined, maxLength: 5 });
  const proposals = proposalsOf(file);
  const flagged = file.votes
    .map((vote) => ({ voter: vote.voter_id, problems: validateBallot(ballotOf(file, vote), rules, proposals) }))
    .filter((entry) => entry.problems.length > 0);
  assert.deepEqual(flagged, [
    { voter: '232985', problems: [{ code: 'duplicate', proposalId: '924' }] },
    { voter: '239493', problems: [{ code: 'duplicate', proposalId: '1620' }] },
  ]);
});

test('a sixth Warszawa choice is one too many', () => {
  const file = readPb('Poland_Warszawa_2026_Wierzbno_Ksawerow.pb');
  const proposals = proposalsOf(file);
  const six = proposals.slice(0, 6).map((proposal) => proposal.id);
  assert.deepEqual(validateSelections(rulesOf(file), six, proposals), [{ code: 'too-many', max: 5, actual: 6 }]);
  assert.equal(whyNotSelectable(proposals[5]!.id, rulesOf(file), six.slice(0, 5), proposals)?.code, 'limit-reached');
});

test('every real Częstochowa points ballot stays within 10 points', () => {
  const file = readPb('Poland_Czestochowa_2024_Tysiaclecie.pb');
  const rules = rulesOf(file);
  assert.equal(rules.kind === 'cumulative' && rules.maxSumPoints, 10);
  const proposals = proposalsOf(file);
  const invalid = file.votes.filter((vote) => validateBallot(ballotOf(file, vote), rules, proposals).length > 0);
  assert.equal(file.votes.length, 2602);
  assert.deepEqual(invalid, []);
});

test('a rule of one point is said in the singular, for logs and the API\'s detail', () => {
  const rules = { kind: 'cumulative', maxSumPoints: 1, maxPoints: 1, minSumPoints: 1 } as const;
  const proposals: Proposal[] = [{ id: 'a', title: 'A', summary: '', cost: 100, categories: [], status: 'shortlisted' }];
  const said = (selections: Record<string, number>) => validateSelections(rules, selections, proposals).map((problem) => describeProblem(problem));
  assert.ok(said({}).includes('Give at least 1 point in all (you gave 0).'), said({}).join(' '));
  assert.ok(said({ a: 2 }).includes('Give at most 1 point in all (you gave 2).'), said({ a: 2 }).join(' '));
});

test('Częstochowa: 11 points in all is too many, and 11 on one proposal is out of range', () => {
  const file = readPb('Poland_Czestochowa_2024_Tysiaclecie.pb');
  const rules = rulesOf(file);
  const [a, b] = proposalsOf(file).map((proposal) => proposal.id);
  const proposals = proposalsOf(file);
  assert.deepEqual(validateSelections(rules, { [a!]: 6, [b!]: 5 }, proposals), [{ code: 'too-many-points', max: 10, actual: 11 }]);
  assert.deepEqual(validateSelections(rules, { [a!]: 11 }, proposals), [
    { code: 'points-out-of-range', proposalId: a, min: 1, max: 10, actual: 11 },
    { code: 'too-many-points', max: 10, actual: 11 },
  ]);
  assert.equal(pointsLeft(rules, { [a!]: 6, [b!]: 5 }), -1);
  assert.deepEqual(whyNotSelectable(proposals[2]!.id, rules, { [a!]: 6, [b!]: 4 }, proposals), { code: 'no-points-left', needed: 1, left: 0 });
});

test('points must be whole numbers, and taking a proposal back to zero points unchooses it', () => {
  const file = readPb('Poland_Czestochowa_2024_Tysiaclecie.pb');
  const proposals = proposalsOf(file);
  const [a, b] = proposals.map((proposal) => proposal.id);
  const rules = rulesOf(file);
  assert.deepEqual(validateSelections(rules, { [a!]: 2.5 }, proposals), [{ code: 'not-integer', proposalId: a, actual: 2.5 }]);
  assert.deepEqual(validateSelections(rules, { [a!]: 4, [b!]: 0 }, proposals), []);
  assert.deepEqual(chosenIds({ [a!]: 4, [b!]: 0 }), [a]);
  assert.deepEqual(validateSelections(rules, { [a!]: 0 }, proposals), [{ code: 'too-few', min: 1, actual: 0 }]);
});

test('Assen asks for at least 2 choices', () => {
  const file = readPb('Netherlands_Assen_2024.pb');
  const proposals = proposalsOf(file);
  assert.deepEqual(validateSelections(rulesOf(file), [proposals[0]!.id], proposals), [{ code: 'too-few', min: 2, actual: 1 }]);
});

test('Świecie as a knapsack: the cheapest projects that overflow the budget are over by the exact amount', () => {
  const file = readPb('Poland_Swiecie_2023.pb');
  const proposals = proposalsOf(file);
  const limit = toMinor(file.meta.budget!);
  const rules: BallotRules = { kind: 'approval', maxSumCost: limit };
  const byCost = [...proposals].sort((x, y) => x.cost - y.cost);
  const chosen: string[] = [];
  let total = 0n;
  for (const proposal of byCost) {
    chosen.push(proposal.id);
    total += BigInt(proposal.cost);
    if (total > BigInt(limit)) break;
  }
  const over = Number(total - BigInt(limit));
  assert.deepEqual(validateSelections(rules, chosen, proposals), [{ code: 'over-budget', limit, total: Number(total), over }]);
  assert.equal(moneyLeft(rules, chosen, proposals), -over);
  const fitting = chosen.slice(0, -1);
  assert.deepEqual(validateSelections(rules, fitting, proposals), []);
  const last = byCost[chosen.length - 1]!;
  assert.deepEqual(whyNotSelectable(last.id, rules, fitting, proposals), {
    code: 'does-not-fit',
    cost: last.cost,
    left: limit - Number(total - BigInt(last.cost)),
    over,
  });
});

test('every real Świecie ballot that fits the budget is accepted as a knapsack ballot', () => {
  const file = readPb('Poland_Swiecie_2023.pb');
  const proposals = proposalsOf(file);
  const costs = new Map(proposals.map((proposal) => [proposal.id, BigInt(proposal.cost)]));
  const limit = toMinor(file.meta.budget!);
  const rules: BallotRules = { kind: 'approval', maxSumCost: limit };
  for (const vote of file.votes) {
    const ids = vote.vote!.split(',');
    const total = ids.reduce((sum, id) => sum + costs.get(id)!, 0n);
    const problems = validateSelections(rules, ids, proposals);
    if (total <= BigInt(limit)) assert.deepEqual(problems, [], `voter ${vote.voter_id}`);
    else assert.deepEqual(problems, [{ code: 'over-budget', limit, total: Number(total), over: Number(total - BigInt(limit)) }]);
  }
});

function manyProposals(costs: number[]): Proposal[] {
  return costs.map((cost, i) => ({ id: `p${i}`, title: `P${i}`, summary: '', cost, categories: [], status: 'shortlisted' }));
}

test('a 216,000,000 HUF budget in fillér fills exactly with 2,000 small projects and has no room for one more', () => {
  const limit = 216_000_000 * 100;
  // Costs that are not round in forints (1,234.57 HUF and friends) sum to exactly the budget.
  const costs = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 123_457 : 21_476_543));
  const expectedTotal = costs.reduce((sum, cost) => sum + BigInt(cost), 0n);
  assert.equal(expectedTotal, BigInt(limit));
  const proposals = [...manyProposals(costs), { id: 'extra', title: 'Extra', summary: '', cost: 1, categories: [], status: 'shortlisted' as const }];
  const rules: BallotRules = { kind: 'approval', maxSumCost: limit };
  const all = proposals.slice(0, 2000).map((proposal) => proposal.id);
  assert.equal(spent(all, proposals), limit);
  assert.equal(moneyLeft(rules, all, proposals), 0);
  assert.deepEqual(validateSelections(rules, all, proposals), []);
  assert.deepEqual(whyNotSelectable('extra', rules, all, proposals), { code: 'does-not-fit', cost: 1, left: 0, over: 1 });
  assert.deepEqual(validateSelections(rules, [...all, 'extra'], proposals), [{ code: 'over-budget', limit, total: limit + 1, over: 1 }]);
});

test('969,245.38 PLN is spent to the grosz where floating-point złoty would drift', () => {
  const limit = 96_924_538;
  const proposals = manyProposals([96_924_508, 10, 20]);
  assert.notEqual(969_245.08 + 0.1 + 0.2, 969_245.38, 'the same sum in floating-point złoty misses the budget');
  const rules: BallotRules = { kind: 'approval', maxSumCost: limit, minSumCost: limit };
  assert.deepEqual(validateSelections(rules, ['p0', 'p1', 'p2'], proposals), []);
  assert.equal(minimumSpendMet(rules, ['p0', 'p1', 'p2'], proposals), true);
  assert.deepEqual(validateSelections(rules, ['p0', 'p2'], proposals), [{ code: 'under-minimum-spend', min: limit, total: limit - 10, short: 10 }]);
  assert.equal(minimumSpendMet(rules, ['p0', 'p2'], proposals), false);
});

test('a cost that is not whole minor units fails loudly, naming the proposal', () => {
  const proposals = manyProposals([1250.5]);
  assert.throws(() => spent(['p0'], proposals), /cost of proposal p0.*1250\.5/);
});

test('a total beyond 2^53 minor units fails loudly instead of losing pence', () => {
  const proposals = manyProposals([Number.MAX_SAFE_INTEGER, 2]);
  assert.throws(() => spent(['p0', 'p1'], proposals), RangeError);
});

const park: Proposal[] = manyProposals([8_000_000, 5_000_000, 3_000_000, 2_500_000]);
park.push({ id: 'gone', title: 'Withdrawn', summary: '', cost: 100, categories: [], status: 'withdrawn' });
const knapsack: BallotRules = { kind: 'approval', maxLength: 3, maxSumCost: 15_000_000 };

test('a ballot that breaks several rules reports every one of them', () => {
  const problems = validateSelections(knapsack, ['p0', 'p1', 'p0', 'p2', 'nope', 'gone'], park);
  assert.deepEqual(problems, [
    { code: 'duplicate', proposalId: 'p0' },
    { code: 'unknown-proposal', proposalId: 'nope' },
    { code: 'withdrawn', proposalId: 'gone' },
    { code: 'too-many', max: 3, actual: 5 },
    { code: 'over-budget', limit: 15_000_000, total: 16_000_100, over: 1_000_100 },
  ]);
});

test('while choosing: money left, what still fits and why the rest does not', () => {
  const selections = ['p0', 'p2'];
  assert.equal(spent(selections, park), 11_000_000);
  assert.equal(moneyLeft(knapsack, selections, park), 4_000_000);
  assert.deepEqual(selectableProposals(knapsack, selections, park), ['p3']);
  assert.deepEqual(whyNotSelectable('p1', knapsack, selections, park), { code: 'does-not-fit', cost: 5_000_000, left: 4_000_000, over: 1_000_000 });
  assert.equal(whyNotSelectable('p0', knapsack, selections, park), null, 'a chosen proposal can stay chosen');
  assert.deepEqual(whyNotSelectable('gone', knapsack, selections, park), { code: 'withdrawn', proposalId: 'gone' });
  assert.deepEqual(whyNotSelectable('p1', knapsack, ['p2', 'p3', 'p0'], park), { code: 'limit-reached', max: 3 });
  assert.equal(isComplete(knapsack, selections, park), true);
  assert.equal(isComplete(knapsack, [], park), false, 'an empty ballot is not a vote');
});

test('selectionBlocks says for every proposal at once what whyNotSelectable says for each', () => {
  const rulesToTry: BallotRules[] = [
    knapsack,
    { kind: 'approval', maxLength: 2 },
    { kind: 'ordinal', maxLength: 2 },
    { kind: 'choose-1' },
    { kind: 'yes-no', allowAbstain: true },
  ];
  for (const rules of rulesToTry) {
    for (const selections of [[], ['p0'], ['p0', 'p2'], ['p2', 'p3', 'p0']]) {
      const expected = new Map(park.flatMap((p) => {
        const block = whyNotSelectable(p.id, rules, selections, park);
        return block ? [[p.id, block] as const] : [];
      }));
      assert.deepEqual(selectionBlocks(rules, selections, park), expected, `${rules.kind} ${selections.join()}`);
    }
  }
  const points: BallotRules = { kind: 'cumulative', maxSumPoints: 10, maxLength: 2 };
  for (const selections of [{}, { p0: 9 }, { p0: 10 }, { p0: 3, p1: 2 }] as Array<Record<string, number>>) {
    const expected = new Map(park.flatMap((p) => {
      const block = whyNotSelectable(p.id, points, selections, park);
      return block ? [[p.id, block] as const] : [];
    }));
    assert.deepEqual(selectionBlocks(points, selections, park), expected, JSON.stringify(selections));
  }
  assert.equal(selectionBlocks(knapsack, ['p0', 'p2'], park).get('p1')?.code, 'does-not-fit');
});

test('without a cost limit there is no money left to show, and without points no points left', () => {
  assert.equal(moneyLeft({ kind: 'approval', maxLength: 5 }, ['p0'], park), null);
  assert.equal(moneyLeft({ kind: 'ordinal' }, ['p0'], park), null);
  assert.equal(pointsLeft(knapsack, ['p0']), null);
});

test('choose-1 takes exactly one proposal', () => {
  const rules: BallotRules = { kind: 'choose-1' };
  assert.deepEqual(validateSelections(rules, [], park), [{ code: 'too-few', min: 1, actual: 0 }]);
  assert.deepEqual(validateSelections(rules, ['p0', 'p1'], park), [{ code: 'too-many', max: 1, actual: 2 }]);
  assert.deepEqual(validateSelections(rules, ['p1'], park), []);
});

test('yes/no needs an answer for every proposal still on the ballot, and abstaining only when allowed', () => {
  const proposals = park.slice(0, 2).concat(park[4]!);
  const strict: BallotRules = { kind: 'yes-no', allowAbstain: false };
  assert.deepEqual(validateSelections(strict, { p0: 'yes' }, proposals), [{ code: 'missing-answer', proposalId: 'p1' }]);
  assert.deepEqual(validateSelections(strict, { p0: 'yes', p1: 'abstain' }, proposals), [{ code: 'abstain-not-allowed', proposalId: 'p1' }]);
  assert.deepEqual(validateSelections({ kind: 'yes-no', allowAbstain: true }, { p0: 'no', p1: 'abstain' }, proposals), []);
  assert.deepEqual(validateSelections(strict, { p0: 'maybe', p1: 'no' }, proposals), [
    { code: 'malformed', field: 'selections.p0', expected: 'yes, no or abstain' },
  ]);
  assert.deepEqual(validateSelections(strict, { p0: 'no', p1: 'no', toString: 'no' }, proposals), [
    { code: 'unknown-proposal', proposalId: 'toString' },
  ]);
  const oddIds = manyProposals([1, 1]).map((p, i) => ({ ...p, id: ['constructor', 'valueOf'][i]! }));
  assert.deepEqual(validateSelections(strict, { valueOf: 'yes' }, oddIds), [{ code: 'missing-answer', proposalId: 'constructor' }]);
});

test('a ballot of the wrong kind or shape says what was expected', () => {
  const ballot = { roundId: 'r', kind: 'ordinal', selections: ['p0'] } as Ballot;
  assert.deepEqual(validateBallot(ballot, knapsack, park), [{ code: 'wrong-kind', expected: 'approval', actual: 'ordinal' }]);
  assert.deepEqual(validateSelections(knapsack, 'p0,p1', park), [{ code: 'malformed', field: 'selections', expected: 'a list of proposal ids' }]);
  assert.deepEqual(validateSelections({ kind: 'cumulative', maxSumPoints: 10 }, ['p0'], park)[0]?.code, 'malformed');
});

const simulation: Simulation = {
  id: 's',
  title: 'Budget',
  description: '',
  currency: 'GBP',
  lines: [
    { id: 'parks', label: 'Parks', kind: 'spending', baseline: 500_000, min: 0, max: 1_000_000, step: 10_000, unit: 'currency', locked: false, impacts: [] },
    { id: 'debt', label: 'Debt', kind: 'spending', baseline: 200_000, min: 200_000, max: 200_000, step: 1, unit: 'currency', locked: true, impacts: [] },
    { id: 'tax', label: 'Council tax', kind: 'revenue', baseline: 2, min: 0, max: 4.99, step: 0.1, unit: 'percent', amountPerPercent: 300_000, locked: false, impacts: [] },
    { id: 'fees', label: 'Fees', kind: 'revenue', baseline: 100_000, min: 0, max: 300_000, step: 10_000, unit: 'currency', locked: false, impacts: [] },
  ],
};

test('a simulation balances when spending is no more than revenue, percent lines priced per percent', () => {
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: {} }), []);
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { parks: 600_000 } }), [
    { code: 'unbalanced', spending: 800_000, revenue: 700_000, over: 100_000 },
  ]);
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { parks: 600_000, tax: 2.4 } }), []);
});

test('a simulation value off its step, out of range, on a locked line or unknown is refused', () => {
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { parks: 505_000, debt: 0, fees: 400_000, rates: 1, tax: 2.35 } }), [
    { code: 'off-step', lineId: 'parks', step: 10_000, actual: 505_000 },
    { code: 'locked', lineId: 'debt', baseline: 200_000, actual: 0 },
    { code: 'out-of-range', lineId: 'fees', min: 0, max: 300_000, actual: 400_000 },
    { code: 'unknown-line', lineId: 'rates' },
    { code: 'off-step', lineId: 'tax', step: 0.1, actual: 2.35 },
  ]);
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { fees: 100_000.5 } }), [
    { code: 'malformed', field: 'values.fees', expected: 'a whole number of minor units' },
  ]);
});

// Modes, tolerance, points, council tax: what real councils configure.
const gapped: Simulation = {
  ...simulation,
  mode: 'balance',
  tolerance: 20_000,
};

test('a simulation without a mode keeps the rule it always had: no deficit, any surplus', () => {
  assert.deepEqual(simulationBalance(simulation, { fees: 300_000 }), { spending: 700_000, revenue: 900_000, surplus: 200_000, unit: 'money', status: 'balanced', gap: 0 });
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { fees: 300_000 } }), []);
});

test('balance mode: within the tolerance either way is balanced; beyond it, says how much is still to find or to spend', () => {
  assert.deepEqual(validateSimulation(gapped, { simulationId: 's', values: { parks: 510_000 } }), [], '£100 over, within £200');
  assert.deepEqual(simulationBalance(gapped, { parks: 560_000 }), { spending: 760_000, revenue: 700_000, surplus: -60_000, unit: 'money', status: 'over', gap: 40_000 });
  assert.deepEqual(validateSimulation(gapped, { simulationId: 's', values: { parks: 560_000 } }), [
    { code: 'unbalanced', spending: 760_000, revenue: 700_000, over: 60_000, tolerance: 20_000 },
  ]);
  assert.deepEqual(validateSimulation(gapped, { simulationId: 's', values: { parks: 400_000 } }), [
    { code: 'unspent', spending: 600_000, revenue: 700_000, under: 100_000, tolerance: 20_000 },
  ]);
  assert.equal(
    describeSimulationProblem({ code: 'unspent', spending: 600_000, revenue: 700_000, under: 100_000, tolerance: 20_000 }, (pence) => `£${pence / 100}`),
    'The money coming in is £1000 more than spending; the budget must balance to within £200.',
  );
});

test('no-deficit mode with a tolerance accepts a deficit that small, and any surplus', () => {
  const lenient: Simulation = { ...simulation, mode: 'no-deficit', tolerance: 50_000 };
  assert.deepEqual(validateSimulation(lenient, { simulationId: 's', values: { parks: 550_000 } }), []);
  assert.deepEqual(validateSimulation(lenient, { simulationId: 's', values: { parks: 0 } }), []);
  assert.equal(simulationBalance(lenient, { parks: 600_000 }).gap, 50_000);
});

const priorities: Simulation = {
  id: 'p',
  title: 'Priorities',
  description: '',
  currency: 'GBP',
  mode: 'points',
  points: 10,
  lines: ['a', 'b', 'c'].map((id) => ({ id, label: id, kind: 'spending', unit: 'points', baseline: 0, min: 0, max: 10, step: 1, locked: false, impacts: [] })),
};

test('a cap between two steps, and a baseline between two, can be chosen: a 4.99% council tax limit in 0.1% steps', () => {
  assert.deepEqual(validateSimulation(simulation, { simulationId: 's', values: { tax: 4.99, parks: 800_000 } }), []);
  const odd: Simulation = { ...simulation, lines: [{ ...simulation.lines[0]!, baseline: 505_000 }, ...simulation.lines.slice(1)] };
  assert.deepEqual(validateSimulation(odd, { simulationId: 's', values: { parks: 505_000, fees: 110_000 } }), []);
  assert.deepEqual(validateSimulation(odd, { simulationId: 's', values: { parks: 515_000 } }), [{ code: 'off-step', lineId: 'parks', step: 10_000, actual: 515_000 }]);
});

test('points mode: exactly the points, no more and no fewer, in whole points', () => {
  assert.deepEqual(validateSimulation(priorities, { simulationId: 'p', values: { a: 5, b: 3, c: 2 } }), []);
  assert.deepEqual(validateSimulation(priorities, { simulationId: 'p', values: { a: 5 } }), [{ code: 'points-left', points: 10, spent: 5, left: 5 }]);
  assert.deepEqual(validateSimulation(priorities, { simulationId: 'p', values: { a: 8, b: 8 } }), [{ code: 'points-over', points: 10, spent: 16, over: 6 }]);
  assert.deepEqual(validateSimulation(priorities, { simulationId: 'p', values: { a: 2.5 } }), [{ code: 'malformed', field: 'values.a', expected: 'a whole number of points' }]);
  assert.deepEqual(simulationBalance(priorities, { a: 4 }), { spending: 4, revenue: 10, surplus: 6, unit: 'points', status: 'under', gap: 6 });
});

test('the impact that applies is the one with the highest threshold at or below the value, in any order', () => {
  const line = { impacts: [{ from: 30, text: 'More' }, { from: 0, text: 'Closed' }, { from: 20, text: 'As now' }] };
  assert.equal(impactAt(line, 25)?.text, 'As now');
  assert.equal(impactAt(line, 30)?.text, 'More');
  assert.equal(impactAt(line, 0)?.text, 'Closed');
  assert.equal(impactAt({ impacts: [{ from: 10, text: 'x' }] }, 5), undefined);
});

test('a household’s council tax: its band’s ratio of Band D, and the change the budget’s rise makes', () => {
  const taxed: Simulation = { ...simulation, councilTax: { lineId: 'tax', bandD: 181_240 } };
  assert.deepEqual(councilTaxBill(taxed, {}, 'D'), { band: 'D', now: 181_240, next: 184_865, change: 3_625 }, '2% of £1,812.40');
  assert.deepEqual(councilTaxBill(taxed, { tax: 4.9 }, 'A'), { band: 'A', now: 120_827, next: 126_748, change: 5_921 }, 'Band A is 6/9 of D');
  assert.deepEqual(councilTaxBill(taxed, { tax: 0 }, 'H'), { band: 'H', now: 362_480, next: 362_480, change: 0 }, 'Band H is twice D');
  assert.equal(councilTaxBill(taxed, {}, 'I'), undefined, 'England has no band I');
  const welsh: Simulation = { ...taxed, councilTax: { lineId: 'tax', bandD: 150_000, bands: [{ band: 'I', ratio: 21 / 9 }] } };
  assert.equal(councilTaxBill(welsh, { tax: 0 }, 'I')?.now, 350_000);
  assert.equal(councilTaxBill(simulation, {}, 'D'), undefined, 'no council tax set up');
});

test('a simulation set up wrongly is named where: unknown group, duplicate line, a baseline out of range, the wrong mode', () => {
  const broken: Simulation = {
    ...simulation,
    groups: [{ id: 'services', label: 'Services' }],
    councilTax: { lineId: 'parks', bandD: 100_000 },
    lines: [
      { ...simulation.lines[0]!, group: 'servces' },
      { ...simulation.lines[0]!, group: 'services', baseline: 1_005_000 },
      { ...simulation.lines[2]!, id: 'points', unit: 'points', step: 1, baseline: 0, min: 0, max: 10 },
      { ...simulation.lines[3]!, step: 0.5 },
    ],
  };
  assert.deepEqual(simulationSetupProblems(broken), [
    { path: ['lines', 0, 'group'], detail: '"servces" is not one of the simulation\'s groups' },
    { path: ['lines', 1, 'id'], detail: 'Line id "parks" is used twice' },
    { path: ['lines', 1, 'baseline'], detail: 'The baseline is outside min..max' },
    { path: ['lines', 2, 'unit'], detail: 'Points lines belong in a simulation in points mode' },
    { path: ['lines', 3, 'baseline'], detail: 'Currency lines need whole minor units' },
    { path: ['councilTax', 'lineId'], detail: 'The council tax line "parks" must be a revenue line in percent' },
  ]);
  assert.deepEqual(simulationSetupProblems({ ...priorities, points: undefined }), [{ path: ['points'], detail: 'A points simulation needs the whole number of points to spend' }]);
  assert.deepEqual(simulationSetupProblems(simulation), []);
});

const form: FeedbackForm = {
  id: 'f',
  title: 'Tell us',
  questions: [
    { id: 'rating', kind: 'rating', label: 'How useful?', required: true },
    { id: 'comment', kind: 'text', label: 'Why?', required: false, maxLength: 10 },
    { id: 'ward', kind: 'choice', label: 'Ward', required: false, options: [{ value: 'north', label: 'North' }, { value: 'south', label: 'South' }] },
    { id: 'topics', kind: 'multi-choice', label: 'Topics', required: false, options: [{ value: 'trees', label: 'Trees' }, { value: 'bikes', label: 'Bikes' }] },
    { id: 'consent', kind: 'consent', label: 'I agree', required: true },
  ],
};

test('feedback: required answers, a required consent that must be given, and text within its length', () => {
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { comment: '   ', consent: false } }), [
    { code: 'required', questionId: 'rating' },
    { code: 'consent-required', questionId: 'consent' },
  ]);
  // Ten characters, two of them emoji that take two UTF-16 units each: still within 10.
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { rating: 5, comment: 'Trees 🌳🌳!!', consent: true } }), []);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { rating: 5, comment: 'More trees please', consent: true } }), [
    { code: 'too-long', questionId: 'comment', maxLength: 10, actual: 17 },
  ]);
});

test('feedback: options must be among the listed ones, ratings 1 to 5, and unknown questions are named', () => {
  const answers = { rating: 6, ward: 'east', topics: ['trees', 'trees', 'cars'], consent: true, age: 40 };
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers }), [
    { code: 'unknown-question', questionId: 'age' },
    { code: 'out-of-range', questionId: 'rating', min: 1, max: 5, actual: 6 },
    { code: 'invalid-option', questionId: 'ward', value: 'east' },
    { code: 'invalid-option', questionId: 'topics', value: 'cars' },
    { code: 'duplicate', questionId: 'topics', value: 'trees' },
  ]);
  assert.deepEqual(validateFeedback(form, { formId: 'f', answers: { rating: '5', consent: 'yes' } } as never), [
    { code: 'malformed', field: 'answers.rating', expected: 'a whole number' },
    { code: 'malformed', field: 'answers.consent', expected: 'true or false' },
  ]);
});
