/**
 * Valid responses of every route of the REST contract, built from real pabulib project texts and
 * ids, for the fuzz test to serve as they are (they must parse) or to break (they must not).
 * Every generated object is tagged with its shape, so a mutation knows which keys types.ts requires.
 */
import { readFileSync } from 'node:fs';
import type { Random } from '../../support/prng.js';

/** Verbatim project texts from real pabulib elections (test/fixtures/texts). */
const TEXTS: Array<{ project_id: string; text: string }> = JSON.parse(
  readFileSync(new URL('../../fixtures/texts/pabulib_messy_project_texts.json', import.meta.url), 'utf8'),
);

/** The object shapes of the contract. */
export type Shape =
  | 'round' | 'rules' | 'proposal' | 'page' | 'receipt' | 'submission-receipt' | 'results' | 'winner' | 'tally'
  | 'simulation' | 'line' | 'impact' | 'form' | 'question' | 'option';

/** The keys types.ts requires in each shape (`rules` adds its kind's own, below). */
export const REQUIRED: Record<Shape, readonly string[]> = {
  round: ['id', 'title', 'description', 'budget', 'currency', 'opensAt', 'closesAt', 'status', 'rules'],
  rules: ['kind'],
  proposal: ['id', 'title', 'summary', 'cost', 'categories', 'status'],
  page: ['items', 'total', 'page', 'pageSize'],
  receipt: ['id', 'roundId', 'receivedAt'],
  'submission-receipt': ['id', 'receivedAt'],
  results: ['roundId', 'rule', 'budget', 'spent', 'winners', 'proposals'],
  winner: ['id', 'title', 'cost', 'votes'],
  tally: ['id', 'votes', 'selected'],
  simulation: ['id', 'title', 'description', 'currency', 'lines'],
  line: ['id', 'label', 'kind', 'baseline', 'min', 'max', 'step', 'unit', 'locked', 'impacts'],
  impact: ['from', 'text'],
  form: ['id', 'title', 'questions'],
  question: ['id', 'kind', 'label', 'required'],
  option: ['value', 'label'],
};
const RULES_REQUIRED: Record<string, readonly string[]> = { cumulative: ['maxSumPoints'], 'yes-no': ['allowAbstain'] };

/** Keys types.ts lets be `null`. */
export const NULLABLE = new Set(['opensAt', 'closesAt', 'area', 'imageUrl', 'imageAlt', 'supporters', 'url']);
/** Keys whose value is one of a fixed list of strings. */
export const ENUMS = new Set(['status', 'kind', 'rule', 'unit', 'descriptionFormat', 'voterIdentity']);
/** Numbers that may be fractional or negative (simulation lines); only a non-finite one is invalid. */
export const FREE_NUMBERS = new Set(['baseline', 'min', 'max', 'step', 'from']);

const shapes = new WeakMap<object, Shape>();

/** The shape a generated object was tagged with. */
export function shapeOf(value: object): Shape | undefined {
  return shapes.get(value);
}

/** The keys the object's shape requires. */
export function requiredKeys(value: object): readonly string[] {
  const shape = shapes.get(value);
  if (!shape) return [];
  const kind = (value as { kind?: unknown }).kind;
  return shape === 'rules' && typeof kind === 'string' ? [...REQUIRED.rules, ...(RULES_REQUIRED[kind] ?? [])] : REQUIRED[shape];
}

function tag<T extends object>(shape: Shape, value: T): T {
  shapes.set(value, shape);
  return value;
}

