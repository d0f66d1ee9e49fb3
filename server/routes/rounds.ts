/** Reading rounds, proposals and results. */
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../src/domain/format.js';
import { proposalQueryProblems, queryProposals } from '../../src/domain/proposal-query/index.js';
import { effectiveStatus, resultsRuleFor, resultsVisible } from '../../src/domain/rounds.js';
import type { ProposalQuery, Round, TallyRule } from '../../src/domain/types.js';
import type { AppContext } from '../context.js';
import { isAdmin } from '../http/admin-auth.js';
import { operation, sendJson } from '../http/operation.js';
import { HttpProblem, notFound, validationProblem } from '../http/problems.js';
import type { RoundEntry } from '../store/catalog.js';

// One order for `sort=random` per process, stable across pages, as the in-browser backend keeps one per client.
const RANDOM_SEED = Math.floor(Math.random() * 2 ** 32);

/** The round, or 404. */
export async function roundOr404(context: AppContext, roundId: string): Promise<RoundEntry> {
  const entry = await context.catalog.round(roundId);
  if (!entry) throw notFound(`There is no round ${roundId}.`);
  return entry;
}

/** The round as residents see it now: dates decide whether it is open. */
export function publicRound(round: Round, now: Date): Round {
  return { ...round, status: effectiveStatus(round, now) };
}

/** "Voting in this round closed on 21 December 2026." */
export function whyNotOpen(round: Round, now: Date): string {
  if (effectiveStatus(round, now) === 'upcoming') {
    return round.opensAt != null ? `Voting in this round opens on ${formatDate(round.opensAt, 'en-GB')}.` : 'Voting in this round has not opened yet.';
  }
  return round.closesAt != null && Date.parse(round.closesAt) <= now.getTime()
    ? `Voting in this round closed on ${formatDate(round.closesAt, 'en-GB')}.`
    : 'Voting in this round has closed.';
}

export function roundRoutes(app: FastifyInstance, context: AppContext): void {
  const now = () => context.config.now();

  operation(app, context, 'getRound', async (request, reply) => {
    const { round } = await roundOr404(context, request.params.roundId!);
    return sendJson(reply, 200, publicRound(round, now()));
  });

  operation(app, context, 'listProposals', async (request, reply) => {
    const { proposals } = await roundOr404(context, request.params.roundId!);
    const query = request.query as ProposalQuery;
    const problems = proposalQueryProblems(query);
    if (problems.length > 0) {
      throw validationProblem(400, 'The query is not valid', problems.map((problem) => ({ field: problem.field, code: 'out-of-range', detail: `${problem.field} must be ${problem.expected}.` })));
    }
    return sendJson(reply, 200, queryProposals(proposals, query, RANDOM_SEED));
  });

  operation(app, context, 'getProposal', async (request, reply) => {
    const id = request.params.proposalId!;
    const found = await context.catalog.proposals(id);
    if (found.length === 0) throw notFound(`There is no proposal ${id}.`);
    if (found.length > 1) {
      const rounds = found.map((proposal) => proposal.roundId).join(', ');
      throw new HttpProblem(409, { type: 'ambiguous-id', title: 'More than one proposal has this id', detail: `Proposal ${id} is in more than one round (${rounds}); list a round's proposals instead.` });
    }
    return sendJson(reply, 200, found[0]);
  });

  operation(app, context, 'getResults', async (request, reply) => {
    const entry = await roundOr404(context, request.params.roundId!);
    const chosen = resultsRuleFor(entry.round, request.query.rule);
    if ('error' in chosen) throw validationProblem(422, `No results by ${String(request.query.rule)} for this round`, [chosen.error]);
    const visibility = resultsVisible(entry.round, now(), isAdmin(context, request));
    if (!visibility.visible) {
      throw new HttpProblem(403, { type: 'results-not-published', title: 'Results are not published yet', detail: visibility.detail });
    }
    return sendJson(reply, 200, await context.results(entry, chosen.rule));
  });
}
