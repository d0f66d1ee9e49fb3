// A council that keeps residents' feedback in its own case system: forms still come from the
// widgets' server, but each response goes to the case system, in its own format. A CivicClient
// of its own: the REST client for everything, but one method. Tested by test/e2e/embedding.test.ts.
import 'civic-widgets/feedback-form';
import { CivicError, createRestClient } from 'civic-widgets/client';

const widgetsServer = createRestClient({ baseUrl: '/api' });

const client = {
  ...widgetsServer,
  // Names the client's outbox on the device: answers kept offline go to the case system, not to
  // the widgets' server.
  id: 'fernwick-case-system',
  async submitFeedback(response, options) {
    const answer = await fetch('/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': options?.idempotencyKey ?? '' },
      body: JSON.stringify({ type: 'consultation-feedback', source: response.formId, fields: response.answers }),
      signal: options?.signal,
    }).catch(() => {
      // No connection: a CivicError with code "network" keeps the answers in the outbox for later.
      throw new CivicError('network', 'The case system could not be reached');
    });
    if (!answer.ok) throw new CivicError(answer.status >= 500 ? 'http' : 'validation', `The case system answered ${answer.status}`, { status: answer.status });
    const created = await answer.json();
    // What the form shows as the receipt: the case reference the resident can quote.
    return { id: created.caseReference, receivedAt: created.openedAt };
  },
};

document.querySelector('civic-feedback-form').client = client;
