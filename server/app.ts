/**
 * The reference server as a Fastify app, built from a configuration and an open database, so that
 * tests start it on 127.0.0.1 with port 0. `main.ts` reads the environment and starts it.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { ServerConfig } from './config.js';
import { createContext, type AppContext } from './context.js';
import type { Database } from './db/types.js';
import { openapiText, operations, validatorCompiler } from './http/contract.js';
import { handleError, HttpProblem, notFound, problemFor, sendProblem } from './http/problems.js';
import { siteRoutes } from './http/site.js';
import { adminRoutes } from './routes/admin.js';
import { ballotRoutes } from './routes/ballots.js';
import { consultationRoutes } from './routes/consultations.js';
import { paperRoutes } from './routes/paper.js';
import { meetingRoutes } from './routes/meeting.js';
import { roundRoutes } from './routes/rounds.js';

export interface App {
  fastify: FastifyInstance;
  context: AppContext;
  /** Stops taking requests, then writes what is queued. The database stays open: its owner closes it. */
  close(): Promise<void>;
}

/** A percent-encoded id of 200 characters, each up to 4 UTF-8 bytes written as %XX. */
const MAX_PARAM_LENGTH = 200 * 12;

/** A strict policy for the demo pages: no inline script or style (the elements adopt constructed stylesheets). */
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/**
 * What every API answer carries instead of the pages' headers (OWASP's set for REST answers): JSON
 * that is never cached, sniffed, framed or allowed to load anything. Six headers, not helmet's
 * thirteen, on every ballot.
 */
const API_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const PROXY_WITHOUT_TRUST =
  'Requests come through a proxy (X-Forwarded-For) but TRUST_PROXY is not set: rate limits count every resident as the proxy\'s address. Set TRUST_PROXY=1 (or the proxy\'s address) if a reverse proxy of yours is in front of this server.';

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

export async function buildApp(config: ServerConfig, db: Database): Promise<App> {
  const fastify = Fastify({
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    logger: { level: config.logRequests ? 'info' : 'warn' },
    // Errors found before routing (a malformed %-escape in the URL) are problems too.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, problemFor(error)),
    // And so are errors in the HTTP request itself (a header too large), written to the bare socket.
    clientErrorHandler: (error, socket) => {
      const status = (error as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ type: 'about:blank', title: status === 431 ? 'Request Header Fields Too Large' : 'Bad Request', status, detail: 'The request could not be read.' });
      if (socket.writable) socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      else socket.destroy();
    },
  });
  const context = createContext(config, db);
  fastify.setValidatorCompiler(validatorCompiler as never);
  fastify.setErrorHandler(handleError);
  fastify.setNotFoundHandler((request, reply) => sendProblem(reply, notFound(`There is nothing at ${request.method} ${request.url.slice(0, 200)}.`)));
  // Only JSON bodies: text/plain would otherwise be parsed too.
  fastify.removeContentTypeParser('text/plain');

  // Helmet's middleware, built once: @fastify/helmet builds it again for every request, a tenth of a ballot's time.
  const pageHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    // Partner sites embed /civic-widgets.js from other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  // Behind a reverse proxy without TRUST_PROXY, every resident is the proxy's one address to the
  // rate limits: 20 open ballots per 10 minutes for a whole borough. Said once, when it first shows.
  let proxyNoticed = config.trustProxy !== false;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!proxyNoticed && request.headers['x-forwarded-for'] !== undefined) {
      proxyNoticed = true;
      request.log.warn(PROXY_WITHOUT_TRUST);
    }
    if (!isApi(request.url)) return pageHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
    reply.headers(API_HEADERS);
    done();
  });
  if (config.allowedOrigins.length > 0) {
    await fastify.register(cors, {
      origin: config.allowedOrigins,
      methods: ['GET', 'POST', 'PUT'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
      credentials: true,
      maxAge: 600,
    });
  }

  await fastify.register(
    async (api) => {
      // A body must be JSON before it is read at all: no form, multipart or bodiless POST. A callback
      // rather than an async hook, like the one above: every ballot passes here.
      api.addHook('onRequest', (request, _reply, done) => {
        const refused = (request.method === 'POST' || request.method === 'PUT') && !/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
        done(refused ? (new HttpProblem(415, { title: 'Unsupported Media Type', detail: 'Send the body as JSON, with Content-Type: application/json.' }) as unknown as FastifyError) : undefined);
      });
      roundRoutes(api, context);
      ballotRoutes(api, context);
      consultationRoutes(api, context);
      adminRoutes(api, context);
      paperRoutes(api, context);
      meetingRoutes(api, context, config.live);
      api.get('/openapi.yaml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(openapiText));
      methodNotAllowed(api);
    },
    { prefix: '/api' },
  );
  if (config.siteRoot) siteRoutes(fastify, config.siteRoot);
  await fastify.ready();

  return {
    fastify,
    context,
    async close() {
      await fastify.close();
      await context.writer.drain();
    },
  };
}

/** 405 with `Allow` for a method a contract path does not take (Fastify would say 404). */
function methodNotAllowed(api: FastifyInstance): void {
  const byUrl = new Map<string, Set<string>>();
  for (const { url, method } of operations) byUrl.set(url, (byUrl.get(url) ?? new Set()).add(method));
  for (const [url, methods] of byUrl) {
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
    const others = METHODS.filter((method) => !methods.has(method));
    api.route({
      method: others,
      url,
      handler: async (request, reply) => {
        reply.header('allow', allow);
        return sendProblem(reply, new HttpProblem(405, { title: 'Method Not Allowed', detail: `${request.method} is not allowed here; use ${allow}.` }));
      },
    });
  }
}
