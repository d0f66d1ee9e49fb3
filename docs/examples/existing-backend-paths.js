// A council whose participation platform already answers the widgets' requests with the shapes of
// docs/openapi.yaml, but under its own routes: `paths` maps each client method to the platform's
// route (`:id` is replaced by the URL-encoded id). Tested by test/e2e/embedding.test.ts.
import 'civic-widgets/proposal-list';
import { createRestClient } from 'civic-widgets/client';

document.querySelector('civic-proposal-list').client = createRestClient({
  baseUrl: '/participation',
  paths: {
    getRound: '/budgets/:id',
    listProposals: '/budgets/:id/ideas',
    getProposal: '/ideas/:id',
  },
});
