import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import {
  PabulibError,
  type PabulibElection,
  type PabulibProject,
  type PabulibVote,
  fromElection,
  parsePabulib,
  toBallots,
  toProposals,
  toRound,
  writePabulib,
} from '../../src/domain/pabulib/index.js';
import { formatMinorUnits, parseMinorUnits } from '../../src/domain/money.js';
import type { Round } from '../../src/domain/types.js';
import { mulberry32 as random } from '../support/prng.js';

const FIXTURES = new URL('../fixtures/pabulib/', import.meta.url);
const BROKEN = new URL('./fixtures/pabulib-broken/', import.meta.url);
const MESSY_TEXTS: string[] = (
  JSON.parse(readFileSync(new URL('../fixtures/texts/pabulib_messy_project_texts.json', import.meta.url), 'utf8')) as Array<{ text: string }>
).map((entry) => entry.text);

const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.pb')).sort();
const readFixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixture = (name: string) => parsePabulib(readFixture(name));
const project = (election: PabulibElection, id: string) => election.projects.find((p) => p.id === id);
const voteOf = (election: PabulibElection, voterId: string) => election.votes.find((v) => v.voterId === voterId);
const withoutWarnings = (election: PabulibElection) => ({ ...election, warnings: [] });

/** Asserts `run` throws a PabulibError for `line` whose message says `problem`. */
function assertPabulibError(run: () => unknown, line: number, problem: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof PabulibError, `expected a PabulibError, got ${String(error)}`);
    assert.equal(error.line, line, error.message);
    if (line > 0) assert.match(error.message, new RegExp(`^line ${line}: `));
    assert.match(error.message, problem);
    return true;
  });
}

/** A small, valid file to vary in the tests below. */
const SMALL = [
  'META', 'key;value', 'description;Small test', 'num_projects;3', 'num_votes;2', 'budget;50000',
  'vote_type;approval', 'currency;GBP',
  'PROJECTS', 'project_id;cost;name', 'p1;20000;Benches', 'p2;30000;Books', 'p3;15000;Kit',
  'VOTES', 'voter_id;vote', 'v1;p1,p2', 'v2;p3',
];

describe('every real pabulib fixture', () => {
  for (const name of fixtureNames) {
    test(`${name} parses with as many projects and votes as its META declares`, () => {
      const election = fixture(name);
      assert.equal(election.projects.length, Number(election.meta.num_projects));
      assert.equal(election.votes.length, Number(election.meta.num_votes));
      assert.ok(election.projects.every((p) => Number.isSafeInteger(p.cost) && p.cost > 0));
    });

    test(`${name} reads back the same after writing it out`, () => {
      const election = fixture(name);
      const written = writePabulib(election);
      assert.ok(!written.includes('\r'), 'written files use LF line endings');
      assert.deepEqual(withoutWarnings(parsePabulib(written)), withoutWarnings(election));
    });

    test(`${name} survives export through a round, proposals and ballots`, () => {
      const election = fixture(name);
      const round = toRound(election);
      const proposals = toProposals(election, round.id);
      const ballots = toBallots(election, round.id);
      const again = parsePabulib(writePabulib(fromElection(round, proposals, ballots)));
      assert.deepEqual(toRound(again, round.id), round);
      assert.deepEqual(toProposals(again, round.id), proposals);
      assert.deepEqual(toBallots(again, round.id), ballots);
    });
  }
});

