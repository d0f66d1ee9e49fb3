// Web Test Runner middleware: a real HTTP backend under /test-api/ for browser tests.
// Each test picks a unique id, scripts its answers with POST /test-api/__script/<id> (a JSON array of
// responses, see test/node/support/scripted-http.d.mts), calls /test-api/<id>/... and reads what the
// server received with GET /test-api/__received/<id>.
import { createScriptStore, handleScripted } from '../node/support/scripted-http.mjs';

const PREFIX = '/test-api/';
const store = createScriptStore();

/** Koa-style middleware for the `middleware` list of web-test-runner.config.mjs. */
export async function testApiMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  // The scripted answer is written to the raw response (hangs and resets included), not through Koa.
  context.respond = false;
  // Koa's status stays 404 until something sets it; a hanging answer would then be reported as a 404.
  context.status = 200;
  await handleScripted(store, context.req, context.res, PREFIX);
}
