/** The admin exports: a round as pabulib, simulation submissions and feedback responses as CSV. */
import { fromElection, writePabulib } from '../../src/domain/pabulib/index.js';
import type { Ballot, FeedbackForm, FeedbackResponse, Simulation, SimulationSubmission } from '../../src/domain/types.js';
import type { Queryable } from '../db/types.js';
import type { RoundEntry } from './catalog.js';
import { csvRow } from './csv.js';
import { countedPaperBallots } from './paper.js';

/**
 * The round, its proposals, every ballot in the box and every paper ballot that counts as a `.pb`
 * file; an extra VOTES column `source` says `online` or `paper` (pabulib keeps columns it does not
 * know, so any reader still reads the file).
 */
export async function exportRound(db: Queryable, entry: RoundEntry): Promise<string> {
  const { round, proposals } = entry;
  // Ordered by the random ballot id, so the file's order says nothing about when anyone voted.
  const rows = await db.query<{ selections: Ballot['selections'] }>('SELECT selections FROM ballots WHERE round_id = $1 ORDER BY id', [round.id]);
  const paper = await countedPaperBallots(db, round.id);
  const sources = [...rows.map(() => 'online'), ...paper.map(() => 'paper')];
  const ballots = [...rows.map((row) => row.selections), ...paper].map((selections) => ({ roundId: round.id, kind: round.rules.kind, selections }) as Ballot);
  const election = fromElection(round, proposals, ballots);
  election.voteColumns.push('source');
  election.votes.forEach((vote, index) => (vote.fields.source = sources[index]!));
  return writePabulib(election);
}

/** A baseline row, then one row per submission in the order received. */
export async function exportSimulationSubmissions(db: Queryable, simulation: Simulation): Promise<string> {
  const lines = simulation.lines.map((line) => line.id);
  const rows = await db.query<{ id: string; received_at: Date; submission: SimulationSubmission }>(
    'SELECT id, received_at, submission FROM simulation_submissions WHERE simulation_id = $1 ORDER BY received_at, id',
    [simulation.id],
  );
  let csv = csvRow(['id', 'received_at', ...lines, 'comment']);
  csv += csvRow(['baseline', '', ...simulation.lines.map((line) => line.baseline), '']);
  for (const row of rows) {
    csv += csvRow([row.id, new Date(row.received_at).toISOString(), ...lines.map((id) => row.submission.values[id] ?? ''), row.submission.comment ?? '']);
  }
  return csv;
}

/** One row per response in the order received, one column per question. */
export async function exportFeedbackResponses(db: Queryable, form: FeedbackForm): Promise<string> {
  const questions = form.questions.map((question) => question.id);
  const rows = await db.query<{ id: string; received_at: Date; response: FeedbackResponse }>(
    'SELECT id, received_at, response FROM feedback_responses WHERE form_id = $1 ORDER BY received_at, id',
    [form.id],
  );
  let csv = csvRow(['id', 'received_at', 'proposal_id', ...questions]);
  for (const row of rows) {
    csv += csvRow([row.id, new Date(row.received_at).toISOString(), row.response.proposalId ?? '', ...questions.map((id) => row.response.answers[id])]);
  }
  return csv;
}
