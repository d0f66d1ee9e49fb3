/**
 * Ways to break a valid response body so that, by the contract (types.ts, docs/openapi.yaml), it is
 * certainly invalid, each with the path the client's error must name.
 */
import type { Random } from '../../support/prng.js';
import { ENUMS, FREE_NUMBERS, NULLABLE, requiredKeys } from './responses.js';

/** A broken body and what the `invalid-response` must say about it. */
export interface Mutation {
  kind: string;
  body: string;
  /** The exact `field` expected (`undefined`: the body as a whole), or `under` when only a prefix is known. */
  field: string | undefined;
  /** The error may name this path or any path under it (an array given where an object belongs). */
  under?: boolean;
  /** The shape is valid and the REST client accepts it; the named check refuses it, naming `field`. */
  refusedBy?: 'simulation setup';
}

type Path = Array<string | number>;
interface Node {
  path: Path;
  parent: Record<string | number, unknown> | undefined;
  key: string | number | undefined;
  value: unknown;
}

const INFINITY = '__JSON_INFINITY__';
/** Bodies larger than this are refused whole by the client (src/client/rest/body.ts). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** `items[3].cost`, the way the client names a path. */
export function formatPath(path: Path): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function nodes(root: unknown): Node[] {
  const all: Node[] = [];
  const visit = (value: unknown, path: Path, parent: Node['parent'], key: Node['key']) => {
    all.push({ path, parent, key, value });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], value as never, i));
    else if (value !== null && typeof value === 'object') {
      for (const [k, item] of Object.entries(value)) visit(item, [...path, k], value as never, k);
    }
  };
  visit(root, [], undefined, undefined);
  return all;
}

function serialise(body: unknown): string {
  return JSON.stringify(body).replaceAll(`"${INFINITY}"`, '1e400');
}

function set(node: Node, value: unknown) {
  node.parent![node.key!] = value;
}

function otherType(rng: Random, value: unknown): unknown {
  if (typeof value === 'string') return rng.pick([42, true, {}, []]);
  if (typeof value === 'number') return rng.pick(['12', false, {}, []]);
  if (typeof value === 'boolean') return rng.pick(['true', 1, {}, []]);
  if (Array.isArray(value)) return rng.pick(['list', 3, true, {}]);
  return rng.pick(['object', 3, false, []]);
}

type Breaker = (rng: Random, body: unknown, all: Node[]) => Mutation | undefined;

