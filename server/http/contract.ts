/**
 * docs/openapi.yaml as the server's routing table and request schemas: each operation becomes a
 * Fastify route with its path, method and the JSON Schemas of its parameters, headers and body,
 * so a request the contract refuses never reaches a handler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const OPENAPI_PATH = join(import.meta.dirname, '../../docs/openapi.yaml');

/** The document as served at /api/openapi.yaml. */
export const openapiText = readFileSync(OPENAPI_PATH, 'utf8');

type JsonObject = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonObject;
}

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT';
  /** The contract's path, `/rounds/{roundId}`. */
  path: string;
  /** Fastify's form of it, `/rounds/:roundId`. */
  url: string;
  admin: boolean;
  schema: { params?: JsonObject; querystring?: JsonObject; headers?: JsonObject; body?: JsonObject };
}

const SCHEMA_ID = 'civic';
const document = parse(openapiText) as JsonObject;
const components = document.components as { schemas: JsonObject; parameters: Record<string, Parameter> };

/** A schema from the document with its references pointing at the registered `civic` schema. */
function portable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, item: unknown) => {
    // OpenAPI annotations that are not JSON Schema keywords.
    if (key === 'discriminator' || key === 'example') return undefined;
    if (key === '$ref' && typeof item === 'string') return item.replace('#/components/schemas/', `${SCHEMA_ID}#/$defs/`);
    return item;
  })) as T;
}

function resolveParameter(parameter: JsonObject): Parameter {
  const ref = parameter.$ref;
  if (typeof ref === 'string') return components.parameters[ref.replace('#/components/parameters/', '')]!;
  return parameter as unknown as Parameter;
}

function objectSchema(parameters: Parameter[], lowerCase = false): JsonObject | undefined {
  if (parameters.length === 0) return undefined;
  const name = (parameter: Parameter) => (lowerCase ? parameter.name.toLowerCase() : parameter.name);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [name(parameter), portable(parameter.schema)])),
    required: parameters.filter((parameter) => parameter.required).map(name),
  };
}

/** Every operation of the contract. */
export const operations: Operation[] = Object.entries(document.paths as Record<string, Record<string, JsonObject>>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]): Operation => {
    const parameters = ((operation.parameters ?? []) as JsonObject[]).map(resolveParameter);
    const body = (operation.requestBody as { content?: Record<string, { schema: JsonObject }> } | undefined)?.content?.['application/json']?.schema;
    return {
      operationId: operation.operationId as string,
      method: method.toUpperCase() as Operation['method'],
      path,
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      // Admin only: an operation a facilitator code also opens checks its credentials itself.
      admin: Array.isArray(operation.security) && operation.security.length > 0 && (operation.security as JsonObject[]).every((scheme) => Object.keys(scheme).join() === 'adminToken'),
      // Parts without a schema are left out: Fastify warns about a key present but undefined.
      schema: JSON.parse(JSON.stringify({
        params: objectSchema(parameters.filter((parameter) => parameter.in === 'path')),
        querystring: objectSchema(parameters.filter((parameter) => parameter.in === 'query')),
        headers: objectSchema(parameters.filter((parameter) => parameter.in === 'header'), true),
        body: body ? portable(body) : undefined,
      })),
    };
  }),
);

function newAjv(coerceTypes: boolean): Ajv2020 {
  // allErrors off: a hostile body with 10,000 bad items gives one error, not 10,000.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: false, coerceTypes, useDefaults: false });
  addFormats.default(ajv);
  ajv.addKeyword('example');
  ajv.addSchema({ $id: SCHEMA_ID, $defs: portable(components.schemas) });
  return ajv;
}

// Query strings are text: `page=2` must become 2. Bodies are JSON: `"5"` must never become 5 points.
const queryAjv = newAjv(true);
const bodyAjv = newAjv(false);

/** Fastify's validator compiler over the two ajv instances. */
export function validatorCompiler({ schema, httpPart }: { schema: JsonObject; httpPart?: string }): ValidateFunction {
  return (httpPart === 'querystring' ? queryAjv : bodyAjv).compile(schema);
}

/**
 * A validator for a schema built from the contract's components (`{ $ref: 'civic#/$defs/Round' }`),
 * as requests are checked: no coercion, first error only.
 */
export function contractValidator(schema: JsonObject): ValidateFunction {
  return bodyAjv.compile(schema);
}

/** `/rounds/0/proposals/3/cost` as `rounds[0].proposals[3].cost`. */
export function dotPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
