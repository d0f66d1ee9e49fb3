/**
 * Computes the winners of a pabulib round, so that anyone can check a city's decision:
 *
 *   npm run tally -- FILE.pb [--rule greedy|equal-shares] [--add1 exhaustive,integral] [--json]
 *
 * Without --rule it runs the file's META rule. --add1 sets Add1's options as the equalshares.net
 * compute tool names them; without it, Add1 reproduces the published outcomes (docs/tally.md). Prints the winners in the order the rule selected
 * them, with cost and votes, and a last line `N winners, COST of BUDGET`; --json prints
 * `{rule, budget, spent, winners: [{id, title, cost, votes}]}` with money in minor units.
 * Exit code 1 with a one-line message on stderr for a bad file, a bad option or a rule the
 * file's ballots cannot support.
 */
import { readFileSync } from 'node:fs';
import { formatMinorUnits } from '../../src/domain/money.js';
import { PabulibError, parsePabulib, toBallots, toProposals, type PabulibElection } from '../../src/domain/pabulib/index.js';
import { ADD1_OPTIONS, TallyError, ruleFromPabulib, tally, type Add1Option, type TallyOptions, type TallyOutcome } from '../../src/domain/tally/index.js';
import type { TallyRule } from '../../src/domain/types.js';
import { textIn } from '../../src/domain/localized-text.js';

const USAGE = [
  'usage: npm run tally -- FILE.pb [--rule greedy|equal-shares] [--add1 exhaustive,integral] [--json]',
  '  --rule   the rule to compute; without it, the file\'s META rule',
  '  --add1   Add1\'s options, comma separated, named as in the equalshares.net compute tool:',
  '           exhaustive  stop at the first outcome to which no unfunded project can be added',
  '           integral    start from whole currency units per voter, not the exact equal share',
  '           without it: start from the exact equal share and raise it until the next step would',
  '           overspend, which reproduces the published outcomes',
  '  --json   {rule, budget, spent, winners: [{id, title, cost, votes}]}, money in minor units (cents, grosze)',
].join('\n');

/** What the command line asked for. */
interface Request {
  file: string;
  rule?: TallyRule;
  add1Options?: Add1Option[];
  json: boolean;
}

/** A problem to report on one line of stderr, then exit 1. */
class UserError extends Error {}

