// A scripted HTTP backend for tests: each test scripts the answers its requests get, under its own
// id, and reads back what the server received. Plain node:http, so the same code serves the Node
// fuzz test (startScriptedServer) and the browser tests (test/support/test-api.mjs, under WTR).
import { createServer } from 'node:http';

/** An empty store of scripts and received requests, keyed by test id. */
export function createScriptStore() {
  const scripts = new Map();
  const receivedById = new Map();
  return {
    script(id, responses) {
      if (!Array.isArray(responses) || responses.length === 0) {
        throw new TypeError(`script for ${id}: expected a non-empty array of responses`);
      }
      scripts.set(id, [...responses]);
      receivedById.set(id, []);
    },
    // Answers are used in order; the last one repeats, so "always 503" is one entry.
    next(id) {
      const queue = scripts.get(id);
      if (!queue) return undefined;
      return queue.length > 1 ? queue.shift() : queue[0];
    },
    record(id, request) {
      if (!receivedById.has(id)) receivedById.set(id, []);
      receivedById.get(id).push(request);
    },
    received(id) {
      return receivedById.get(id) ?? [];
    },
    forget(id) {
      scripts.delete(id);
      receivedById.delete(id);
    },
  };
}

/**
 * Serves `req` if its path starts with `prefix`: `POST {prefix}__script/<id>` (JSON array of
 * responses), `GET {prefix}__received/<id>`, and `{prefix}<id>/...` answered from the script.
 * Resolves false, without touching `res`, for any other path.
 */
export async function handleScripted(store, req, res, prefix) {
  const url = new URL(req.url ?? '/', 'http://scripted.invalid');
  if (!url.pathname.startsWith(prefix)) return false;
  const rest = url.pathname.slice(prefix.length);
  const body = await readAll(req);
  if (req.method === 'POST' && rest.startsWith('__script/')) {
    const id = decodeURIComponent(rest.slice('__script/'.length));
    try {
      store.script(id, JSON.parse(body));
    } catch (error) {
      sendJson(res, 400, { title: 'Bad script', detail: String(error) });
      return true;
    }
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    return true;
  }
  if (req.method === 'GET' && rest.startsWith('__received/')) {
    sendJson(res, 200, store.received(decodeURIComponent(rest.slice('__received/'.length))));
    return true;
  }
  const slash = rest.indexOf('/');
  const id = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
  store.record(id, {
    method: req.method,
    path: slash === -1 ? '/' : rest.slice(slash),
    query: url.search,
    headers: req.headers,
    body,
  });
  const answer = store.next(id) ?? {
    status: 404,
    contentType: 'application/problem+json',
    json: { title: 'Not scripted', detail: `No script for test id ${id}` },
  };
  await serve(req, res, answer);
  return true;
}

/** Starts a scripted server on 127.0.0.1 with a random port; `prefix` defaults to "/". */
export async function startScriptedServer({ prefix = '/' } = {}) {
  const store = createScriptStore();
  const server = createServer((req, res) => {
    // One connection per request: scripted answers reset and truncate connections, and a client that
    // reused a kept-alive one the server had just closed would fail with ECONNRESET, not the case's answer.
    res.shouldKeepAlive = false;
    handleScripted(store, req, res, prefix)
      .then((handled) => {
        if (!handled) sendJson(res, 404, { title: 'Outside the scripted prefix' });
      })
      .catch(() => req.socket.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    store,
    close() {
      // Hanging answers never end on their own.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(req, res, answer) {
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  if (answer.reset === 'headers') return void req.socket.destroy();
  if (answer.hang === 'headers') return;
  const payload = Buffer.from(answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? ''), 'utf8');
  const headers = { 'Cache-Control': 'no-store', 'Content-Length': String(payload.length) };
  const contentType = answer.contentType ?? (answer.json !== undefined ? 'application/json' : undefined);
  if (contentType) headers['Content-Type'] = contentType;
  Object.assign(headers, answer.headers);
  res.writeHead(answer.status ?? 200, headers);
  if (answer.hang === 'body' || answer.reset === 'body') {
    // Half the promised bytes, then silence or a dropped connection.
    res.write(payload.subarray(0, Math.floor(payload.length / 2)));
    if (answer.reset === 'body') setTimeout(() => req.socket.destroy(), 10);
    return;
  }
  res.end(payload);
}

function sendJson(res, status, data) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(data));
}

function readAll(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
