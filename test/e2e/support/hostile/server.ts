/**
 * The hostile host page's server: the page with a strict Content-Security-Policy header, its own
 * stylesheet and script, the built bundle and the files it loads on demand, and a small REST
 * backend whose proposals hold markup and script in every text field. The proposals are listed with
 * the domain's own query, as the reference server lists them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { queryProposals } from '../../../../src/domain/proposal-query/index.js';
import type { Proposal, ProposalQuery, Round } from '../../../../src/domain/types.js';

export const CSP = "script-src 'self'; style-src 'self'";

const here = import.meta.dirname;
const dist = resolve(here, '../../../../dist');

const trap = (where: string) => `<img src=x onerror="window.pwned='${where}'">`;
const script = (where: string) => `<script>window.pwned='${where}'</script>`;

const round: Round = {
  id: 'hostile-round',
  title: `Neighbourhood fund ${script('round')}`,
  description: 'A round whose data tries everything.',
  budget: 10_000_000,
  currency: 'GBP',
  opensAt: null,
  closesAt: null,
  status: 'open',
  rules: { kind: 'approval', maxLength: 3 },
  areas: [`Ashcombe ${trap('area option')}`, 'Canal Wharf'],
  categories: [`Play ${script('category option')}`, 'Green spaces'],
};

function proposal(id: string, fields: Partial<Proposal>): Proposal {
  return { id, roundId: round.id, title: id, summary: '', cost: 1_000_000, area: 'Canal Wharf', categories: ['Green spaces'], status: 'shortlisted', supporters: 12, ...fields };
}

export const proposals: Proposal[] = [
  proposal('h-title', { title: `${trap('title')}Benches for the green`, summary: `${script('summary')}Ten benches where people wait.`, area: round.areas![0] }),
  proposal('h-summary', { title: `Play area ${script('title')}`, summary: `Safe surfacing ${trap('summary')}`, categories: [round.categories![0]!] }),
  proposal('h-described', {
    title: 'Wildflower verges',
    summary: 'Native wildflowers on four verges.',
    descriptionFormat: 'html',
    description:
      `<p>Sown by <strong>volunteers</strong>.</p>${trap('description')}${script('description')}` +
      `<a href="javascript:window.pwned='link'">a trap</a> <a href="https://fernwick.example/verges">the plan</a>` +
      `<style>p { display: none }</style><form action="/steal"><input name="x"></form><p style="color:red" onclick="window.pwned='handler'">Styled</p>`,
  }),
  proposal('h-plain', { title: 'Tree pits', summary: 'Room to grow.', description: `Plain text ${script('plain description')} stays text.`, descriptionFormat: 'text' }),
  ...Array.from({ length: 8 }, (_, i) => proposal(`h-more-${i}`, { title: `Street idea ${i + 1}`, summary: `${trap(`more ${i}`)} An ordinary idea.` })),
];

function listQuery(search: URLSearchParams): ProposalQuery {
  const number = (name: string) => (search.has(name) ? Number(search.get(name)) : undefined);
  return {
    area: search.get('area') ?? undefined,
    category: search.get('category') ?? undefined,
    q: search.get('q') ?? undefined,
    sort: (search.get('sort') as ProposalQuery['sort']) ?? undefined,
    seed: number('seed'),
    page: number('page'),
    pageSize: number('pageSize'),
  };
}

/** Serves the page; `requests` lists every path asked for, in order. */
export class HostileHost {
  readonly requests: string[] = [];
  private server?: Server;

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', join(here, 'index.html')],
      '/host.css': ['text/css', join(here, 'host.css')],
      '/host-page.js': ['text/javascript', join(here, 'host-page.js')],
      '/civic-widgets.js': ['text/javascript', join(dist, 'civic-widgets.js')],
      // The modules the loader fetches beside itself.
      ...Object.fromEntries(
        readdirSync(join(dist, 'civic-widgets'))
          .filter((name) => name.endsWith('.js'))
          .map((name): [string, [string, string]] => [`/civic-widgets/${name}`, ['text/javascript', join(dist, 'civic-widgets', name)]]),
      ),
    };
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://host.invalid');
      this.requests.push(url.pathname);
      const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const file = files[url.pathname];
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
      } else if (file) {
        response.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'content-security-policy': CSP }).end(readFileSync(file[1]));
      } else if (url.pathname === `/api/rounds/${round.id}`) {
        json(200, round);
      } else if (url.pathname === `/api/rounds/${round.id}/proposals`) {
        json(200, queryProposals(proposals, listQuery(url.searchParams), 1));
      } else if (url.pathname.startsWith('/api/proposals/')) {
        const found = proposals.find((p) => p.id === decodeURIComponent(url.pathname.slice('/api/proposals/'.length)));
        json(found ? 200 : 404, found ?? { title: 'Not found', status: 404 });
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
