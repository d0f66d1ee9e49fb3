/**
 * Importing rounds, simulations and forms: a pabulib `.pb` file (its votes become ballots, as paper
 * votes would) or a JSON file shaped like the in-browser backend's seed (`MemorySeed`). Everything
 * in one transaction: a file with one bad line imports nothing, and the error names the line or field.
 */
import { randomUUID } from 'node:crypto';
import { describeProblem, validateSelections } from '../../src/domain/rules/index.js';
import { PabulibError, parsePabulib, toBallots, toProposals, toRound } from '../../src/domain/pabulib/index.js';
import { isSafeUrl } from '../../src/domain/safe-url.js';
import type { Ballot, FeedbackForm, Proposal, Round, Simulation } from '../../src/domain/types.js';
import { isUniqueViolation, type Database, type Queryable } from '../db/types.js';
import { contractValidator, dotPath } from '../http/contract.js';
import { votingCodeHash } from '../identity/codes.js';
import { setFacilitatorCode } from './meeting.js';

/** A file that cannot be imported; the message names the line or field at fault. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** One round to import, as the in-browser backend's seed has it. */
export interface RoundImport {
  round: Round;
  proposals: Proposal[];
  votingCodes?: string[];
  /** The facilitator code of the round's panel meeting (routes/meeting.ts). */
  facilitatorCode?: string;
  /** Ballots already cast (paper votes, a pabulib file's VOTES). */
  ballots?: Array<Ballot['selections']>;
}

export interface SeedImport {
  rounds?: RoundImport[];
  simulations?: Simulation[];
  forms?: FeedbackForm[];
}

export interface ImportSummary {
  rounds: string[];
  simulations: string[];
  forms: string[];
  ballots: number;
  codes: number;
  warnings: string[];
}

const Ref = (name: string) => ({ $ref: `civic#/$defs/${name}` });
const validateSeed = contractValidator({
  type: 'object',
  additionalProperties: false,
  properties: {
    rounds: {
      type: 'array',
      items: {
        type: 'object',
        required: ['round', 'proposals'],
        additionalProperties: false,
        properties: {
          round: Ref('Round'),
          proposals: { type: 'array', items: Ref('Proposal') },
          votingCodes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 } },
          facilitatorCode: { type: 'string', minLength: 8, maxLength: 200 },
          voterTokens: { type: 'array', items: { type: 'string' } },
          ballots: { type: 'array', items: { type: ['array', 'object'] } },
        },
      },
    },
    simulations: { type: 'array', items: Ref('Simulation') },
    forms: { type: 'array', items: Ref('FeedbackForm') },
  },
});

/** Checks a parsed JSON seed: the contract's shapes, then what the shapes cannot say. */
export function readSeed(data: unknown): { seed: SeedImport; warnings: string[] } {
  if (!validateSeed(data)) {
    const issue = validateSeed.errors![0]!;
    const params = issue.params as Record<string, unknown>;
    const extra = [params.missingProperty, params.additionalProperty].find((name) => typeof name === 'string') as string | undefined;
    throw new ImportError(`${dotPath(issue.instancePath, extra) || 'the file'}: ${issue.message ?? 'is not valid'}`);
  }
  const seed = data as { rounds?: Array<RoundImport & { voterTokens?: string[] }>; simulations?: Simulation[]; forms?: FeedbackForm[] };
  const warnings: string[] = [];
  (seed.rounds ?? []).forEach(({ round, proposals, ballots = [], voterTokens }, r) => {
    const ids = new Set<string>();
    proposals.forEach((proposal, p) => {
      const at = `rounds[${r}].proposals[${p}]`;
      if (ids.has(proposal.id)) throw new ImportError(`${at}.id: "${proposal.id}" is used twice in round ${round.id}`);
      ids.add(proposal.id);
      if (proposal.roundId !== undefined && proposal.roundId !== round.id) throw new ImportError(`${at}.roundId: "${proposal.roundId}" is not the round it is listed under (${round.id})`);
      if (typeof proposal.url === 'string' && !isSafeUrl(proposal.url)) throw new ImportError(`${at}.url: only http(s), mailto: or relative links are allowed`);
      if (typeof proposal.imageUrl === 'string' && !isSafeUrl(proposal.imageUrl, { image: true })) throw new ImportError(`${at}.imageUrl: only http(s), relative or data:image/ pictures are allowed`);
    });
    ballots.forEach((selections, b) => {
      const problems = validateSelections(round.rules, selections, proposals);
      if (problems.length > 0) throw new ImportError(`rounds[${r}].ballots[${b}]: ${problems.map((problem) => describeProblem(problem)).join(' ')}`);
    });
    if (voterTokens !== undefined) warnings.push(`rounds[${r}].voterTokens are ignored: the server accepts tokens signed with VOTER_TOKEN_SECRET.`);
  });
  (seed.simulations ?? []).forEach((simulation, s) =>
    simulation.lines.forEach((line, l) => {
      if (!(line.min <= line.baseline && line.baseline <= line.max)) throw new ImportError(`simulations[${s}].lines[${l}].baseline: must lie between min and max`);
    }),
  );
  return { seed, warnings };
}