const breakers: Record<string, Breaker> = {
  'wrong type': (rng, body, all) => {
    const node = rng.pick(all.filter((n) => n.value !== null));
    const replacement = otherType(rng, node.value);
    const whole = node.parent === undefined;
    const mutated = whole ? replacement : (set(node, replacement), body);
    // An array where an object belongs is read as an object without its keys: the error is under it.
    const under = whole || Array.isArray(replacement);
    return { kind: 'wrong type', body: serialise(mutated), field: formatPath(node.path), under };
  },
  'null where not nullable': (rng, body, all) => {
    // Optional members may be null (read as absent); a required member or an array item may not.
    const required = (n: Node) =>
      Array.isArray(n.parent) || (typeof n.key === 'string' && !NULLABLE.has(n.key) && requiredKeys(n.parent!).includes(n.key));
    const candidates = all.filter((n) => n.parent !== undefined && n.value !== null && required(n));
    if (candidates.length === 0) return undefined;
    const node = rng.pick(candidates);
    set(node, null);
    return { kind: 'null where not nullable', body: serialise(body), field: formatPath(node.path) };
  },
  'missing required field': (rng, body, all) => {
    const candidates = all.flatMap((n) =>
      n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)
        ? requiredKeys(n.value).filter((k) => k in (n.value as object)).map((key) => ({ node: n, key }))
        : [],
    );
    if (candidates.length === 0) return undefined;
    const { node, key } = rng.pick(candidates);
    delete (node.value as Record<string, unknown>)[key];
    return { kind: 'missing required field', body: serialise(body), field: formatPath([...node.path, key]) };
  },
  'huge string': (rng, body, all) => {
    const candidates = all.filter((n) => typeof n.value === 'string');
    if (candidates.length === 0) return undefined;
    const node = rng.pick(candidates);
    // Multi-byte text can push the whole body past the client's size limit: then no field is named.
    // Mostly just over every limit (1 MB), sometimes a 5 MB title, to keep the run short.
    const size = rng.chance(0.8) ? rng.int(1_050_000, 2_000_000) : rng.int(2_000_000, 5_300_000);
    const huge = rng.chance(0.85) ? 'x'.repeat(size) : 'ł🌳'.repeat(Math.floor(size / 2.5));
    set(node, huge);
    const text = serialise(body);
    const tooLarge = Buffer.byteLength(text) > MAX_BODY_BYTES;
    return { kind: tooLarge ? 'body over the size limit' : 'huge string', body: text, field: tooLarge ? undefined : formatPath(node.path) };
  },
  'money or count that is not a safe whole number': (rng, body, all) => {
    const candidates = all.filter((n) => typeof n.value === 'number');
    if (candidates.length === 0) return undefined;
    const node = rng.pick(candidates);
    const free = typeof node.key === 'string' && FREE_NUMBERS.has(node.key);
    set(node, free ? INFINITY : rng.pick([1.5, -1, 2 ** 53 + 2, INFINITY]));
    return { kind: 'money or count that is not a safe whole number', body: serialise(body), field: formatPath(node.path) };
  },
  'value outside its list': (rng, body, all) => {
    const candidates = all.filter((n) => typeof n.key === 'string' && ENUMS.has(n.key) && typeof n.value === 'string');
    if (candidates.length === 0) return undefined;
    const node = rng.pick(candidates);
    set(node, `bogus-${rng.int(0, 1e6)}`);
    return { kind: 'value outside its list', body: serialise(body), field: formatPath(node.path) };
  },
  'malformed currency, date, URL or id': (rng, body, all) => {
    const formats: Record<string, readonly string[]> = {
      currency: ['gbp', '£', 'POUNDS', ''],
      opensAt: ['yesterday', '01/05/2024', '', '2024-05-01 at noon'],
      closesAt: ['tomorrow', '5 May 2024'],
      receivedAt: ['now', '1714550400'],
      imageUrl: ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>'],
      url: ['javascript:alert(document.cookie)', 'vbscript:msgbox', 'data:image/png;base64,AAAA'],
      id: [''],
      roundId: [''],
    };
    const candidates = all.filter((n) => typeof n.key === 'string' && n.key in formats);
    if (candidates.length === 0) return undefined;
    const node = rng.pick(candidates);
    set(node, rng.pick(formats[node.key as string]!));
    return { kind: 'malformed currency, date, URL or id', body: serialise(body), field: formatPath(node.path) };
  },
  'fields that contradict each other': (rng, body, all) => {
    const lines = all.filter((n) => n.path.at(-2) === 'lines');
    const choices = all.filter((n) => n.path.at(-2) === 'questions' && ['choice', 'multi-choice'].includes((n.value as { kind: string }).kind));
    if (lines.length > 0 && (choices.length === 0 || rng.chance(0.6))) {
      const node = rng.pick(lines);
      const line = node.value as { min: number; max: number; baseline: number; step: number; unit: string };
      const how = rng.int(0, line.unit === 'currency' ? 2 : 1);
      if (how === 0) line.min = line.max + 1;
      else if (how === 1) line.baseline = line.max + line.step;
      else line.baseline = line.min + 0.5;
      const field = formatPath([...node.path, how === 0 ? 'min' : 'baseline']);
      return { kind: 'fields that contradict each other', body: serialise(body), field, refusedBy: 'simulation setup' };
    }
    if (choices.length === 0) return undefined;
    const node = rng.pick(choices);
    (node.value as { options: unknown[] }).options = [];
    return { kind: 'fields that contradict each other', body: serialise(body), field: formatPath([...node.path, 'options']) };
  },
  'not an object at all': (rng) => ({
    kind: 'not an object at all',
    body: rng.pick(['[]', '"round"', '42', 'null', 'true', '[{"id":"x"}]']),
    field: undefined,
    under: true,
  }),
};

/** Breaks `body` (mutating it) in one randomly chosen way that applies to it. */
export function breakBody(rng: Random, body: object): Mutation {
  const kinds = Object.keys(breakers);
  for (;;) {
    const mutation = breakers[rng.pick(kinds)]!(rng, body, nodes(body));
    if (mutation) return mutation;
  }
}
