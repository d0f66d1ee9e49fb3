/**
 * `createRestClient`'s options, checked once and resolved into the one configuration every request
 * uses. A setting that cannot work throws a `TypeError` naming it, before anything is sent.
 */
import { DEFAULT_PATHS, PLACEHOLDER, type RouteName } from './routes.js';
import type { HeadersSource, TransportConfig } from './transport.js';

/** Settings of `createRestClient`; only `baseUrl` is required. */
export interface RestClientOptions {
  /** Where the API lives: absolute (`https://pb.example.gov.uk/api`) or relative to the page (`/api`). */
  baseUrl: string;
  /** Headers sent with every request, e.g. an API key. */
  headers?: HeadersInit;
  /**
   * Called before every attempt, so a host's token that refreshes is always current; may be async.
   * Its headers are merged over `headers`. If it throws, the request fails with `unauthorized`.
   */
  getHeaders?: HeadersSource;
  /** `fetch` credentials mode; `include` sends cookies to an API on another origin. */
  credentials?: RequestCredentials;
  /** A `fetch` to use instead of the global one (a proxy, tests). */
  fetch?: typeof fetch;
  /** Time limit of each attempt in milliseconds, body included. Default 15000. */
  timeoutMs?: number;
  /** Attempts after the first, for network failures, timeouts, 5xx and 429 only. Default 2. */
  retries?: number;
  /** First backoff delay in milliseconds; it doubles per retry, with jitter. Default 500. */
  retryDelayMs?: number;
  /**
   * Route templates for an existing backend, keyed by method name, e.g.
   * `{ submitBallot: '/api/v2/pb/:id/votes' }`. `:id` (any `:name`) is replaced by the URL-encoded id.
   */
  paths?: Partial<Record<RouteName, string>>;
}

/** Everything a request needs, resolved from the options. */
export interface RestConfig extends TransportConfig {
  baseUrl: string;
  paths: Record<RouteName, string>;
}

/** Checks every option and fills in the defaults. */
export function resolveRestConfig(options: RestClientOptions): RestConfig {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createRestClient: pass an options object such as { baseUrl: "/api" }');
  }
  return { ...transportConfig(options), baseUrl: checkBaseUrl(options.baseUrl), paths: resolvePaths(options.paths) };
}

function transportConfig(options: RestClientOptions): TransportConfig {
  const { getHeaders, credentials, fetch: fetchOption } = options;
  if (getHeaders !== undefined && typeof getHeaders !== 'function') {
    throw new TypeError('createRestClient: `getHeaders` must be a function returning headers (or a promise of them)');
  }
  if (fetchOption !== undefined && typeof fetchOption !== 'function') {
    throw new TypeError('createRestClient: `fetch` must be a fetch function');
  }
  if (credentials !== undefined && !['omit', 'same-origin', 'include'].includes(credentials)) {
    throw new TypeError(`createRestClient: \`credentials\` must be "omit", "same-origin" or "include" (got ${JSON.stringify(credentials)})`);
  }
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
  } catch (error) {
    throw new TypeError(`createRestClient: \`headers\` are invalid: ${(error as Error).message}`);
  }
  return {
    // Looked up per call, so a page that polyfills or instruments fetch later is honoured.
    fetch: fetchOption ?? ((input, init) => globalThis.fetch(input, init)),
    headers,
    getHeaders,
    credentials,
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs, 15_000, 1, 2_147_483_647),
    retries: checkNumber('retries', options.retries, 2, 0, 10, true),
    retryDelayMs: checkNumber('retryDelayMs', options.retryDelayMs, 500, 0, 60_000),
  };
}

function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string') {
    throw new TypeError(`createRestClient: \`baseUrl\` must be a string such as "/api" or "https://pb.example.gov.uk/api"`);
  }
  if (baseUrl.includes('#')) throw new TypeError(`createRestClient: \`baseUrl\` must not contain "#" (got ${JSON.stringify(baseUrl)})`);
  return baseUrl;
}

function checkNumber(name: string, value: unknown, fallback: number, min: number, max: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new TypeError(`createRestClient: \`${name}\` must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/**
 * Merges an integrator's `paths` over the defaults, refusing (with a TypeError naming the route)
 * anything that cannot work: an unknown method, or a template that is not a path with at most one
 * `:param`.
 */
function resolvePaths(overrides: Partial<Record<RouteName, string>> | undefined): Record<RouteName, string> {
  const paths = { ...DEFAULT_PATHS };
  if (overrides === undefined) return paths;
  if (overrides === null || typeof overrides !== 'object') {
    throw new TypeError('createRestClient: `paths` must be an object of route templates keyed by method name');
  }
  for (const [name, template] of Object.entries(overrides)) {
    if (template === undefined) continue;
    if (!Object.hasOwn(DEFAULT_PATHS, name)) {
      throw new TypeError(
        `createRestClient: paths.${name} is not a client method; expected one of ${Object.keys(DEFAULT_PATHS).join(', ')}`,
      );
    }
    if (typeof template !== 'string' || !template.startsWith('/') || template.includes('#')) {
      throw new TypeError(`createRestClient: paths.${name} must be a path starting with "/" (got ${JSON.stringify(template)})`);
    }
    if ((template.match(PLACEHOLDER) ?? []).length > 1) {
      throw new TypeError(`createRestClient: paths.${name} may hold one parameter (the id), got ${JSON.stringify(template)}`);
    }
    paths[name as RouteName] = template;
  }
  return paths;
}