describe('what the real fixtures say', () => {
  test('Świecie: project c12 costs 150000 PLN and was funded; ids are strings like c1 and v1', () => {
    const election = fixture('Poland_Swiecie_2023.pb');
    assert.equal(election.currencyDigits, 2);
    assert.equal(project(election, 'c12')?.cost, 150000_00);
    assert.equal(election.budget, 1070000_00);
    const [, , , , , , , , , , , c12] = toProposals(election, 'swiecie');
    assert.equal(c12?.id, 'c12');
    assert.equal(c12?.title, 'Modernizacja kojców w schronisku dla zwierząt w celu poprawy warunków psów tam przebywających');
    assert.equal(c12?.status, 'funded');
    assert.equal(c12?.supporters, 1030);
    assert.equal(c12?.roundId, 'swiecie');
    assert.equal(toProposals(election).find((p) => p.id === 'c6')?.status, 'not-funded');
    assert.deepEqual(toBallots(election, 'swiecie')[0], { roundId: 'swiecie', kind: 'approval', selections: ['c1', 'c2', 'c11', 'c21', 'c20'] });
  });

  test('Świecie becomes a closed approval round with no limits, in PLN, dated 18 to 25 September 2023', () => {
    const round = toRound(fixture('Poland_Swiecie_2023.pb'));
    assert.equal(round.id, 'Poland_Swiecie_2023');
    assert.equal(round.title, 'Municipal PB in Świecie');
    assert.equal(round.currency, 'PLN');
    assert.equal(round.budget, 107000000);
    assert.equal(round.opensAt, '2023-09-18');
    assert.equal(round.closesAt, '2023-09-25');
    assert.equal(round.status, 'closed');
    assert.deepEqual(round.rules, { kind: 'approval' });
  });

  test('Częstochowa is cumulative with 10 points to spread, and voters split them', () => {
    const election = fixture('Poland_Czestochowa_2024_Tysiaclecie.pb');
    const round = toRound(election, 'czestochowa');
    assert.deepEqual(round.rules, { kind: 'cumulative', maxSumPoints: 10 });
    assert.equal(round.budget, 631874_00);
    const ballots = toBallots(election, 'czestochowa');
    const index = election.votes.findIndex((v) => v.voterId === '36');
    assert.deepEqual(ballots[index], { roundId: 'czestochowa', kind: 'cumulative', selections: { '378': 5, '619': 5 } });
    const last = voteOf(election, '24035');
    assert.deepEqual(last?.vote, ['2', '4', '9', '13', '15', '117', '782', '783', '786']);
    assert.deepEqual(last?.points, [2, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert.equal(last?.fields.voting_method, 'internet');
  });

  test('Kraków is ordinal with exactly 3 ranked choices, most preferred first', () => {
    const election = fixture('Poland_Krakow_2020_Stare_Miasto.pb');
    assert.deepEqual(toRound(election).rules, { kind: 'ordinal', minLength: 3, maxLength: 3 });
    assert.deepEqual(voteOf(election, 'E1075838')?.vote, ['9', '28', '37']);
    assert.equal(project(election, '35')?.fields.name, '800 darmowych biletów dla seniorów do Kina "Paradox"');
    assert.equal(project(election, '35')?.fields.selected, '0');
  });

  test('Warszawa 2026 (LF, no final newline): a vote listing 924 twice counts it once, with a warning naming line 180', () => {
    const text = readFixture('Poland_Warszawa_2026_Wierzbno_Ksawerow.pb');
    assert.ok(!text.endsWith('\n') && !text.includes('\r'));
    const election = parsePabulib(text);
    const vote = voteOf(election, '232985');
    assert.deepEqual(vote?.vote, ['924', '865']);
    assert.equal(vote?.fields.vote, '924,924,865', 'the vote as written is kept');
    assert.deepEqual(
      election.warnings.map((w) => w.line),
      [180, 230],
    );
    assert.match(election.warnings[0]?.message ?? '', /232985.*924/);
    assert.deepEqual(voteOf(election, '239493')?.vote, ['1620', '1242', '119']);
  });

  test('Warszawa 2026: an empty category cell means no categories; rules keep max_length 5', () => {
    const election = fixture('Poland_Warszawa_2026_Wierzbno_Ksawerow.pb');
    const proposals = toProposals(election);
    assert.deepEqual(proposals.find((p) => p.id === '434')?.categories, []);
    assert.equal(project(election, '434')?.fields.category, '');
    assert.deepEqual(proposals.find((p) => p.id === '1620')?.categories, ['nature and greenery']);
    const round = toRound(election);
    assert.deepEqual(round.rules, { kind: 'approval', maxLength: 5 });
    assert.equal(round.opensAt, '2025-06-01');
    assert.deepEqual(round.categories?.includes('nature and greenery'), true);
    assert.equal(round.id, 'Poland_Warszawa_2026_Wierzbno_Ksawerow');
  });

  test('Assen: UUID-like voter ids, euros, min_length 2, and the description column becomes the summary', () => {
    const election = fixture('Netherlands_Assen_2024.pb');
    assert.equal(election.votes[0]?.voterId, 'vote01006bcf-62b6-435d-a0de-2966c3e75249');
    const round = toRound(election);
    assert.equal(round.currency, 'EUR');
    assert.deepEqual(round.rules, { kind: 'approval', minLength: 2 });
    assert.equal(round.description, '#1: Young people between the ages of 12 and 27 could vote');
    const nine = toProposals(election).find((p) => p.id === '9');
    assert.equal(nine?.summary, 'Begrip streeft ernaar een centraal platform te creëren voor');
    assert.equal(nine?.cost, 21000_00);
  });
});

describe('how an imported round is counted, from META rule', () => {
  const withRule = (name: string, meta: Record<string, string>) => {
    const election = fixture(name);
    return { ...election, meta: { ...election.meta, ...meta } };
  };

  test('the fixtures: equal shares (then greedy, to compare) for Assen and Świecie, greedy for the others, with Warszawa’s threshold', () => {
    const settings = Object.fromEntries(fixtureNames.map((name) => [name.replace(/\.pb$/, ''), toRound(fixture(name)).results]));
    assert.deepEqual(settings, {
      Netherlands_Assen_2024: { rules: ['equal-shares', 'greedy'] },
      Poland_Czestochowa_2024_Tysiaclecie: { rules: ['greedy'] },
      Poland_Krakow_2020_Stare_Miasto: { rules: ['greedy'] },
      Poland_Swiecie_2023: { rules: ['equal-shares', 'greedy'] },
      Poland_Warszawa_2026_Wierzbno_Ksawerow: { rules: ['greedy'], minVotes: 30 },
    });
  });

  test('every equal-shares variant gives equal shares; a rule the tally cannot compute, or none, leaves the default (greedy)', () => {
    for (const rule of ['equalshares', 'equalshares-comparison', 'equalshares/add1-comparison']) {
      assert.deepEqual(toRound(withRule('Poland_Swiecie_2023.pb', { rule })).results, { rules: ['equal-shares', 'greedy'] }, rule);
    }
    for (const rule of ['greedy-no-skip', 'unknown', '']) {
      assert.equal(toRound(withRule('Poland_Swiecie_2023.pb', { rule })).results, undefined, rule);
    }
    assert.deepEqual(toRound(withRule('Poland_Swiecie_2023.pb', { rule: 'greedy-threshold', min_project_score_threshold: '30.5' })).results, { rules: ['greedy'], minVotes: 31 });
  });

  test('a greedy-threshold rule without a threshold it can read is refused, naming the key', () => {
    assertPabulibError(() => toRound(withRule('Poland_Swiecie_2023.pb', { rule: 'greedy-threshold', min_project_score_threshold: '' })), 0, /min_project_score_threshold is missing/);
    assertPabulibError(() => toRound(withRule('Poland_Swiecie_2023.pb', { rule: 'greedy-threshold', min_project_score_threshold: 'thirty' })), 0, /"thirty" is not a number/);
  });

  test('export writes the round’s own rule, so the file is counted the same way again', () => {
    const election = fixture('Poland_Warszawa_2026_Wierzbno_Ksawerow.pb');
    const round = toRound(election);
    const written = fromElection(round, toProposals(election, round.id), toBallots(election, round.id));
    assert.equal(written.meta.rule, 'greedy-threshold');
    assert.equal(written.meta.min_project_score_threshold, '30');
    assert.equal(fromElection({ ...round, results: { rules: ['equal-shares', 'greedy'] } }, [], []).meta.rule, 'equalshares/add1');
    assert.equal(fromElection({ ...round, results: undefined }, [], []).meta.rule, undefined);
  });
});

describe('line endings and layout', () => {
  const lf = `${SMALL.join('\n')}\n`;

  test('CRLF, LF, lone CR, mixed endings and a missing final newline all read the same', () => {
    const expected = parsePabulib(lf);
    const mixed = SMALL.map((line, index) => line + (index % 3 === 0 ? '\n' : index % 3 === 1 ? '\r\n' : '\r')).join('');
    for (const text of [SMALL.join('\r\n'), `${SMALL.join('\r\n')}\r\n`, SMALL.join('\n'), SMALL.join('\r'), mixed]) {
      assert.deepEqual(parsePabulib(text), expected);
    }
  });

  test('a byte order mark and blank lines are ignored', () => {
    const text = `\ufeff${SMALL.slice(0, 8).join('\n')}\n\n${SMALL.slice(8).join('\n')}\n\n`;
    assert.deepEqual(parsePabulib(text), parsePabulib(lf));
  });

  test('line numbers in warnings count CRLF as one line break', () => {
    const text = [...SMALL.slice(0, -1), 'v2;p3,p3'].join('\r\n');
    assert.deepEqual(parsePabulib(text).warnings.map((w) => w.line), [SMALL.length]);
  });
});

describe('cells, quotes and text', () => {
  const withName = (name: string) => [...SMALL.slice(0, 10), `p1;20000;${name}`, ...SMALL.slice(11)].join('\n');

  test('a quoted cell may hold ";" and doubled quotes, and may start with """', () => {
    assert.equal(parsePabulib(withName('"Zielona obwodnica; ETAP II"')).projects[0]?.fields.name, 'Zielona obwodnica; ETAP II');
    assert.equal(parsePabulib(withName('"""Konikowo"" - Budowa placu zabaw"')).projects[0]?.fields.name, '"Konikowo" - Budowa placu zabaw');
    assert.equal(parsePabulib(withName('""')).projects[0]?.fields.name, '');
  });

  test('a quote inside an unquoted cell is an ordinary character', () => {
    assert.equal(parsePabulib(withName('Kino "Paradox" bilety')).projects[0]?.fields.name, 'Kino "Paradox" bilety');
  });

  test('a quoted cell may run over several lines, and later line numbers stay right', () => {
    const text = withName('"Line one\r\nline two\nline three"').replace('v2;p3', 'v2;p3,p3');
    const election = parsePabulib(text);
    assert.equal(election.projects[0]?.fields.name, 'Line one\r\nline two\nline three');
    assert.deepEqual(election.warnings.map((w) => w.line), [SMALL.length + 2]);
  });

  test('NBSP, zero-width and other odd characters, and spaces at either end, are kept exactly', () => {
    for (const name of ['\u00a0Plac\u202fzabaw\u00a0', '\u200bWodny plac', ' trailing and leading ', '\u2060\ufe0f🌳🚶🏾‍♂️']) {
      assert.equal(parsePabulib(withName(name)).projects[0]?.fields.name, name);
    }
  });

  test('every messy real project text reads back exactly after writing', () => {
    const election = parsePabulib(SMALL.join('\n'));
    election.projects = MESSY_TEXTS.map((text, index) => ({ id: `m${index}`, cost: 100, fields: { project_id: `m${index}`, cost: '1', name: text } }));
    election.votes = [];
    const again = parsePabulib(writePabulib(election));
    assert.deepEqual(again.projects.map((p) => p.fields.name), MESSY_TEXTS);
  });

  test('empty cells are kept as empty strings and extra vote columns are kept in order', () => {
    const text = [
      ...SMALL.slice(0, 14),
      'voter_id;age;vote;sex;voting_method;neighborhood',
      'v1;;p1,p2;F;internet;',
      'v2;51;p3;;paper;Brixton',
    ].join('\n');
    const election = parsePabulib(text);
    assert.deepEqual(election.voteColumns, ['voter_id', 'age', 'vote', 'sex', 'voting_method', 'neighborhood']);
    assert.deepEqual(election.votes[0]?.fields, { voter_id: 'v1', age: '', vote: 'p1,p2', sex: 'F', voting_method: 'internet', neighborhood: '' });
    assert.deepEqual(Object.keys(election.votes[1]?.fields ?? {}), election.voteColumns);
  });

  test('ids with slashes and dots are kept as written and can be voted for', () => {
    const text = SMALL.join('\n').replaceAll('p1', 'BO.D16.5/23').replaceAll('p2', '2024/OGM/0009').replaceAll('p3', 'L13/08/VII');
    const election = parsePabulib(text);
    assert.deepEqual(election.projects.map((p) => p.id), ['BO.D16.5/23', '2024/OGM/0009', 'L13/08/VII']);
    assert.deepEqual(toBallots(election, 'r')[0]?.selections, ['BO.D16.5/23', '2024/OGM/0009']);
  });

  test('the spec example style "key; value" with spaces around cells is accepted and the spaces dropped', () => {
    const text = [
      'META', 'key; value', 'description; Municipal PB in Wieliczka', 'budget; 2500', 'rule; greedy',
      'vote_type; approval', 'min_length; 1', 'max_length; 3', 'date_begin; 16.09.2023',
      'PROJECTS', 'project_id; cost; category', '1; 600; culture, education', '2; 800; sport',
      'VOTES', 'voter_id; age; sex; vote', '1; 34; f; 1,2', '2; 51; m; 2',
    ].join('\n');
    const election = parsePabulib(text);
    assert.equal(election.meta.description, 'Municipal PB in Wieliczka');
    assert.equal(election.projects[0]?.cost, 600_00);
    assert.deepEqual(toProposals(election)[0]?.categories, ['culture', 'education']);
    assert.deepEqual(election.votes[0]?.vote, ['1', '2']);
    assert.equal(election.votes[0]?.fields.sex, 'f');
    const round = toRound(election);
    assert.deepEqual(round.rules, { kind: 'approval', minLength: 1, maxLength: 3 });
    assert.equal(round.opensAt, '2023-09-16');
    assert.deepEqual(withoutWarnings(parsePabulib(writePabulib(election))), withoutWarnings(election));
  });

  test('a district or neighborhood column gives each proposal its area, and the round its list of areas', () => {
    const text = SMALL.join('\n')
      .replace('project_id;cost;name', 'project_id;cost;name;district')
      .replace('p1;20000;Benches', 'p1;20000;Benches;Brixton')
      .replace('p2;30000;Books', 'p2;30000;Books;')
      .replace('p3;15000;Kit', 'p3;15000;Kit;Clapham');
    const election = parsePabulib(text);
    assert.deepEqual(toProposals(election).map((p) => p.area), ['Brixton', null, 'Clapham']);
    assert.deepEqual(toRound(election).areas, ['Brixton', 'Clapham']);
  });
});

describe('money', () => {
  const withMeta = (budget: string, currency: string | null, cost: string) =>
    SMALL.map((line) => (line === 'budget;50000' ? `budget;${budget}` : line))
      .filter((line) => currency !== null || line !== 'currency;GBP')
      .map((line) => (line === 'currency;GBP' ? `currency;${currency}` : line))
      .map((line) => (line === 'p1;20000;Benches' ? `p1;${cost};Benches` : line))
      .join('\n');

  test('float-formatted amounts become exact minor units: 4000.0 EUR, budget 400000.0', () => {
    const election = parsePabulib(withMeta('400000.0', 'EUR', '4000.0'));
    assert.equal(election.projects[0]?.cost, 400000);
    assert.equal(election.budget, 40000000);
    assert.equal(election.projects[0]?.fields.cost, '4000.0');
    assert.ok(writePabulib(election).includes('\np1;4000.0;Benches\n'), 'the amount is written as it was read');
  });

  test('969245.38 PLN is 96924538 grosze, which floating point would get wrong', () => {
    const text = withMeta('1000000', 'PLN', '20000').replace('vote_type;approval', 'vote_type;approval\nmax_sum_cost;969245.38');
    assert.deepEqual(toRound(parsePabulib(text)).rules, { kind: 'approval', maxSumCost: 96924538 });
    assert.equal(parseMinorUnits('0.29', 2), 29);
    assert.equal(parseMinorUnits('1.005', 3), 1005);
  });

  test('216000000 HUF is 21600000000 fillér (ISO 4217 gives forints 2 decimals)', () => {
    const election = parsePabulib(withMeta('216000000', 'HUF', '20000'));
    assert.equal(election.currencyDigits, 2);
    assert.equal(election.budget, 21600000000);
  });

  test('a currency without minor units reads whole amounts and refuses decimals', () => {
    assert.equal(parsePabulib(withMeta('50000', 'JPY', '1500')).projects[0]?.cost, 1500);
    assertPabulibError(() => parsePabulib(withMeta('50000', 'JPY', '1500.5')), 11, /p1: cost "1500\.5" has 1 decimals but the currency has 0/);
  });

  test('missing currency means 2 decimals; an unknown one too, with a warning', () => {
    const missing = parsePabulib(withMeta('50000', null, '20000'));
    assert.equal(missing.currencyDigits, 2);
    assert.deepEqual(missing.warnings, []);
    assert.equal(toRound(missing).currency, 'XXX');
    const unknown = parsePabulib(withMeta('50000', 'polish zloty', '20000'));
    assert.equal(unknown.budget, 5000000);
    assert.deepEqual(unknown.warnings.map((w) => w.line), [8]);
    assert.match(unknown.warnings[0]?.message ?? '', /"polish zloty" is not an ISO 4217 code/);
  });

  test('amounts are written with the fewest decimals that keep them exact', () => {
    assert.equal(formatMinorUnits(96924538, 2), '969245.38');
    assert.equal(formatMinorUnits(400000, 2), '4000');
    assert.equal(formatMinorUnits(400050, 2), '4000.5');
    assert.equal(formatMinorUnits(7, 2), '0.07');
    assert.equal(formatMinorUnits(1500, 0), '1500');
  });
});

describe('duplicate project ids inside one vote', () => {
  /** SMALL with another vote type (cumulative adds max_sum_points after line 8) and these VOTES rows. */
  const votes = (voteType: string, header: string, rows: string[]) => {
    const head = SMALL.slice(0, 13).map((line) => (line === 'vote_type;approval' ? `vote_type;${voteType}` : line));
    if (voteType === 'cumulative') head.splice(8, 0, 'max_sum_points;10');
    return [...head, 'VOTES', header, ...rows].join('\n');
  };

  test('approval keeps the first occurrence and warns with the line', () => {
    const election = parsePabulib(votes('approval', 'voter_id;vote', ['v1;p2,p1,p2,p2', 'v2;p3']));
    assert.deepEqual(election.votes[0]?.vote, ['p2', 'p1']);
    assert.deepEqual(election.warnings, [{ line: 16, message: 'voter v1 lists project p2 more than once; only the first is kept' }]);
  });

  test('cumulative adds the points of a repeated project together', () => {
    const election = parsePabulib(votes('cumulative', 'voter_id;vote;points', ['v1;p1,p2,p1;3,2,5', 'v2;p3;10']));
    assert.deepEqual(election.votes[0]?.vote, ['p1', 'p2']);
    assert.deepEqual(election.votes[0]?.points, [8, 2]);
    assert.deepEqual(toBallots(election, 'r')[0]?.selections, { p1: 8, p2: 2 });
    assert.deepEqual(election.warnings, [{ line: 17, message: 'voter v1 lists project p1 more than once; their points were added together' }]);
  });

  test('ordinal keeps the first (highest) rank of a repeated project', () => {
    const election = parsePabulib(votes('ordinal', 'voter_id;vote', ['v1;p3,p1,p3,p2']));
    assert.deepEqual(toBallots(election, 'r')[0]?.selections, ['p3', 'p1', 'p2']);
  });

  test('choose-1 gives one id; repeating it is not a second choice', () => {
    const election = parsePabulib(votes('choose-1', 'voter_id;vote', ['v1;p2,p2', 'v2;p1']));
    assert.deepEqual(toBallots(election, 'r').map((b) => b.selections), [['p2'], ['p1']]);
    assert.equal(toRound(election).rules.kind, 'choose-1');
  });
});

describe('broken files get an error naming the line and the problem', () => {
  const cases: Array<[file: string, line: number, problem: RegExp]> = [
    ['empty.pb', 1, /file is empty/],
    ['binary.pb', 3, /binary file/],
    ['html-error-page.pb', 1, /HTML/],
    ['missing-projects-section.pb', 12, /found VOTES where the PROJECTS section should start/],
    ['missing-votes-section.pb', 16, /ends here without a VOTES section/],
    ['sections-out-of-order.pb', 12, /order META, PROJECTS, VOTES/],
    ['unknown-vote-type.pb', 10, /unknown vote_type "plurality"/],
    ['scoring-vote-type.pb', 10, /vote_type "scoring" is not supported/],
    ['non-numeric-cost.pb', 15, /project p2: cost "30 000 GBP" is not an amount/],
    ['non-numeric-budget.pb', 9, /META budget "fifty thousand" is not an amount/],
    ['cost-too-many-decimals.pb', 16, /project p3: cost "15000\.005" has 3 decimals but the currency has 2/],
    ['vote-for-unknown-project.pb', 20, /voter v2 votes for project "p9", which is not in PROJECTS/],
    ['cumulative-points-length.pb', 22, /voter v3: vote lists 2 project\(s\) but points lists 1/],
    ['cumulative-without-max-sum-points.pb', 10, /needs META max_sum_points/],
    ['wrong-cell-count.pb', 16, /has 4 cells but the header on line 13 has 3 columns/],
    ['unterminated-quote.pb', 15, /closing quote \(\"\) is missing/],
    ['text-after-closing-quote.pb', 14, /unexpected text after a closing quote: " on the green"/],
    ['duplicate-project-id.pb', 16, /project_id "p1" appears again \(first on line 14\)/],
    ['duplicate-voter-id.pb', 21, /voter_id "v1" appears again \(first on line 19\)/],
    ['meta-line-without-semicolon.pb', 10, /META line "rule: greedy" has no ";"/],
    ['choose-one-with-two-projects.pb', 19, /choose-1 vote names 2 projects/],
  ];

  test('every broken fixture file has a case here', () => {
    assert.deepEqual(readdirSync(BROKEN).sort(), cases.map(([file]) => file).sort());
  });

  for (const [file, line, problem] of cases) {
    test(`${file}: line ${line}`, () => {
      assertPabulibError(() => parsePabulib(readFileSync(new URL(file, BROKEN), 'utf8')), line, problem);
    });
  }

  test('a quote left open swallowing later lines is blamed on the line where it opened', () => {
    const text = [...SMALL.slice(0, 11), 'p2;30000;"Books', 'p3;15000;"Kit"', ...SMALL.slice(13)].join('\n');
    assertPabulibError(() => parsePabulib(text), 12, /runs on to line 13.*closing quote missing/);
  });

  test('duplicate sections, missing headers and duplicate META keys are named', () => {
    assertPabulibError(() => parsePabulib([...SMALL, 'VOTES', 'voter_id;vote'].join('\n')), 18, /second VOTES section \(the first is on line 14\)/);
    assertPabulibError(() => parsePabulib(SMALL.slice(0, 14).join('\n')), 14, /VOTES section has no header/);
    assertPabulibError(() => parsePabulib([...SMALL.slice(0, 3), 'description;Again', ...SMALL.slice(3)].join('\n')), 4, /META key "description" appears again/);
    assertPabulibError(() => parsePabulib(SMALL.join('\n').replace('key;value', 'name;value')), 2, /META header must be "key;value"/);
    assertPabulibError(() => parsePabulib(SMALL.join('\n').replace('project_id;cost;name', 'id;cost;name')), 10, /no "project_id" column/);
    assertPabulibError(() => parsePabulib(SMALL.join('\n').replace('num_votes;2', 'num_votes;two')), 5, /num_votes "two" is not a whole number/);
    assertPabulibError(() => parsePabulib(SMALL.join('\n').replace('vote_type;approval\n', '')), 1, /META has no vote_type/);
  });

  test('counts that differ from META, and impossible dates, are warnings, not errors', () => {
    const text = SMALL.join('\n').replace('num_votes;2', 'num_votes;3').replace('currency;GBP', 'currency;GBP\ndate_begin;31.02.2025');
    const election = parsePabulib(text);
    assert.deepEqual(election.warnings.map((w) => w.line), [5, 9]);
    assert.match(election.warnings[0]?.message ?? '', /num_votes says 3 but the file has 2 votes/);
    assert.equal(toRound(election).opensAt, null);
  });
});

describe('writing', () => {
  test('quotes only cells that need them, with LF endings and a final newline', () => {
    const election = parsePabulib(SMALL.join('\r\n'));
    const [first] = election.projects;
    assert.ok(first);
    first.fields.name = 'Benches; "new" ones';
    const text = writePabulib(election);
    assert.ok(text.endsWith('\n') && !text.includes('\r'));
    assert.ok(text.includes('\np1;20000;"Benches; ""new"" ones"\n'));
    assert.ok(text.includes('\np2;30000;Books\n'));
    assert.equal(text.split('\n')[0], 'META');
  });

  test('a changed cost, id or vote is written from the typed value', () => {
    const election = parsePabulib(SMALL.join('\n'));
    const [first] = election.projects;
    const [vote] = election.votes;
    assert.ok(first && vote);
    first.cost = 12345;
    election.budget = 9999999;
    vote.vote = ['p3'];
    const again = parsePabulib(writePabulib(election));
    assert.equal(again.projects[0]?.cost, 12345);
    assert.equal(again.projects[0]?.fields.cost, '123.45');
    assert.equal(again.budget, 9999999);
    assert.deepEqual(again.votes[0]?.vote, ['p3']);
  });

  test('refuses what would not read back the same, naming the culprit', () => {
    const election = () => parsePabulib(SMALL.join('\n'));
    const broken: Array<[(e: PabulibElection) => void, RegExp]> = [
      [(e) => { e.currencyDigits = 0; }, /currencyDigits is 0 but META currency "GBP" means 2/],
      [(e) => { (e.votes[0] as PabulibVote).vote = ['p1', 'nope']; }, /voter v1 votes for project "nope"/],
      [(e) => { (e.projects[1] as PabulibProject).id = 'p1'; }, /project_id "p1" appears twice/],
      [(e) => { (e.projects[0] as PabulibProject).fields.extra = 'x'; }, /project p1 has a field "extra" that is not in projectColumns/],
      [(e) => { e.voteColumns = ['voter_id']; }, /voteColumns has no "vote"/],
      [(e) => { (e.votes[0] as PabulibVote).points = [1, 2]; }, /voter v1 has points but vote_type is approval/],
      [(e) => { (e.projects[0] as PabulibProject).id = ' p1'; }, /ids may not .* start or end with spaces/],
    ];
    for (const [breakIt, problem] of broken) {
      const e = election();
      breakIt(e);
      assertPabulibError(() => writePabulib(e), 0, problem);
    }
  });
});

describe('hostile text survives a round trip', () => {
  const HOSTILE = [
    '', ' ', 'plain', 'a;b', ';', '"', '""', '"""Konikowo"" - plac"', 'say "hi"', ' leading', 'trailing ', '\tTab\t',
    '\u00a0nbsp\u00a0', '\u202fnnbsp', '\u200bzwsp', 'emoji 🌳🚶🏾‍♂️ ZWJ', 'line\nbreak', 'crlf\r\nbreak', 'lone\rcr',
    'META', 'PROJECTS', 'VOTES', 'key;value', '1,2,3', '&amp; &quot;', '<script>alert(1)</script>', 'NFD ść', ...MESSY_TEXTS,
  ];
  const IDS = ['1', 'c12', 'BO.D16.5/23', 'L13/08/VII', 'a;b', 'q"uote', '"start', 'ünï', '🌳', '__proto__', 'x\u00a0', 'META'];

  /** A small deterministic generator, so a failure can be reproduced from its seed. */

  function generate(seed: number): PabulibElection {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const voteType = pick(['approval', 'cumulative', 'ordinal', 'choose-1'] as const);
    const digits = pick([0, 2, 3]);
    const currency = digits === 0 ? 'JPY' : digits === 3 ? 'KWD' : 'GBP';
    const meta: Record<string, string> = { description: pick(HOSTILE), vote_type: voteType, currency, budget: '' };
    if (voteType === 'cumulative') meta.max_sum_points = '10';
    meta.comment = pick(HOSTILE);
    meta['odd;key "x"'] = pick(HOSTILE);
    const ids = IDS.filter(() => next() < 0.7);
    if (ids.length === 0) ids.push('only');
    const projectColumns = ['project_id', 'cost', 'name', 'odd ;"column"'];
    const projects = ids.map((id) => {
      const cost = Math.floor(next() * 1e9);
      return { id, cost, fields: { project_id: id, cost: formatMinorUnits(cost, digits), name: pick(HOSTILE), 'odd ;"column"': pick(HOSTILE) } };
    });
    const voteColumns = voteType === 'cumulative' ? ['voter_id', 'vote', 'points', '__proto__'] : ['voter_id', '__proto__', 'vote'];
    const votes = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, index): PabulibVote => {
      const vote = ids.filter(() => next() < 0.4).slice(0, voteType === 'choose-1' ? 1 : undefined);
      const voterId = `${pick(IDS)}-${index}`;
      const fields: Record<string, string> = Object.fromEntries([
        ['voter_id', voterId],
        ['vote', vote.join(',')],
        ['__proto__', pick(HOSTILE)],
      ]);
      if (voteType !== 'cumulative') return { voterId, vote, fields };
      const points = vote.map(() => Math.floor(next() * 5));
      fields.points = points.join(',');
      return { voterId, vote, points, fields: Object.fromEntries(voteColumns.map((column) => [column, fields[column] ?? ''])) };
    });
    const budget = Math.floor(next() * 1e12);
    meta.budget = formatMinorUnits(budget, digits);
    return { meta, projectColumns, projects, voteColumns, votes, currencyDigits: digits, budget, warnings: [] };
  }

  test('200 generated elections with quotes, semicolons, NBSP, emoji, line breaks and a leading """ read back identical', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const election = generate(seed);
      const text = writePabulib(election);
      assert.deepEqual(parsePabulib(text), election, `seed ${seed}`);
      assert.deepEqual(parsePabulib(writePabulib(parsePabulib(text))), election, `seed ${seed}, written twice`);
    }
  });
});

