/** Budget simulations and feedback forms: reading them and submitting to them. */
import type { FastifyInstance } from 'fastify';
import { feedbackFieldErrors, simulationFieldErrors } from '../../src/domain/field-errors.js';
import { validateFeedback, validateSimulation } from '../../src/domain/rules/index.js';
import type { FeedbackResponse, SimulationSubmission } from '../../src/domain/types.js';
import type { AppContext } from '../context.js';
import { operation, sendJson } from '../http/operation.js';
import { notFound, validationProblem } from '../http/problems.js';
import { acceptSubmission } from './submit.js';

export function consultationRoutes(app: FastifyInstance, context: AppContext): void {
  const simulationOr404 = async (id: string) => (await context.catalog.simulation(id)) ?? Promise.reject(notFound(`There is no simulation ${id}.`));
  const formOr404 = async (id: string) => (await context.catalog.form(id)) ?? Promise.reject(notFound(`There is no form ${id}.`));

  operation(app, context, 'getSimulation', async (request, reply) => sendJson(reply, 200, await simulationOr404(request.params.simulationId!)));

  operation(app, context, 'submitSimulation', async (request, reply) => {
    const id = request.params.simulationId!;
    const submission = request.body as SimulationSubmission;
    const simulation = await simulationOr404(id);
    return acceptSubmission(context, reply, {
      kind: 'simulation',
      targetId: id,
      idempotencyKey: request.headers['idempotency-key'] as string,
      body: submission,
      payload: submission,
      async check() {
        if (submission.simulationId !== id) {
          throw validationProblem(422, 'The submission is for another simulation', [{ field: 'simulationId', code: 'mismatch', detail: `This submission says simulation ${submission.simulationId}, but was sent to ${id}.` }]);
        }
        const problems = validateSimulation(simulation, submission);
        if (problems.length > 0) throw validationProblem(422, 'The budget does not meet the simulation’s rules', simulationFieldErrors(problems, simulation.currency));
        return null;
      },
    });
  });

  operation(app, context, 'getForm', async (request, reply) => sendJson(reply, 200, await formOr404(request.params.formId!)));

  operation(app, context, 'submitFeedback', async (request, reply) => {
    const id = request.params.formId!;
    const response = request.body as FeedbackResponse;
    const form = await formOr404(id);
    return acceptSubmission(context, reply, {
      kind: 'feedback',
      targetId: id,
      idempotencyKey: request.headers['idempotency-key'] as string,
      body: response,
      payload: response,
      async check() {
        if (response.formId !== id) {
          throw validationProblem(422, 'The response is for another form', [{ field: 'formId', code: 'mismatch', detail: `This response says form ${response.formId}, but was sent to ${id}.` }]);
        }
        const errors = feedbackFieldErrors(validateFeedback(form, response));
        if (response.proposalId !== undefined && (await context.catalog.proposals(response.proposalId)).length === 0) {
          errors.push({ field: 'proposalId', code: 'unknown-proposal', detail: `There is no proposal ${response.proposalId}.` });
        }
        if (errors.length > 0) throw validationProblem(422, 'The answers do not meet the form’s rules', errors);
        return null;
      },
    });
  });
}
