/** The council's routes (ADMIN_TOKEN): open and close rounds, exports, voting codes. */
import type { FastifyInstance } from 'fastify';
import { PabulibError } from '../../src/domain/pabulib/index.js';
import { withStatus } from '../../src/domain/rounds.js';
import type { AppContext } from '../context.js';
import { operation, sendJson } from '../http/operation.js';
import { HttpProblem, notFound } from '../http/problems.js';
import { createVotingCodes } from '../store/codes.js';
import { exportFeedbackResponses, exportRound, exportSimulationSubmissions } from '../store/exports.js';
import { fingerprint } from '../store/submissions.js';
import { publicRound, roundOr404 } from './rounds.js';

export function adminRoutes(app: FastifyInstance, context: AppContext): void {
  const { db, catalog } = context;

  operation(app, context, 'setRoundStatus', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    const now = context.config.now();
    const changed = withStatus(round, (request.body as { status: 'open' | 'closed' }).status, now);
    await db.query('UPDATE rounds SET round = $2::jsonb WHERE id = $1', [round.id, JSON.stringify(changed)]);
    catalog.forget(round.id);
    return sendJson(reply, 200, publicRound(changed, now));
  });

  operation(app, context, 'exportRound', async (request, reply) => {
    const entry = await roundOr404(context, request.params.roundId!);
    let file: string;
    try {
      file = await exportRound(db, entry);
    } catch (error) {
      if (!(error instanceof PabulibError)) throw error;
      throw new HttpProblem(409, { type: 'not-exportable', title: 'This round cannot be written as pabulib', detail: error.message });
    }
    const name = `${entry.round.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.pb`;
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(file);
  });

  operation(app, context, 'createVotingCodes', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    if (round.voterIdentity !== 'code') {
      throw new HttpProblem(409, { type: 'not-a-code-round', title: 'This round does not use voting codes', detail: `Round ${round.id} does not use voting codes (its voterIdentity is ${round.voterIdentity ?? 'open'}).` });
    }
    const count = (request.body as { count: number }).count;
    const key = request.headers['idempotency-key'] as string;
    const codes = await db.transaction(async (tx) => {
      // Codes are shown once: the key is kept with a note of what was made, never the codes.
      const [claimed] = await tx.query(
        'INSERT INTO idempotency (key, fingerprint, status, response) VALUES ($1, $2, 201, $3::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, fingerprint('ballot', round.id, { codes: count }), JSON.stringify({ roundId: round.id, count })],
      );
      if (!claimed) return null;
      return createVotingCodes(tx, round.id, count);
    });
    if (codes === null) {
      throw new HttpProblem(409, { type: 'codes-already-made', title: 'These codes were already made', detail: 'Codes were already made with this Idempotency-Key; they are shown only once. Make new ones with a new key.' });
    }
    return sendJson(reply, 201, { roundId: round.id, codes });
  });

  operation(app, context, 'exportSimulationSubmissions', async (request, reply) => {
    const id = request.params.simulationId!;
    const simulation = await catalog.simulation(id);
    if (!simulation) throw notFound(`There is no simulation ${id}.`);
    return reply.type('text/csv; charset=utf-8').send(await exportSimulationSubmissions(db, simulation));
  });

  operation(app, context, 'exportFeedbackResponses', async (request, reply) => {
    const id = request.params.formId!;
    const form = await catalog.form(id);
    if (!form) throw notFound(`There is no form ${id}.`);
    return reply.type('text/csv; charset=utf-8').send(await exportFeedbackResponses(db, form));
  });
}