function readArguments(args: readonly string[]): Request | 'help' {
  let file: string | undefined;
  let rule: string | undefined;
  let add1: string | undefined;
  let json = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--rule' || arg.startsWith('--rule=')) {
      rule = arg === '--rule' ? args[(index += 1)] : arg.slice('--rule='.length);
      if (rule === undefined || rule === '') throw new UserError('--rule needs a value: greedy or equal-shares');
    } else if (arg === '--add1' || arg.startsWith('--add1=')) {
      add1 = arg === '--add1' ? args[(index += 1)] : arg.slice('--add1='.length);
      if (add1 === undefined || add1 === '') throw new UserError(`--add1 needs a value: ${ADD1_OPTIONS.join(', ')} or both, comma separated`);
    }
    else if (arg.startsWith('-')) throw new UserError(`unknown option ${arg}; ${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new UserError(`one file at a time, got ${file} and ${arg}; ${USAGE}`);
  }
  if (file === undefined) throw new UserError(`no file given; ${USAGE}`);
  if (rule !== undefined && rule !== 'greedy' && rule !== 'equal-shares') {
    throw new UserError(`--rule must be greedy or equal-shares, got ${rule}`);
  }
  return { file, json, ...(rule === undefined ? {} : { rule }), ...(add1 === undefined ? {} : { add1Options: readAdd1Options(add1) }) };
}

function readAdd1Options(text: string): Add1Option[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !ADD1_OPTIONS.includes(name as Add1Option));
  if (unknown.length > 0) throw new UserError(`--add1 takes ${ADD1_OPTIONS.join(', ')} or both, comma separated; got ${JSON.stringify(unknown.join(','))}`);
  return ADD1_OPTIONS.filter((option) => names.includes(option));
}

/** Applies --add1, which only means something to equal shares with Add1. */
function withAdd1Options(options: TallyOptions, add1Options: Add1Option[] | undefined): TallyOptions {
  if (add1Options === undefined) return options;
  const completion = options.completion ?? 'add1';
  if (options.rule !== 'equal-shares' || (completion !== 'add1' && completion !== 'add1-comparison')) {
    throw new UserError(`--add1 applies to equal-shares with Add1, but the rule here is ${describeRule(options, undefined)}`);
  }
  return { ...options, add1Options };
}

/**
 * The file's META rule, or the one asked for. Asking for the rule the file uses keeps the file's
 * variant (its Add1 and comparison step, its vote threshold); asking for another starts from
 * that rule's defaults (equal shares with Add1).
 */
function chooseOptions(election: PabulibElection, asked: TallyRule | undefined): TallyOptions {
  const add1Unit = 10 ** election.currencyDigits;
  if (asked === undefined) return { ...ruleFromPabulib(election.meta.rule, election.meta), add1Unit };
  try {
    const fromFile = ruleFromPabulib(election.meta.rule, election.meta);
    if (fromFile.rule === asked) return { ...fromFile, add1Unit };
  } catch (error) {
    if (!(error instanceof TallyError)) throw error;
  }
  return { rule: asked, add1Unit };
}

function describeRule(options: TallyOptions, metaRule: string | undefined): string {
  const name =
    options.rule === 'greedy'
      ? options.minVotes !== undefined && options.minVotes > 0
        ? `greedy, at least ${options.minVotes} votes to be funded`
        : 'greedy'
      : { none: 'equal-shares', add1: 'equal-shares with Add1', 'add1-comparison': 'equal-shares with Add1 and the comparison step', 'none-comparison': 'equal-shares with the comparison step' }[
          options.completion ?? 'add1'
        ] + (options.add1Options !== undefined && options.add1Options.length > 0 ? `, ${options.add1Options.join(' and ')}` : '');
  return metaRule === undefined || metaRule.trim() === '' ? name : `${name} (META rule ${metaRule.trim()})`;
}

/** Minor units as major units of the file's currency, from the digits (no floating point): 107000000 → `1,070,000 PLN`, 96924538 → `969,245.38 PLN`. */
function money(amount: number, election: PabulibElection): string {
  const digits = election.currencyDigits;
  const text = String(amount).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = text.slice(text.length - digits);
  const currency = election.meta.currency?.trim().toUpperCase();
  return `${/[1-9]/.test(decimals) ? `${whole}.${decimals}` : whole}${currency ? ` ${currency}` : ''}`;
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}

function printText(outcome: TallyOutcome, election: PabulibElection, options: TallyOptions, titles: Map<string, string>): void {
  const unit = election.meta.vote_type === 'approval' || election.meta.vote_type === 'choose-1' ? 'votes' : 'points';
  console.log(`${describeRule(options, election.meta.rule)}: ${count(election.votes.length)} ballots, budget ${money(outcome.budget, election)}`);
  const rows = outcome.winners.map((winner, index) => [`${index + 1}.`, winner.id, money(winner.cost, election), `${count(winner.votes)} ${unit}`]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => (row[column] as string).length)));
  rows.forEach((row, index) => {
    const [place = '', id = '', cost = '', votes = ''] = row;
    const winner = outcome.winners[index];
    const cells = [place.padStart(widths[0] ?? 0), id.padEnd(widths[1] ?? 0), cost.padStart(widths[2] ?? 0), votes.padStart(widths[3] ?? 0)];
    console.log(`${cells.join('  ')}  ${titles.get(winner?.id ?? '') ?? ''}`.trimEnd());
  });
  const winners = outcome.winners.length;
  console.log(`${winners} ${winners === 1 ? 'winner' : 'winners'}, ${money(outcome.spent, election)} of ${money(outcome.budget, election)}`);
}

function printJson(outcome: TallyOutcome, titles: Map<string, string>): void {
  const winners = outcome.winners.map((winner) => ({ id: winner.id, title: titles.get(winner.id) ?? winner.id, cost: winner.cost, votes: winner.votes }));
  console.log(JSON.stringify({ rule: outcome.rule, budget: outcome.budget, spent: outcome.spent, winners }, null, 2));
}

function main(args: readonly string[]): void {
  const request = readArguments(args);
  if (request === 'help') {
    console.log(USAGE);
    return;
  }
  let text: string;
  try {
    text = readFileSync(request.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new UserError(`cannot read ${request.file}: ${why}`);
  }
  try {
    const election = parsePabulib(text);
    const options = withAdd1Options(chooseOptions(election, request.rule), request.add1Options);
    const outcome = tally(
      { budget: election.budget, projects: election.projects.map(({ id, cost }) => ({ id, cost })), ballots: toBallots(election, 'tally') },
      options,
    );
    const titles = new Map(toProposals(election).map((proposal) => [proposal.id, textIn(proposal.title, 'en')]));
    if (request.json) printJson(outcome, titles);
    else printText(outcome, election, options, titles);
  } catch (error) {
    if (error instanceof PabulibError || error instanceof TallyError) throw new UserError(`${request.file}: ${error.message}`);
    throw error;
  }
}

// Piped into `head`, stop quietly when the reader has had enough.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`tally: ${error.message.replace(/\s*\n\s*/g, ' ')}`);
  process.exitCode = 1;
}