/** Optional members appear or not at random, so both cases are exercised. */
function maybe<T>(rng: Random, make: () => T): T | undefined {
  return rng.chance(0.5) ? make() : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

const realText = (rng: Random) => rng.pick(TEXTS).text;
const realId = (rng: Random) => rng.pick(TEXTS).project_id;
const isoDate = (rng: Random) =>
  rng.pick(['2024-05-01', '2024-05-01T09:00:00Z', '2025-11-30T23:59:59.999+01:00', `20${rng.int(20, 30)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}T12:00:00Z`]);
const money = (rng: Random) => rng.pick([0, rng.int(1, 99), rng.int(100, 10_000_000), 21_600_000_000]);
const count = (rng: Random) => rng.int(0, 5000);

function rules(rng: Random): object {
  switch (rng.int(0, 4)) {
    case 0:
      return tag('rules', withoutUndefined({ kind: 'approval', minLength: maybe(rng, () => 1), maxLength: maybe(rng, () => rng.int(1, 10)), maxSumCost: maybe(rng, () => money(rng)) }));
    case 1:
      return tag('rules', withoutUndefined({ kind: 'cumulative', maxPoints: maybe(rng, () => rng.int(1, 10)), maxSumPoints: rng.int(1, 20) }));
    case 2:
      return tag('rules', { kind: 'ordinal', minLength: 3, maxLength: 3 });
    case 3:
      return tag('rules', { kind: 'choose-1' });
    default:
      return tag('rules', { kind: 'yes-no', allowAbstain: rng.chance(0.5) });
  }
}

function round(rng: Random): object {
  return tag('round', withoutUndefined({
    id: realId(rng),
    title: realText(rng),
    description: realText(rng),
    budget: money(rng),
    currency: rng.pick(['GBP', 'PLN', 'HUF', 'EUR']),
    opensAt: rng.chance(0.3) ? null : isoDate(rng),
    closesAt: rng.chance(0.3) ? null : isoDate(rng),
    status: rng.pick(['upcoming', 'open', 'closed']),
    rules: rules(rng),
    voterIdentity: maybe(rng, () => rng.pick(['open', 'code', 'token'])),
    areas: maybe(rng, () => [realText(rng), realText(rng)]),
    categories: maybe(rng, () => [realText(rng)]),
  }));
}

function proposal(rng: Random): object {
  return tag('proposal', withoutUndefined({
    id: realId(rng),
    roundId: maybe(rng, () => realId(rng)),
    title: realText(rng),
    summary: realText(rng),
    description: maybe(rng, () => realText(rng)),
    descriptionFormat: maybe(rng, () => rng.pick(['text', 'html'])),
    cost: money(rng),
    area: maybe(rng, () => (rng.chance(0.3) ? null : realText(rng))),
    categories: Array.from({ length: rng.int(0, 3) }, () => realText(rng)),
    imageUrl: maybe(rng, () => rng.pick([null, '/images/park.jpg', 'https://example.org/a.png', 'data:image/png;base64,iVBORw0K'])),
    imageAlt: maybe(rng, () => (rng.chance(0.3) ? null : realText(rng))),
    status: rng.pick(['proposed', 'shortlisted', 'funded', 'not-funded', 'withdrawn', 'delivered']),
    supporters: maybe(rng, () => (rng.chance(0.3) ? null : count(rng))),
    url: maybe(rng, () => rng.pick([null, 'https://example.org/p/1', '/proposals/1'])),
  }));
}

function page(rng: Random): object {
  const pageSize = rng.int(1, 12);
  return tag('page', { items: Array.from({ length: rng.int(0, pageSize) }, () => proposal(rng)), total: count(rng), page: rng.int(1, 9), pageSize });
}

function results(rng: Random): object {
  const winners = Array.from({ length: rng.int(0, 6) }, () => tag('winner', { id: realId(rng), title: realText(rng), cost: money(rng), votes: count(rng) }));
  const proposals = Array.from({ length: rng.int(0, 8) }, () => tag('tally', { id: realId(rng), votes: count(rng), selected: rng.chance(0.5) }));
  return tag('results', { roundId: realId(rng), rule: rng.pick(['greedy', 'equal-shares']), budget: money(rng), spent: money(rng), winners, proposals });
}

function line(rng: Random): object {
  const percent = rng.chance(0.4);
  // `|| 0`: JSON has no negative zero, so -0 would not survive the round trip.
  const min = percent ? -rng.int(0, 10) / 2 || 0 : rng.int(0, 1_000_000);
  const max = min + (percent ? rng.int(1, 20) / 2 : rng.int(1, 5_000_000));
  return tag('line', withoutUndefined({
    id: realId(rng),
    label: realText(rng),
    description: maybe(rng, () => realText(rng)),
    kind: rng.pick(['spending', 'revenue']),
    baseline: min,
    min,
    max,
    step: percent ? 0.5 : 100,
    unit: percent ? 'percent' : 'currency',
    amountPerPercent: percent ? money(rng) : undefined,
    locked: rng.chance(0.2),
    impacts: Array.from({ length: rng.int(0, 3) }, () => tag('impact', { from: min, text: realText(rng) })),
  }));
}

function simulation(rng: Random): object {
  // Line ids are unique within a simulation: values are keyed by them.
  const lines = Array.from({ length: rng.int(1, 5) }, (_, i) => ({ ...line(rng), id: `${realId(rng)}-${i}` }));
  return tag('simulation', { id: realId(rng), title: realText(rng), description: realText(rng), currency: 'GBP', lines: lines.map((item) => tag('line', item)) });
}

function question(rng: Random): object {
  const kind = rng.pick(['rating', 'text', 'choice', 'multi-choice', 'consent', 'email', 'postcode']);
  const choice = kind === 'choice' || kind === 'multi-choice';
  return tag('question', withoutUndefined({
    id: realId(rng),
    kind,
    label: realText(rng),
    hint: maybe(rng, () => realText(rng)),
    required: rng.chance(0.5),
    maxLength: kind === 'text' ? rng.int(1, 2000) : undefined,
    multiline: kind === 'text' ? maybe(rng, () => rng.chance(0.5)) : undefined,
    options: choice ? Array.from({ length: rng.int(1, 4) }, () => tag('option', { value: realId(rng), label: realText(rng) })) : undefined,
  }));
}

function form(rng: Random): object {
  return tag('form', withoutUndefined({ id: realId(rng), title: realText(rng), description: maybe(rng, () => realText(rng)), questions: uniqueIds(Array.from({ length: rng.int(0, 5) }, () => question(rng))) }));
}

/** Question ids are unique in a form (the schema refuses a form that repeats one); real ids repeat by chance. */
function uniqueIds(questions: object[]): object[] {
  const seen = new Set<string>();
  for (const question of questions as Array<{ id: string }>) {
    while (seen.has(question.id)) question.id += '-2';
    seen.add(question.id);
  }
  return questions;
}

/** A valid response body for each client method. */
export const VALID_RESPONSE: Record<string, (rng: Random) => object> = {
  getRound: round,
  listProposals: page,
  getProposal: proposal,
  submitBallot: (rng) => tag('receipt', { id: realId(rng), roundId: realId(rng), receivedAt: isoDate(rng) }),
  getReceipt: (rng) => tag('receipt', { id: realId(rng), roundId: realId(rng), receivedAt: isoDate(rng) }),
  getResults: results,
  getSimulation: simulation,
  submitSimulation: (rng) => tag('submission-receipt', { id: realId(rng), receivedAt: isoDate(rng) }),
  getForm: form,
  submitFeedback: (rng) => tag('submission-receipt', { id: realId(rng), receivedAt: isoDate(rng) }),
};
