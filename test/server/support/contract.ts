/**
 * Checks an answer of the server against docs/openapi.yaml: its status is one the operation lists
 * (or `default`), its content type is the one listed, and its JSON body matches the schema. Every
 * request of the server suite goes through `request()` (server.ts), so every answer is checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, any>;
const spec = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8')) as Json;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: spec.components }, 'openapi');

const compiled = new Map<string, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const portable = JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/'));
    validate = ajv.compile(portable);
    compiled.set(key, validate);
  }
  return validate;
}

const operations = Object.entries(spec.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    operation,
  })),
);

function resolve(value: Json): Json {
  if (typeof value.$ref === 'string') {
    const [, group, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref)!;
    return spec.components[group!][name!];
  }
  return value;
}

/** How many answers were checked, for a test that wants to see the check at work. */
export let checkedAnswers = 0;

/**
 * Asserts that an answer to `method path` (path below /api, with its query) is one the contract
 * allows. Paths the contract does not have must answer a problem (404 or 405).
 */
export function assertContract(method: string, pathWithQuery: string, status: number, contentType: string, text: string): void {
  checkedAnswers++;
  const path = pathWithQuery.split('?')[0]!;
  const where = `${method} ${path} → ${status}`;
  const mediaType = contentType.split(';')[0]!.trim();
  if (method === 'OPTIONS' || (method === 'HEAD' && status < 300)) return;
  const found = operations.find((candidate) => candidate.pattern.test(path) && candidate.method === (method === 'HEAD' ? 'GET' : method));
  let response: Json | undefined;
  if (found) {
    response = found.operation.responses[String(status)] ?? found.operation.responses.default;
    assert.ok(response, `${where}: the contract lists no ${status} for ${found.operation.operationId}`);
    response = resolve(response);
  } else {
    assert.ok(status >= 400, `${where}: a path the contract does not have answered ${status}`);
    response = resolve({ $ref: '#/components/responses/Error' });
  }
  if (status >= 400) assert.equal(mediaType, 'application/problem+json', `${where}: an error must be problem+json, got ${contentType}`);
  const content = response.content as Record<string, { schema: Json }> | undefined;
  if (!content) return;
  const listed = content[mediaType];
  assert.ok(listed, `${where}: content type ${mediaType} is not one the contract lists (${Object.keys(content).join(', ')})`);
  if (!mediaType.endsWith('json') || method === 'HEAD') return;
  let body: unknown;
  assert.doesNotThrow(() => (body = JSON.parse(text)), `${where}: the body is not JSON: ${text.slice(0, 200)}`);
  const validate = validatorFor(listed.schema);
  assert.ok(validate(body), `${where}: the body does not match the contract: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
  if (status >= 400) {
    assert.equal((body as Json).status, status, `${where}: the problem's status`);
    assert.ok(typeof (body as Json).detail === 'string' && (body as Json).detail.length > 0, `${where}: a problem has a detail`);
    assert.doesNotMatch(text, /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+/, `${where}: no stack trace or path in an answer`);
  }
}