/** A pabulib file as a round to import: closed, with its votes as ballots. */
export function readPabulib(text: string, roundId?: string): RoundImport {
  try {
    const election = parsePabulib(text);
    const round = toRound(election, roundId);
    const proposals = toProposals(election, round.id);
    const ballots = toBallots(election, round.id);
    ballots.forEach((ballot, index) => {
      const problems = validateSelections(round.rules, ballot.selections, proposals);
      if (problems.length > 0) {
        const voter = election.votes[index]?.voterId ?? String(index + 1);
        throw new ImportError(`VOTES: the vote of voter_id ${voter} breaks the file's own rules: ${problems.map((problem) => describeProblem(problem)).join(' ')}`);
      }
    });
    return { round, proposals, ballots: ballots.map((ballot) => ballot.selections) };
  } catch (error) {
    if (error instanceof PabulibError) throw new ImportError(error.message);
    throw error;
  }
}

async function insertUnique(tx: Queryable, what: string, id: string, sql: string, params: unknown[]): Promise<void> {
  const [exists] = await tx.query(`SELECT 1 FROM ${what}s WHERE id = $1`, [id]);
  if (exists) throw new ImportError(`A ${what} with the id "${id}" already exists; nothing was imported.`);
  await tx.query(sql, params);
}

/** Stores everything in `seed` in one transaction; throws `ImportError` and stores nothing on a clash. */
export async function importSeed(db: Database, seed: SeedImport, now: Date): Promise<ImportSummary> {
  const summary: ImportSummary = { rounds: [], simulations: [], forms: [], ballots: 0, codes: 0, warnings: [] };
  try {
    await db.transaction(async (tx) => {
      for (const { round, proposals, votingCodes = [], ballots = [], facilitatorCode } of seed.rounds ?? []) {
        await insertUnique(tx, 'round', round.id, 'INSERT INTO rounds (id, round) VALUES ($1, $2::jsonb)', [round.id, JSON.stringify(round)]);
        await tx.query(
          `INSERT INTO proposals (round_id, id, position, proposal)
           SELECT $1, id, position, proposal FROM jsonb_to_recordset($2::jsonb) AS t(id text, position int, proposal jsonb)`,
          [round.id, JSON.stringify(proposals.map((proposal, position) => ({ id: proposal.id, position, proposal: { ...proposal, roundId: round.id } })))],
        );
        for (let start = 0; start < ballots.length; start += 5_000) {
          const rows = ballots.slice(start, start + 5_000).map((selections) => ({ id: randomUUID(), selections }));
          await tx.query(
            `INSERT INTO ballots (id, round_id, selections, received_at)
             SELECT id, $1, selections, $3::timestamptz FROM jsonb_to_recordset($2::jsonb) AS t(id text, selections jsonb) ORDER BY id`,
            [round.id, JSON.stringify(rows), now.toISOString()],
          );
        }
        const hashes = [...new Set(votingCodes.map((code) => votingCodeHash(round.id, code)))];
        if (hashes.length > 0) await tx.query('INSERT INTO voting_codes (round_id, code_hash) SELECT $1, unnest($2::text[])', [round.id, hashes]);
        if (facilitatorCode !== undefined) await setFacilitatorCode(tx, round.id, facilitatorCode);
        summary.rounds.push(round.id);
        summary.ballots += ballots.length;
        summary.codes += hashes.length;
      }
      for (const simulation of seed.simulations ?? []) {
        await insertUnique(tx, 'simulation', simulation.id, 'INSERT INTO simulations (id, simulation) VALUES ($1, $2::jsonb)', [simulation.id, JSON.stringify(simulation)]);
        summary.simulations.push(simulation.id);
      }
      for (const form of seed.forms ?? []) {
        await insertUnique(tx, 'form', form.id, 'INSERT INTO forms (id, form) VALUES ($1, $2::jsonb)', [form.id, JSON.stringify(form)]);
        summary.forms.push(form.id);
      }
    });
  } catch (error) {
    // Another process imported the same id between our check and our insert.
    if (isUniqueViolation(error)) throw new ImportError('Something with one of these ids was imported at the same time; nothing was imported.');
    throw error;
  }
  return summary;
}

/** A file's text as an import: `.pb` (or text starting with META) as pabulib, else JSON. */
export function readImportFile(name: string, text: string, roundId?: string): { seed: SeedImport; warnings: string[] } {
  if (/\.pb$/i.test(name) || /^\uFEFF?\s*META\b/.test(text)) return { seed: { rounds: [readPabulib(text, roundId)] }, warnings: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = /position (\d+)/.exec(String(error));
    const line = where ? text.slice(0, Number(where[1])).split('\n').length : undefined;
    throw new ImportError(`${name}${line ? ` line ${line}` : ''}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return readSeed(data);
}
