/** A resident panel's meeting: its state, the facilitator's changes, and the live stream of both. */
import type { FastifyInstance } from 'fastify';
import { meetingChangeProblem, meetingVoting, type MeetingChange } from '../../src/domain/meeting.js';
import type { AppContext } from '../context.js';
import { requireFacilitator } from '../identity/facilitator.js';
import { operation, sendJson } from '../http/operation.js';
import { validationProblem } from '../http/problems.js';
import { createMeetingHub, DEFAULT_LIVE_TIMING, type LiveTiming } from '../live/meeting-hub.js';
import { changeMeeting, newFacilitatorCode, readMeeting } from '../store/meeting.js';
import { withStatus } from '../../src/domain/rounds.js';
import { roundOr404 } from './rounds.js';

export function meetingRoutes(app: FastifyInstance, context: AppContext, timing: LiveTiming = DEFAULT_LIVE_TIMING): void {
  const { db, catalog } = context;
  const now = () => context.config.now();
  const stateOf = async (roundId: string) => readMeeting(db, (await roundOr404(context, roundId)).round, now());
  const hub = createMeetingHub(stateOf, timing);
  app.addHook('preClose', async () => hub.close());

  operation(app, context, 'getMeeting', async (request, reply) => sendJson(reply, 200, await stateOf(request.params.roundId!)));

  operation(app, context, 'updateMeeting', async (request, reply) => {
    const roundId = request.params.roundId!;
    await requireFacilitator(context, request, roundId);
    const { round, proposals } = await roundOr404(context, roundId);
    const change = request.body as MeetingChange;
    const problem = meetingChangeProblem(change, meetingVoting(round, now()), proposals.map((proposal) => proposal.id));
    if (problem) throw validationProblem(422, 'The meeting cannot be changed like this', [{ field: problem.field, code: 'invalid', detail: problem.detail }]);
    await db.transaction(async (tx) => {
      if (change.voting !== undefined && change.voting !== meetingVoting(round, now())) {
        await tx.query('UPDATE rounds SET round = $2::jsonb WHERE id = $1', [round.id, JSON.stringify(withStatus(round, change.voting, now()))]);
      }
      await changeMeeting(tx, roundId, change, now());
    });
    catalog.forget(roundId);
    hub.poke(roundId);
    return sendJson(reply, 200, await stateOf(roundId));
  });

  operation(app, context, 'watchMeeting', async (request, reply) => {
    const roundId = request.params.roundId!;
    // Read before the stream starts, so a missing round or a failing database still answers a problem.
    const state = await stateOf(roundId);
    const lastEventId = request.headers['last-event-id'];
    reply.hijack();
    // Headers set by hooks (CORS, security) go out with the stream's own.
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and similar proxies would otherwise hold events back in a buffer.
      'x-accel-buffering': 'no',
    });
    hub.open(roundId, reply.raw, typeof lastEventId === 'string' ? lastEventId : undefined, state);
  });

  operation(app, context, 'createFacilitatorCode', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    return sendJson(reply, 201, { roundId: round.id, code: await newFacilitatorCode(db, round.id) });
  });
}
