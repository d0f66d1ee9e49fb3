/**
 * The server's own pages: the demo pages at `/`, the bundle at `/civic-widgets.js`, Storybook's
 * build at `/storybook/`. Files only from those folders, never above them.
 */
import { existsSync, createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, notFound, sendProblem } from './problems.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Storybook's build runs inline scripts and styles of its own, so its pages get a looser policy
 * than the demo pages; it is a tool for designers, with no resident data in it.
 */
export const STORYBOOK_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/** URL path to a file inside one of the served folders, or null. */
function fileFor(root: string, pathname: string): string | null {
  if (pathname === '/civic-widgets.js' || pathname === '/civic-widgets.js.map') {
    const file = resolve(root, 'dist', pathname.slice(1));
    return existsSync(file) ? file : null;
  }
  const mounts: Array<[string, string]> = [
    // The modules the loader fetches: each element's, and the ones they share.
    ['/civic-widgets/', 'dist/civic-widgets'],
    ['/storybook/', 'storybook-static'],
    ['/', 'demo'],
  ];
  for (const [prefix, folder] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const base = resolve(root, folder);
    let file = normalize(join(base, pathname.slice(prefix.length)));
    if (file !== base && !file.startsWith(`${base}/`)) return null;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (statSync(file).isFile()) return file;
    } catch {
      // Not there: not found.
    }
    return null;
  }
  return null;
}

export function siteRoutes(app: FastifyInstance, root: string): void {
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      return sendProblem(reply, new HttpProblem(400, { title: 'Bad Request', detail: 'The address is not valid.' }));
    }
    if (pathname === '/storybook') return reply.redirect('/storybook/', 301);
    const file = pathname === '/api' || pathname.startsWith('/api/') || pathname.includes('\0') ? null : fileFor(root, pathname);
    if (!file) return sendProblem(reply, notFound(`There is no page ${pathname.slice(0, 200)}.`));
    if (pathname.startsWith('/storybook/')) reply.header('content-security-policy', STORYBOOK_CSP);
    if (pathname.startsWith('/civic-widgets')) {
      // Partner pages on other sites load these as modules, which browsers fetch with CORS. A shared
      // module's name carries its content hash, so it never changes and may be kept a year.
      reply.header('access-control-allow-origin', '*');
      if (/\/shared-[\w-]+\.js$/.test(pathname)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
    return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(createReadStream(file));
  };
  app.get('/', serve);
  app.get('/*', serve);
}
