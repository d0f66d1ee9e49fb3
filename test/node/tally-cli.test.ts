import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/pabulib/', import.meta.url));

function runTally(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli/tally.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What the file itself says, read with a few lines of code independent of src/client/pabulib. */
interface FileFacts {
  meta: Record<string, string>;
  projects: Array<Record<string, string>>;
}

function readFacts(name: string): FileFacts {
  const facts: FileFacts = { meta: {}, projects: [] };
  let section = '';
  let header: string[] = [];
  for (const line of readFileSync(join(fixtures, name), 'utf8').split(/\r?\n/)) {
    if (line === 'META' || line === 'PROJECTS' || line === 'VOTES') {
      section = line;
      header = [];
    } else if (line === '' || section === 'VOTES') continue;
    else if (header.length === 0) header = line.split(';');
    else {
      // Project names in these fixtures hold no quoted semicolons.
      const cells = line.split(';');
      if (section === 'META') facts.meta[cells[0] as string] = cells[1] as string;
      else facts.projects.push(Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
    }
  }
  return facts;
}

/** The command fails with exit code 1 and one line on stderr matching `message`, printing nothing else. */
function assertOneLineError(args: string[], message: RegExp): void {
  const { status, stdout, stderr } = runTally(...args);
  assert.equal(status, 1, args.join(' '));
  assert.equal(stdout, '', args.join(' '));
  assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.match(stderr, message);
}

/** Major units written the way the CLI promises: `1,070,000 PLN`. */
function amount(major: number, currency: string): string {
  return `${major.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`;
}

/** The winner lines: everything between the heading and the closing count. */
function winnerLines(stdout: string): string[] {
  return stdout.trimEnd().split('\n').slice(1, -1);
}

const withSelected = [
  'Netherlands_Assen_2024.pb',
  'Poland_Swiecie_2023.pb',
  'Poland_Czestochowa_2024_Tysiaclecie.pb',
  'Poland_Krakow_2020_Stare_Miasto.pb',
  'Poland_Warszawa_2026_Wierzbno_Ksawerow.pb',
];

describe('npm run tally -- FILE.pb', () => {
  for (const name of withSelected) {
    test(`${name}: lists the projects the city funded and closes with their count and cost`, () => {
      const facts = readFacts(name);
      const funded = facts.projects.filter((project) => project.selected === '1');
      const spent = funded.reduce((sum, project) => sum + Number(project.cost), 0);
      const currency = facts.meta.currency as string;
      const { status, stdout, stderr } = runTally(join(fixtures, name));
      assert.equal(status, 0, stderr);
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.at(-1), `${funded.length} winners, ${amount(spent, currency)} of ${amount(Number(facts.meta.budget), currency)}`);
      const listed = winnerLines(stdout).map((line) => line.trim().split(/\s+/)[1]);
      assert.deepEqual([...listed].sort(), funded.map((project) => project.project_id).sort());
      for (const line of winnerLines(stdout)) {
        const id = line.trim().split(/\s+/)[1];
        const project = funded.find((candidate) => candidate.project_id === id);
        assert.ok(line.includes(amount(Number(project?.cost), currency)), `cost of ${id} on "${line}"`);
        if (project?.name !== undefined) assert.ok(line.endsWith(project.name.trimEnd()), `title of ${id} on "${line}"`);
      }
    });
  }

  test('greedy lists its winners in the order it funded them: most votes first', () => {
    const { stdout } = runTally(join(fixtures, 'Poland_Czestochowa_2024_Tysiaclecie.pb'));
    const points = winnerLines(stdout).map((line) => Number(/([\d,]+) points/.exec(line)?.[1]?.replaceAll(',', '')));
    assert.ok(points.length > 1);
    assert.deepEqual(points, [...points].sort((a, b) => b - a));
  });

  test('--json prints rule, budget, spent and winners with money in minor units', () => {
    const facts = readFacts('Poland_Swiecie_2023.pb');
    const funded = facts.projects.filter((project) => project.selected === '1');
    const { status, stdout } = runTally(join(fixtures, 'Poland_Swiecie_2023.pb'), '--json');
    assert.equal(status, 0);
    const result = JSON.parse(stdout) as { rule: string; budget: number; spent: number; winners: Array<{ id: string; title: string; cost: number; votes: number }> };
    assert.deepEqual(Object.keys(result), ['rule', 'budget', 'spent', 'winners']);
    assert.equal(result.rule, 'equal-shares');
    assert.equal(result.budget, Number(facts.meta.budget) * 100);
    assert.deepEqual(result.winners.map((winner) => winner.id).sort(), funded.map((project) => project.project_id).sort());
    for (const winner of result.winners) {
      const project = funded.find((candidate) => candidate.project_id === winner.id);
      assert.deepEqual(winner, { id: project?.project_id, title: project?.name, cost: Number(project?.cost) * 100, votes: Number(project?.votes) });
    }
    assert.equal(result.spent, result.winners.reduce((sum, winner) => sum + winner.cost, 0));
  });

  test('--rule greedy on an equal-shares file funds the most-voted projects that fit instead', () => {
    const facts = readFacts('Netherlands_Assen_2024.pb');
    const byVotes = [...facts.projects].sort((a, b) => Number(b.votes) - Number(a.votes) || Number(a.cost) - Number(b.cost));
    let left = Number(facts.meta.budget);
    const expected: string[] = [];
    for (const project of byVotes) {
      if (Number(project.cost) > left) continue;
      expected.push(project.project_id as string);
      left -= Number(project.cost);
    }
    const { status, stdout } = runTally(join(fixtures, 'Netherlands_Assen_2024.pb'), '--rule', 'greedy', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(stdout) as { rule: string; winners: Array<{ id: string }> };
    assert.equal(result.rule, 'greedy');
    assert.deepEqual(result.winners.map((winner) => winner.id), expected);
  });

  test('equal shares on a ranked-ballot file is a one-line error, not a guess', () => {
    const { status, stdout, stderr } = runTally(join(fixtures, 'Poland_Krakow_2020_Stare_Miasto.pb'), '--rule', 'equal-shares');
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.equal(stderr.trimEnd().split('\n').length, 1);
    assert.match(stderr, /^tally: .*Poland_Krakow_2020_Stare_Miasto\.pb: .*ordinal/);
  });

  test('a META rule it cannot compute, a broken file or a missing one is a one-line error with exit code 1', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tally-cli-'));
    try {
      const krakow = readFileSync(join(fixtures, 'Poland_Krakow_2020_Stare_Miasto.pb'), 'utf8');
      const noSkip = join(folder, 'no-skip.pb');
      writeFileSync(noSkip, krakow.replace('rule;greedy', 'rule;greedy-no-skip'));
      const broken = join(folder, 'broken.pb');
      writeFileSync(broken, krakow.slice(0, krakow.indexOf('VOTES')));
      const cases: Array<[string[], RegExp]> = [
        [[noSkip], /greedy-no-skip/],
        [[broken], /broken\.pb: /],
        [[join(folder, 'missing.pb')], /cannot read .*missing\.pb: no such file/],
        [[noSkip, '--rule', 'borda'], /--rule must be greedy or equal-shares/],
        [['--verbose', noSkip], /unknown option --verbose/],
      ];
      for (const [args, message] of cases) assertOneLineError(args, message);
      // Asking for a rule explicitly runs it even when the file's own rule cannot be computed.
      assert.equal(runTally(noSkip, '--rule', 'greedy').status, 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm run tally -- FILE.pb --add1 OPTIONS', () => {
  // £30, four voters: A (£25) is liked by three, C (£10) by two (see test/node/tally-add1.test.ts).
  const twoStops = [
    'META', 'key;value', 'description;Two stops', 'country;United Kingdom', 'unit;Test', 'instance;2024', 'num_projects;2',
    'num_votes;4', 'budget;30', 'vote_type;approval', 'rule;equalshares/add1', 'currency;GBP',
    'PROJECTS', 'project_id;cost;votes;name;selected', 'A;25;3;Skatepark;1', 'C;10;2;Benches;0',
    'VOTES', 'voter_id;vote', 'v1;A,C', 'v2;C', 'v3;A', 'v4;A', '',
  ].join('\n');

  function withFile(use: (file: string) => void): void {
    const folder = mkdtempSync(join(tmpdir(), 'tally-cli-'));
    try {
      const file = join(folder, 'two-stops.pb');
      writeFileSync(file, twoStops);
      use(file);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  test('without --add1 it raises shares until the next step would overspend; --add1 exhaustive stops at the first exhaustive outcome', () => {
    withFile((file) => {
      const cases: Array<[string[], string, string]> = [
        [[], 'equal-shares with Add1 (META rule equalshares/add1)', 'A'],
        [['--add1', 'exhaustive'], 'equal-shares with Add1, exhaustive (META rule equalshares/add1)', 'C'],
        [['--add1=integral,exhaustive'], 'equal-shares with Add1, exhaustive and integral (META rule equalshares/add1)', 'C'],
      ];
      for (const [args, heading, winner] of cases) {
        const { status, stdout, stderr } = runTally(file, ...args);
        assert.equal(status, 0, stderr);
        assert.equal(stdout.split('\n')[0], `${heading}: 4 ballots, budget 30 GBP`);
        assert.deepEqual(winnerLines(stdout).map((line) => line.trim().split(/\s+/)[1]), [winner], args.join(' '));
      }
    });
    assert.match(runTally('--help').stdout, /--add1 {3}Add1's options, comma separated, named as in the equalshares\.net compute tool/);
  });

  test('an unknown option, a missing value, or --add1 on a rule without Add1 is a one-line error with exit code 1', () => {
    withFile((file) => {
      const cases: Array<[string[], RegExp]> = [
        [[file, '--add1', 'exhaustive,whole'], /--add1 takes exhaustive, integral or both, comma separated; got "whole"/],
        [[file, '--add1'], /--add1 needs a value/],
        [[join(fixtures, 'Poland_Czestochowa_2024_Tysiaclecie.pb'), '--add1', 'integral'], /--add1 applies to equal-shares with Add1, but the rule here is greedy/],
      ];
      for (const [args, message] of cases) assertOneLineError(args, message);
    });
  });
});
