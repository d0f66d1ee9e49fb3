/**
 * A tiny real backend for the outbox end-to-end tests: `POST /api/rounds/:id/ballots` with
 * idempotency, as the contract describes it (the same Idempotency-Key is the same ballot and gets
 * the same receipt). It counts every request that arrives and every distinct ballot, so a test can
 * tell "sent twice, counted once" from "counted twice". Given a ballot paper, it also answers
 * `GET /api/rounds/:id` and `GET /api/rounds/:id/proposals` for a page that shows a ballot.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the server. */
export interface Delivery {
  roundId: string;
  key: string;
  body: unknown;
}

/** A round and its proposals, as the contract's JSON. */
export interface BallotPaper {
  round: { id: string } & Record<string, unknown>;
  proposals: Array<Record<string, unknown>>;
}

/** A ballot endpoint that can be stopped (connection refused) and started again on the same port. */
export class BallotServer {
  /** Every POST that arrived, replays included. */
  readonly deliveries: Delivery[] = [];
  private readonly receipts = new Map<string, { id: string; roundId: string; receivedAt: string }>();
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly paper?: BallotPaper) {}

  /** The origin the server listens on, e.g. `http://127.0.0.1:41234`. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** How many different ballots were received: what a tally would count. */
  get distinctBallots(): number {
    return this.receipts.size;
  }

  /** Listens on 127.0.0.1, on the port it had before if it was stopped. */
  async start(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections, so the next request is refused. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'GET' && this.paper) return this.answerPaper(request, response, this.paper);
    const match = /^\/api\/rounds\/([^/?]+)\/ballots(?:\?.*)?$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      return problem(response, 404, 'Not found', `No route for ${request.method} ${request.url}`);
    }
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      return problem(response, 400, 'Idempotency-Key required', 'Every ballot must carry an Idempotency-Key header');
    }
    let body: unknown;
    try {
      body = JSON.parse(await readText(request));
    } catch {
      return problem(response, 400, 'Malformed JSON', 'The ballot body is not valid JSON');
    }
    const roundId = decodeURIComponent(match[1]!);
    this.deliveries.push({ roundId, key, body });
    let receipt = this.receipts.get(key);
    if (!receipt) {
      receipt = { id: `ballot-${this.receipts.size + 1}`, roundId, receivedAt: new Date().toISOString() };
      this.receipts.set(key, receipt);
    }
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify(receipt));
  }

  private answerPaper(request: IncomingMessage, response: ServerResponse, { round, proposals }: BallotPaper): void {
    const url = new URL(request.url ?? '/', this.origin);
    const json = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === `/api/rounds/${round.id}`) return json(round);
    if (url.pathname === `/api/rounds/${round.id}/proposals`) {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 12);
      return json({ items: proposals.slice((page - 1) * pageSize, page * pageSize), total: proposals.length, page, pageSize });
    }
    problem(response, 404, 'Not found', `No route for GET ${url.pathname}`);
  }
}

function problem(response: ServerResponse, status: number, title: string, detail: string): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