describe('exporting a round', () => {
  const round: Round = {
    id: 'lambeth-2025',
    title: 'Lambeth Neighbourhood Fund 2025',
    description: 'Residents choose.\nTwo paragraphs; with "quotes".',
    budget: 5000000,
    currency: 'GBP',
    opensAt: '2025-03-01T09:00:00Z',
    closesAt: '2025-03-31',
    status: 'open',
    rules: { kind: 'approval', maxLength: 2, maxSumCost: 4000000 },
  };
  const proposals = [
    { id: 'a', title: 'Benches', summary: '', cost: 150050, categories: ['parks'], status: 'proposed' as const },
    { id: 'b/2', title: 'Books; more', summary: 'For the library', cost: 2000000, categories: [], status: 'proposed' as const },
  ];

  test('a round, its proposals and its ballots become a .pb file pabulib tools can read', () => {
    const ballots = [
      { roundId: round.id, kind: 'approval' as const, selections: ['a', 'b/2'], voterToken: 'secret-token' },
      { roundId: round.id, kind: 'approval' as const, selections: ['b/2'] },
    ];
    const text = writePabulib(fromElection(round, proposals, ballots));
    assert.ok(!text.includes('secret-token'), 'voter tokens are never exported');
    assert.ok(text.includes('\nbudget;50000\n'));
    assert.ok(text.includes('\nmax_sum_cost;40000\n'));
    assert.ok(text.includes('\ndate_begin;01.03.2025\n'));
    assert.ok(text.includes('\na;1500.5;Benches;parks;\n'));
    const election = parsePabulib(text);
    assert.equal(election.meta.num_votes, '2');
    const back = toRound(election, round.id);
    assert.deepEqual(back.rules, round.rules);
    assert.equal(back.title, round.title);
    assert.equal(back.description, round.description);
    assert.equal(back.opensAt, '2025-03-01');
    assert.deepEqual(toBallots(election, round.id).map((b) => b.selections), [['a', 'b/2'], ['b/2']]);
    assert.deepEqual(toProposals(election).map((p) => [p.id, p.title, p.cost, p.summary]), [
      ['a', 'Benches', 150050, ''],
      ['b/2', 'Books; more', 2000000, 'For the library'],
    ]);
  });

  test('what pabulib cannot hold is refused with a reason', () => {
    assertPabulibError(() => fromElection({ ...round, rules: { kind: 'yes-no', allowAbstain: true } }, proposals, []), 0, /yes-no/);
    assertPabulibError(() => fromElection(round, [{ ...proposals[0]!, categories: ['parks, gardens'] }], []), 0, /category "parks, gardens"/);
    assertPabulibError(() => fromElection(round, proposals, [{ roundId: 'other', kind: 'approval', selections: ['a'] }]), 0, /belongs to round other/);
    assertPabulibError(() => fromElection(round, proposals, [{ roundId: round.id, kind: 'ordinal', selections: ['a'] }]), 0, /is ordinal but round lambeth-2025 is approval/);
    assertPabulibError(() => fromElection(round, [{ ...proposals[0]!, cost: 10.5 }], []), 0, /proposal a cost 10\.5 is not a whole/);
  });

  test('a cumulative round keeps its points limits through export', () => {
    const cumulative: Round = { ...round, rules: { kind: 'cumulative', minLength: 1, maxPoints: 5, minSumPoints: 2, maxSumPoints: 10 } };
    const ballots = [{ roundId: round.id, kind: 'cumulative' as const, selections: { a: 4, 'b/2': 6 } }];
    const election = parsePabulib(writePabulib(fromElection(cumulative, proposals, ballots)));
    assert.deepEqual(toRound(election, round.id).rules, cumulative.rules);
    assert.deepEqual(toBallots(election, round.id)[0]?.selections, { a: 4, 'b/2': 6 });
  });
});
