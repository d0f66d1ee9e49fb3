/**
 * The server's configuration, read from the environment only (README "Configuration"). A value
 * that cannot work stops the start with one line saying which variable and why.
 */
import { resolve } from 'node:path';

export interface Limits {
  /** Largest request body, in bytes. */
  bodyBytes: number;
  /** Ballots one client address may cast in an `open` round per window. */
  openBallotsPerWindow: number;
  /** Refused voting codes or voter tokens one client address may send per window. */
  failedAttemptsPerWindow: number;
  /** Refused admin tokens one client address may send per window. */
  failedAdminPerWindow: number;
  windowMs: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** PGlite's folder, when `databaseUrl` is absent. */
  dataDir: string;
  databaseUrl?: string;
  /** The bearer token of the admin routes; without it they answer 401. */
  adminToken?: string;
  /** The HS256 secret of voter tokens; needed once a round uses `voterIdentity: token`. */
  voterTokenSecret?: string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  allowedOrigins: string[];
  /** Fastify's `trustProxy`: read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean | string;
  /** The folder holding demo/, dist/ and storybook-static/ to serve; no pages when absent. */
  siteRoot?: string;
  limits: Limits;
  /** Group commit: how long the first ballot of a batch waits for others, and the largest batch. */
  groupCommit: { windowMs: number; maxBatch: number };
  /** One line per request on stdout. */
  logRequests: boolean;
  /** The clock that opens and closes rounds; tests move it. */
  now: () => Date;
  /** How often the live meeting stream reads the database and sends a heartbeat (server/live/meeting-hub.ts); tests shorten them. */
  live?: { pollMs: number; heartbeatMs: number };
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1_048_576,
  openBallotsPerWindow: 20,
  failedAttemptsPerWindow: 10,
  failedAdminPerWindow: 10,
  windowMs: 10 * 60_000,
};

/** A setting that cannot work; its message is the one line printed before exiting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Shortest secrets accepted: HS256 keys need 256 bits (RFC 7518 §3.2). */
export const MIN_SECRET_LENGTH = 32;
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** The configuration from `env` (normally `process.env`); throws `ConfigError`. */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { siteRoot?: string } = {}): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`PORT must be a port number from 0 to 65535, not "${env.PORT}".`);
  const adminToken = nonEmpty(env.ADMIN_TOKEN);
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (a random one: openssl rand -hex 24).`);
  }
  const voterTokenSecret = nonEmpty(env.VOTER_TOKEN_SECRET);
  if (voterTokenSecret !== undefined && Buffer.byteLength(voterTokenSecret) < MIN_SECRET_LENGTH) {
    throw new ConfigError(`VOTER_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} bytes long (HS256 needs 256 bits; a random one: openssl rand -hex 32).`);
  }
  // Limits per client address, which an event where many residents share one network raises.
  const openBallotsPerWindow = perAddress(env, 'OPEN_BALLOTS_PER_ADDRESS', 'ballots per address per 10 minutes in open rounds', DEFAULT_LIMITS.openBallotsPerWindow);
  const failedAttemptsPerWindow = perAddress(env, 'REFUSED_CODES_PER_ADDRESS', 'refused voting codes or tokens per address per 10 minutes', DEFAULT_LIMITS.failedAttemptsPerWindow);
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://USER:PASSWORD@HOST:PORT/DATABASE.');
  }
  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    dataDir: resolve(nonEmpty(env.CIVIC_DATA_DIR) ?? 'data'),
    databaseUrl,
    adminToken,
    voterTokenSecret,
    allowedOrigins: readOrigins(env.ALLOWED_ORIGINS),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    siteRoot: defaults.siteRoot,
    limits: { ...DEFAULT_LIMITS, openBallotsPerWindow, failedAttemptsPerWindow },
    groupCommit: { windowMs: 2, maxBatch: 500 },
    logRequests: env.LOG_REQUESTS === '1',
    now: () => new Date(),
  };
}

/** A per-address limit from `name`, or `fallback` when unset; throws unless a whole number from 1 to 1,000,000. */
function perAddress(env: NodeJS.ProcessEnv, name: string, what: string, fallback: number): number {
  const value = nonEmpty(env[name]);
  if (value === undefined) return fallback;
  const count = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(count >= 1 && count <= 1_000_000)) throw new ConfigError(`${name} must be a whole number from 1 to 1000000 (${what}), not "${value}".`);
  return count;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function readOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((item) => item.trim()).filter(Boolean).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://council.example.`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://council.example (scheme, host and port only).`);
    }
    return url.origin;
  });
}

function readTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  return value;
}
