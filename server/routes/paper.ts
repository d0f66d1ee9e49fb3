/**
 * Paper ballots, entered twice by clerks with the admin token: an entry, a settlement, a batch's
 * tally and mismatches, the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { ballotFieldErrors } from '../../src/domain/field-errors.js';
import { describePaperRefusal, type PaperBallotInput, type PaperRefusal, type PaperSettlementInput } from '../../src/domain/paper.js';
import { validateSelections, type Selections } from '../../src/domain/rules/index.js';
import type { AppContext } from '../context.js';
import { operation, sendJson } from '../http/operation.js';
import { HttpProblem, validationProblem } from '../http/problems.js';
import type { RoundEntry } from '../store/catalog.js';
import { enterPaperBallot, paperAudit, paperBatch, settlePaperBallot, type PaperOutcome } from '../store/paper.js';
import { roundOr404 } from './rounds.js';

/** The same rules as an online ballot, with the same field errors. */
function checkSelections(entry: RoundEntry, selections: Selections, number: string): void {
  const problems = validateSelections(entry.round.rules, selections, entry.proposals);
  if (problems.length > 0) throw validationProblem(422, `Ballot ${number} is not valid`, ballotFieldErrors(problems, entry.round.currency));
}

const TITLES: Record<PaperRefusal['code'], string> = {
  'other-batch': 'This ballot is in another batch',
  'entered-twice': 'This ballot has been entered twice already',
  'already-settled': 'This ballot has been settled',
  'nothing-to-settle': 'There is nothing to settle',
  'settler-entered': 'A third person settles a ballot',
};

function outcome<T>(result: PaperOutcome<T>, number: string): T {
  if ('ok' in result) return result.ok;
  const { refused } = result;
  throw new HttpProblem(409, { type: `paper-${refused.code}`, title: TITLES[refused.code], detail: describePaperRefusal(refused, number) });
}

export function paperRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  operation(app, context, 'enterPaperBallot', async (request, reply) => {
    const entry = await roundOr404(context, request.params.roundId!);
    const number = request.params.ballotNumber!;
    const body = request.body as Omit<PaperBallotInput, 'roundId' | 'number'>;
    checkSelections(entry, body.selections, number);
    const result = await enterPaperBallot(db, entry.round, { ...body, roundId: entry.round.id, number }, context.config.now());
    return sendJson(reply, 200, outcome(result, number));
  });

  operation(app, context, 'settlePaperBallot', async (request, reply) => {
    const entry = await roundOr404(context, request.params.roundId!);
    const number = request.params.ballotNumber!;
    const body = request.body as Omit<PaperSettlementInput, 'roundId' | 'number'>;
    checkSelections(entry, body.selections, number);
    const result = await settlePaperBallot(db, entry.round, { ...body, roundId: entry.round.id, number }, context.config.now());
    return sendJson(reply, 200, outcome(result, number));
  });

  operation(app, context, 'getPaperBatch', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    return sendJson(reply, 200, await paperBatch(db, round.id, request.params.batch!));
  });

  operation(app, context, 'getPaperAudit', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    return sendJson(reply, 200, { roundId: round.id, entries: await paperAudit(db, round.id) });
  });
}
