import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CivicError } from '../../src/client/client.js';
import { ProposalSchema, RoundSchema, SimulationSchema, parseResponse } from '../../src/client/rest/schemas.js';
import { councilBudget } from '../../src/memory/seed/simulation-council.js';
import { isSafeUrl } from '../../src/domain/safe-url.js';

const proposal = {
  id: 'p1', title: 'Benches', summary: 'Six benches', cost: 120000, categories: [], status: 'shortlisted',
};

test('a backend that writes null for every optional field is understood, and the nulls read as absent', () => {
  const parsed = parseResponse(ProposalSchema, { ...proposal, roundId: null, description: null, descriptionFormat: null }, 'proposal');
  assert.equal('description' in parsed && parsed.description !== undefined, false);
  assert.equal(parsed.roundId, undefined);
  const round = parseResponse(
    RoundSchema,
    { id: 'r', title: 'R', description: '', budget: 1, currency: 'GBP', opensAt: null, closesAt: null, status: 'open', rules: { kind: 'approval', maxLength: null }, voterIdentity: null, areas: null },
    'round',
  );
  assert.deepEqual(round.rules, { kind: 'approval', maxLength: undefined });
  assert.equal(round.areas, undefined);
});

test('null where a value is required is still refused, naming the field', () => {
  assert.throws(
    () => parseResponse(ProposalSchema, { ...proposal, cost: null }, 'proposal'),
    (error: unknown) => error instanceof CivicError && error.code === 'invalid-response' && error.field === 'cost',
  );
});

test('one URL policy: a mailto: link is accepted over REST as the card shows it, a script URL is refused', () => {
  const parsed = parseResponse(ProposalSchema, { ...proposal, url: 'mailto:ward3@fernwick.gov.uk' }, 'proposal');
  assert.equal(parsed.url, 'mailto:ward3@fernwick.gov.uk');
  assert.equal(isSafeUrl('mailto:ward3@fernwick.gov.uk'), true);
  for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x']) {
    assert.equal(isSafeUrl(url), false, url);
    assert.throws(() => parseResponse(ProposalSchema, { ...proposal, url }, 'proposal'), (error: unknown) => error instanceof CivicError && error.field === 'url', url);
  }
  // A picture may be data:image/, a link may not; a picture may not be mailto:.
  assert.equal(isSafeUrl('data:image/png;base64,AAAA', { image: true }), true);
  assert.equal(isSafeUrl('data:image/png;base64,AAAA'), false);
  assert.equal(isSafeUrl('mailto:a@b.c', { image: true }), false);
});

const oldSimulation = {
  id: 's1', title: 'Budget', description: '', currency: 'GBP',
  lines: [{ id: 'parks', label: 'Parks', kind: 'spending', baseline: 500, min: 0, max: 1000, step: 100, unit: 'currency', locked: false, impacts: [] }],
};

test('a simulation from before modes, groups and council tax parses as it was, with nothing added', () => {
  const parsed = parseResponse(SimulationSchema, oldSimulation, 'simulation s1');
  assert.equal(parsed.mode, undefined);
  assert.equal(parsed.groups, undefined);
  assert.equal(parsed.lines[0]!.group, undefined);
});

test('a council’s whole simulation parses: groups, balance mode, council tax with its cap and reason', () => {
  const council = councilBudget();
  const parsed = parseResponse(SimulationSchema, JSON.parse(JSON.stringify(council)), 'simulation');
  assert.deepEqual(parsed, council);
});

test('a simulation whose shape is wrong is refused, naming where (what the shape cannot say, the simulator checks)', () => {
  const refused = (body: unknown, field: string, message: RegExp) =>
    assert.throws(
      () => parseResponse(SimulationSchema, body, 'simulation s1'),
      (error: unknown) => error instanceof CivicError && error.code === 'invalid-response' && error.field === field && message.test(error.message),
    );
  refused({ ...oldSimulation, mode: 'everything' }, 'mode', /Invalid/);
});
