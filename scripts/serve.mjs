// npm start (until the reference server lands): one port serving the demo pages at /, the built
// bundle at /civic-widgets.js and Storybook's build at /storybook/. The demo pages use the
// in-browser backend (api="memory:"), so nothing else needs to run.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const root = resolve('.');

const types = {
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
};

/** URL path to a file inside one of the served folders, or null (never outside them). */
function fileFor(pathname) {
  const mounts = [
    ['/storybook/', 'storybook-static'],
    ['/civic-widgets.js', 'dist/civic-widgets.js'],
    ['/civic-widgets-memory.js', 'dist/civic-widgets-memory.js'],
    ['/civic-widgets-sanitize.js', 'dist/civic-widgets-sanitize.js'],
    ['/', 'demo'],
  ];
  for (const [prefix, folder] of mounts) {
    if (!pathname.startsWith(prefix) && pathname !== prefix.replace(/\/$/, '')) continue;
    const base = resolve(root, folder);
    let file = normalize(join(base, pathname.slice(prefix.length)));
    if (!file.startsWith(base)) return null;
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (statSync(file).isFile()) return file;
    } catch {
      // fall through: not found
    }
    return null;
  }
  return null;
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/storybook') {
    response.writeHead(301, { location: '/storybook/' }).end();
    return;
  }
  let file = null;
  try {
    file = fileFor(decodeURIComponent(pathname));
  } catch {
    file = null;
  }
  if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`civic-widgets demo: ${origin}/  (partner page ${origin}/partner.html, Storybook ${origin}/storybook/)`);
});
