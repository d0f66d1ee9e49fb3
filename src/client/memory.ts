/**
 * An in-browser backend: a complete `CivicClient` with the semantics the reference server has,
 * for demos, Storybook, tests and offline kiosks. Optionally kept in localStorage across reloads.
 *
 * One deliberate difference from the `CivicClient` contract: when a caller's `signal` aborts, a
 * call rejects with a DOM `AbortError` (a `DOMException` named `AbortError`), as `fetch` does,
 * not with a `CivicError`. Aborting is the caller's own choice, not a failure to report, and code
 * that checks `error.name === 'AbortError'` (the convention fetch and @lit/task users share)
 * then treats every client alike. An aborted submission is never stored.
 */
import * as v from 'valibot';
import { CivicError, type CivicClient, type FieldError, type SubmitOptions } from './client.js';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from './ids.js';
import { defaultSeed, type MemorySeed } from './memory-seed.js';
import { currencyMinorDigits } from './money.js';
import {
  chosenIds,
  describeFeedbackProblem,
  describeProblem,
  describeSimulationProblem,
  validateBallot,
  validateFeedback,
  validateSelections,
  validateSimulation,
  type BallotProblem,
  type FeedbackProblem,
  type SimulationProblem,
} from './rules.js';
import { tally, type TallyBallot, type TallyOutcome } from './tally.js';
import type {
  Ballot,
  MinorUnits,
  Proposal,
  ProposalPage,
  ProposalQuery,
  ProposalSort,
  Receipt,
  Results,
  Round,
  RoundStatus,
  SubmissionReceipt,
  TallyRule,
} from './types.js';

export type { MemorySeed, MemoryRoundSeed } from './memory-seed.js';
export { defaultSeed } from './memory-seed.js';

/** How `createMemoryClient` behaves. */
export interface MemoryClientOptions {
  /** Keep ballots, receipts, submissions and used codes in localStorage: `true` under `DEFAULT_STORAGE_KEY`, or under the key given. */
  persist?: boolean | string;
  /** The clock that opens and closes rounds and stamps receipts. */
  now?: () => Date;
  /** Delay every answer by this many milliseconds, to show loading states. */
  latencyMs?: number;
  /** Fixes the order of `sort: 'random'`; by default each client picks its own, stable for its lifetime. */
  randomSeed?: number;
}

/** The localStorage key used by `persist: true`. */
export const DEFAULT_STORAGE_KEY = 'civic-widgets:memory';
/** Proposals per page when the query gives no `pageSize`. */
export const DEFAULT_PAGE_SIZE = 12;
/** The largest `pageSize` a query may ask for. */
export const MAX_PAGE_SIZE = 100;

const SORTS: readonly ProposalSort[] = ['title', 'cost-asc', 'cost-desc', 'supporters', 'random'];
const RULES: readonly TallyRule[] = ['greedy', 'equal-shares'];

/**
 * A complete in-browser `CivicClient` over `seed` (the Fernwick demo by default).
 * Throws a `TypeError` naming the problem when the seed is inconsistent (a duplicate id, a seeded
 * ballot its round's rules refuse).
 */
export function createMemoryClient(seed?: MemorySeed, options: MemoryClientOptions = {}): CivicClient {
  const now = options.now ?? (() => new Date());
  const data = indexSeed(structuredClone(seed ?? defaultSeed(now())));
  const store = createStore(options.persist);
  const randomSeed = options.randomSeed ?? Math.floor(Math.random() * 2 ** 32);

  /** Every answer goes through here: async, optionally delayed, abortable, deep-copied. */
  async function answer<T>(signal: AbortSignal | undefined, work: () => T): Promise<T> {
    throwIfAborted(signal);
    await delay(options.latencyMs ?? 0, signal);
    return structuredClone(work());
  }

  function roundOf(roundId: string): RoundEntry {
    const entry = data.rounds.get(roundId);
    if (!entry) throw new CivicError('not-found', `No round "${roundId}"`, { status: 404 });
    return entry;
  }

  function withStatus(round: Round): Round {
    return { ...round, status: effectiveStatus(round, now()) };
  }

  /**
   * Runs a submission exactly once per idempotency key: the same key and body answer the stored
   * receipt again, the same key with another body is a conflict. `accept` validates and returns
   * the change to store, which is saved before the receipt is given.
   */
  function submitOnce<R extends Receipt | SubmissionReceipt>(
    kind: string,
    body: unknown,
    submitOptions: SubmitOptions,
    accept: (state: MemoryState, receivedAt: string) => { receipt: R; record: (state: MemoryState) => void },
  ): R {
    const key = submitOptions.idempotencyKey ?? newIdempotencyKey();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw validationError('The idempotency key must be 1 to 255 visible ASCII characters', [
        { field: 'idempotencyKey', code: 'malformed', detail: 'Use 1 to 255 visible ASCII characters, such as a UUID' },
      ]);
    }
    const fingerprint = canonicalJson({ kind, body });
    const state = store.load();
    const previous = state.idempotency[key];
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new CivicError('conflict', `Idempotency key "${key}" was already used for a different submission`, { status: 409 });
      }
      return previous.receipt as R;
    }
    const { receipt, record } = accept(state, now().toISOString());
    store.save(state, (draft) => {
      record(draft);
      draft.idempotency[key] = { fingerprint, receipt };
    });
    return receipt;
  }

  return {
    getRound: (roundId, { signal } = {}) => answer(signal, () => withStatus(roundOf(roundId).round)),

    listProposals: (roundId, query = {}, { signal } = {}) =>
      answer(signal, () => queryProposals(roundOf(roundId).proposals, query, randomSeed)),

    getProposal: (proposalId, { signal } = {}) =>
      answer(signal, () => {
        const proposal = data.proposals.get(proposalId);
        if (!proposal) throw new CivicError('not-found', `No proposal "${proposalId}"`, { status: 404 });
        return proposal;
      }),

    submitBallot: (input, submitOptions = {}) =>
      answer(submitOptions.signal, () => {
        const ballot = ownCopy(input, 'ballot');
        const roundId: unknown = ballot?.roundId;
        if (typeof roundId !== 'string') throw malformed('roundId', 'the id of the round voted in');
        const entry = roundOf(roundId);
        return submitOnce('ballot', ballot, submitOptions, (state, receivedAt) => {
          const status = effectiveStatus(entry.round, now());
          if (status !== 'open') {
            throw new CivicError('closed', `Round "${roundId}" is ${status === 'upcoming' ? 'not open yet' : 'closed'}`, { status: 409 });
          }
          const voter = voterKey(entry, ballot);
          const problems = validateBallot(ballot, entry.round.rules, entry.proposals);
          if (problems.length > 0) throw validationError('The ballot breaks the round’s rules', ballotFieldErrors(problems, entry.round.currency));
          if (voter !== null && state.ballots.some((cast) => cast.roundId === roundId && cast.voter === voter)) {
            const who = voter.startsWith('code:') ? 'This voting code has' : 'This voter has';
            throw new CivicError('conflict', `${who} already been used to vote in round "${roundId}"`, { status: 409 });
          }
          const receipt: Receipt = { id: newIdempotencyKey(), roundId, receivedAt };
          return { receipt, record: (draft) => draft.ballots.push({ roundId, voter, selections: ballot.selections, receiptId: receipt.id }) };
        });
      }),

    getResults: (roundId, { signal, rule = 'greedy' } = {}) =>
      answer(signal, () => {
        const entry = roundOf(roundId);
        if (!RULES.includes(rule)) throw malformed('rule', `one of ${RULES.join(', ')}`);
        const cast = store.load().ballots.filter((stored) => stored.roundId === roundId).map((stored) => stored.selections);
        // A stored ballot can predate a change to the seed; counting it would need proposals that are gone.
        const countable = cast.filter((selections) => validateSelections(entry.round.rules, selections, entry.proposals).length === 0);
        if (countable.length < cast.length) {
          console.warn(`civic-widgets: ${cast.length - countable.length} stored ballot(s) of round "${roundId}" no longer fit its rules or proposals and are not counted`);
        }
        return results(entry, [...entry.ballots, ...countable], rule);
      }),

    getSimulation: (simulationId, { signal } = {}) => answer(signal, () => simulationOf(data, simulationId)),

    submitSimulation: (input, submitOptions = {}) =>
      answer(submitOptions.signal, () => {
        const submission = ownCopy(input, 'submission');
        const simulation = simulationOf(data, submission?.simulationId);
        return submitOnce('simulation', submission, submitOptions, (_state, receivedAt) => {
          const problems = validateSimulation(simulation, submission);
          if (problems.length > 0) {
            throw validationError('The budget does not meet the simulation’s rules', simulationFieldErrors(problems, simulation.currency));
          }
          const receipt: SubmissionReceipt = { id: newIdempotencyKey(), receivedAt };
          return { receipt, record: (draft) => draft.submissions.push({ kind: 'simulation', targetId: simulation.id, body: submission, receiptId: receipt.id }) };
        });
      }),

    getForm: (formId, { signal } = {}) => answer(signal, () => formOf(data, formId)),

    submitFeedback: (input, submitOptions = {}) =>
      answer(submitOptions.signal, () => {
        const response = ownCopy(input, 'response');
        const form = formOf(data, response?.formId);
        return submitOnce('feedback', response, submitOptions, (_state, receivedAt) => {
          const fieldErrors = feedbackFieldErrors(validateFeedback(form, response));
          if (response.proposalId !== undefined && !data.proposals.has(response.proposalId)) {
            fieldErrors.push({ field: 'proposalId', code: 'unknown-proposal', detail: `There is no proposal ${response.proposalId}.` });
          }
          if (fieldErrors.length > 0) throw validationError('The answers do not meet the form’s rules', fieldErrors);
          const receipt: SubmissionReceipt = { id: newIdempotencyKey(), receivedAt };
          return { receipt, record: (draft) => draft.submissions.push({ kind: 'feedback', targetId: form.id, body: response, receiptId: receipt.id }) };
        });
      }),
  };
}

/* ---- the seed, indexed ---- */

interface RoundEntry {
  round: Round;
  proposals: Proposal[];
  /** Seeded ballots' selections. */
  ballots: Array<Ballot['selections']>;
  codes: ReadonlySet<string>;
  /** `null`: any non-empty token is accepted. */
  tokens: ReadonlySet<string> | null;
}

interface SeedIndex {
  rounds: Map<string, RoundEntry>;
  proposals: Map<string, Proposal>;
  simulations: Map<string, MemorySeed['simulations'][number]>;
  forms: Map<string, MemorySeed['forms'][number]>;
}

function indexSeed(seed: MemorySeed): SeedIndex {
  const index: SeedIndex = { rounds: new Map(), proposals: new Map(), simulations: new Map(), forms: new Map() };
  for (const { round, proposals, votingCodes, voterTokens, ballots = [] } of seed.rounds) {
    addUnique(index.rounds, round.id, 'round', {
      round,
      proposals: proposals.map((proposal) => ({ ...proposal, roundId: round.id })),
      ballots,
      codes: new Set((votingCodes ?? []).map(normalizeCode)),
      tokens: voterTokens ? new Set(voterTokens) : null,
    });
    for (const proposal of proposals) {
      if (proposal.roundId !== undefined && proposal.roundId !== round.id) {
        throw new TypeError(`Memory seed: proposal "${proposal.id}" says round "${proposal.roundId}" but is listed under round "${round.id}"`);
      }
      addUnique(index.proposals, proposal.id, 'proposal', { ...proposal, roundId: round.id });
    }
    ballots.forEach((selections, i) => {
      const problems = validateSelections(round.rules, selections, proposals);
      if (problems.length > 0) {
        throw new TypeError(`Memory seed: ballot ${i} of round "${round.id}" breaks its rules: ${problems.map((p) => describeProblem(p)).join(' ')}`);
      }
    });
  }
  for (const simulation of seed.simulations) addUnique(index.simulations, simulation.id, 'simulation', simulation);
  for (const form of seed.forms) addUnique(index.forms, form.id, 'form', form);
  return index;
}

function addUnique<T>(map: Map<string, T>, id: string, what: string, value: T): void {
  if (map.has(id)) throw new TypeError(`Memory seed: two ${what}s have the id "${id}"; ids must be unique`);
  map.set(id, value);
}

function simulationOf(data: SeedIndex, simulationId: unknown) {
  const simulation = typeof simulationId === 'string' ? data.simulations.get(simulationId) : undefined;
  if (!simulation) throw new CivicError('not-found', `No simulation "${String(simulationId)}"`, { status: 404 });
  return simulation;
}

function formOf(data: SeedIndex, formId: unknown) {
  const form = typeof formId === 'string' ? data.forms.get(formId) : undefined;
  if (!form) throw new CivicError('not-found', `No form "${String(formId)}"`, { status: 404 });
  return form;
}

/** Dates win over the stored status, so a round opens and closes on time without anyone editing it. */
function effectiveStatus(round: Round, now: Date): RoundStatus {
  const time = now.getTime();
  // `!= null`: a hand-written seed may leave a date out instead of writing null.
  if (round.status === 'closed' || (round.closesAt != null && time >= Date.parse(round.closesAt))) return 'closed';
  if (round.opensAt != null ? time < Date.parse(round.opensAt) : round.status === 'upcoming') return 'upcoming';
  return 'open';
}

/** Residents type codes from a letter: case, spaces and hyphens do not matter. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * Who is voting, as a key for "one ballot per voter per round"; `null` for an anonymous ballot
 * in an open round. Throws `unauthorized` when the round's identity rule is not met.
 */
function voterKey(entry: RoundEntry, ballot: Ballot): string | null {
  const identity = entry.round.voterIdentity ?? 'open';
  const token = typeof ballot.voterToken === 'string' && ballot.voterToken.trim() !== '' ? ballot.voterToken : null;
  const code = typeof ballot.votingCode === 'string' ? normalizeCode(ballot.votingCode) : '';
  const unauthorized = (message: string) => new CivicError('unauthorized', message, { status: 401 });
  if (identity === 'code') {
    if (code === '') throw unauthorized('This round needs a voting code');
    if (!entry.codes.has(code)) throw unauthorized('That voting code is not one of this round’s codes');
    return `code:${code}`;
  }
  if (identity === 'token') {
    if (token === null) throw unauthorized('This round needs a voter token from the host site');
    if (entry.tokens !== null && !entry.tokens.has(token)) throw unauthorized('The voter token was refused');
    return `token:${token}`;
  }
  return token !== null ? `token:${token}` : code !== '' ? `code:${code}` : null;
}

/* ---- listing proposals ---- */

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
// Letters that Unicode does not decompose into a base letter and an accent.
const EXTRA_FOLDS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

/**
 * Text as search compares it: without accents, case, zero-width characters or repeated spaces,
 * so `Łąka` matches `laka` and a title with a no-break space matches a normal one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþ]/g, (letter) => EXTRA_FOLDS[letter]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One page of proposals: filtered by area, category and text (every word of `q` in the title or
 * summary, ignoring case and accents; an empty filter filters nothing), sorted (by title unless
 * asked otherwise) and paged. Throws a `validation` CivicError naming a page, page size or sort
 * out of range. Pure, so a server can answer `GET /rounds/:id/proposals` with it and match.
 * `randomSeed` makes `sort: 'random'` stable across pages.
 */
export function queryProposals(proposals: readonly Proposal[], query: ProposalQuery, randomSeed: number): ProposalPage {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = query.sort ?? 'title';
  if (!Number.isSafeInteger(page) || page < 1) throw malformed('page', 'a whole number from 1');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw malformed('pageSize', `a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (!SORTS.includes(sort)) throw malformed('sort', `one of ${SORTS.join(', ')}`);
  const words = foldForSearch(query.q ?? '').split(' ').filter(Boolean);
  // An empty filter, as a "All wards" option sends, filters nothing.
  const matches = proposals.filter((proposal) => {
    if (query.area && proposal.area !== query.area) return false;
    if (query.category && !proposal.categories.includes(query.category)) return false;
    const text = words.length > 0 ? foldForSearch(`${proposal.title} ${proposal.summary}`) : '';
    return words.every((word) => text.includes(word));
  });
  matches.sort(comparator(sort, randomSeed));
  return { items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize };
}

function comparator(sort: ProposalSort, randomSeed: number): (a: Proposal, b: Proposal) => number {
  const byTitle = (a: Proposal, b: Proposal) => titleCollator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'title':
      return byTitle;
    case 'cost-asc':
      return (a, b) => a.cost - b.cost || byTitle(a, b);
    case 'cost-desc':
      return (a, b) => b.cost - a.cost || byTitle(a, b);
    case 'supporters':
      return (a, b) => (b.supporters ?? 0) - (a.supporters ?? 0) || byTitle(a, b);
    case 'random':
      return (a, b) => shuffleRank(randomSeed, a.id) - shuffleRank(randomSeed, b.id) || byTitle(a, b);
  }
}

/** FNV-1a of the seed and id: a fixed pseudo-random position per proposal for one seed. */
function shuffleRank(seed: number, id: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/* ---- results ---- */

/**
 * The round's outcome by `tally()`. Yes/no ballots count as approvals of the proposals answered
 * yes. Add1 steps by one unit of the round's currency, as equalshares.net does.
 */
function results(entry: RoundEntry, ballots: Array<Ballot['selections']>, rule: TallyRule): Results {
  const { round, proposals } = entry;
  const kind = round.rules.kind;
  const countable = ballots.map((selections) =>
    kind === 'yes-no' ? { kind: 'approval' as const, selections: chosenIds(selections) } : ({ kind, selections } as TallyBallot),
  );
  let outcome: TallyOutcome;
  try {
    outcome = tally(
      { budget: round.budget, projects: proposals.map(({ id, cost }) => ({ id, cost })), ballots: countable },
      { rule, add1Unit: 10 ** (currencyMinorDigits(round.currency) ?? 2) },
    );
  } catch (cause) {
    throw new CivicError('http', `Round "${round.id}" cannot be counted: ${cause instanceof Error ? cause.message : String(cause)}`, { status: 500, cause });
  }
  const titles = new Map(proposals.map((proposal) => [proposal.id, proposal.title]));
  const selected = new Set(outcome.winners.map((winner) => winner.id));
  return {
    roundId: round.id,
    rule: outcome.rule,
    budget: outcome.budget,
    spent: outcome.spent,
    winners: outcome.winners.map(({ id, cost, votes }) => ({ id, title: titles.get(id) ?? id, cost, votes })),
    proposals: proposals.map(({ id }) => ({ id, votes: outcome.votes[id] ?? 0, selected: selected.has(id) })),
  };
}

/* ---- errors, money, timing ---- */

/** Our own copy of a caller's submission, so that changing it later cannot change the store. */
function ownCopy<T>(input: T, what: string): T {
  try {
    return structuredClone(input);
  } catch (cause) {
    throw new CivicError('validation', `The ${what} must be plain data (no functions or DOM objects)`, { status: 422, cause });
  }
}

function ballotFieldErrors(problems: BallotProblem[], currency: string): FieldError[] {
  const money = moneyFormatter(currency);
  return problems.map((problem) => ({
    field: 'proposalId' in problem ? `selections.${problem.proposalId}` : problem.code === 'malformed' ? problem.field : problem.code === 'wrong-kind' ? 'kind' : 'selections',
    code: problem.code,
    detail: describeProblem(problem, money),
  }));
}

function simulationFieldErrors(problems: SimulationProblem[], currency: string): FieldError[] {
  const money = moneyFormatter(currency);
  return problems.map((problem) => ({
    field: 'lineId' in problem ? `values.${problem.lineId}` : problem.code === 'malformed' ? problem.field : 'values',
    code: problem.code,
    detail: describeSimulationProblem(problem, money),
  }));
}

function feedbackFieldErrors(problems: FeedbackProblem[]): FieldError[] {
  return problems.map((problem) => ({
    field: 'questionId' in problem ? `answers.${problem.questionId}` : problem.field,
    code: problem.code,
    detail: describeFeedbackProblem(problem),
  }));
}

function validationError(message: string, fieldErrors: FieldError[]): CivicError {
  return new CivicError('validation', message, { status: 422, detail: fieldErrors.map((error) => error.detail).join(' '), fieldErrors });
}

function malformed(field: string, expected: string): CivicError {
  return validationError(`${field} must be ${expected}`, [{ field, code: 'malformed', detail: `${field} must be ${expected}.` }]);
}

/** Minor units as English money text for error details: 1200000 GBP → `£12,000`. */
function moneyFormatter(currency: string): (amount: MinorUnits) => string {
  const digits = currencyMinorDigits(currency) ?? 2;
  return (amount) => {
    const major = amount / 10 ** digits;
    try {
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: Number.isInteger(major) ? 0 : digits }).format(major);
    } catch {
      return `${major} ${currency}`;
    }
  };
}

/** JSON with object keys sorted, so two equal bodies give the same text whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/* ---- the store: what submissions change, optionally kept in localStorage ---- */

const ReceiptSchema = v.object({ id: v.string(), roundId: v.optional(v.string()), receivedAt: v.string() });
const StateSchema = v.object({
  version: v.literal(1),
  ballots: v.array(
    v.object({
      roundId: v.string(),
      voter: v.nullable(v.string()),
      selections: v.union([v.array(v.string()), v.record(v.string(), v.union([v.number(), v.string()]))]),
      receiptId: v.string(),
    }),
  ),
  submissions: v.array(v.object({ kind: v.picklist(['simulation', 'feedback']), targetId: v.string(), body: v.unknown(), receiptId: v.string() })),
  idempotency: v.record(v.string(), v.object({ fingerprint: v.string(), receipt: ReceiptSchema })),
});

/** Everything submissions add to the seed: ballots (with who cast them), other submissions, and receipts by idempotency key. */
interface MemoryState {
  version: 1;
  ballots: Array<{ roundId: string; voter: string | null; selections: Ballot['selections']; receiptId: string }>;
  submissions: Array<{ kind: 'simulation' | 'feedback'; targetId: string; body: unknown; receiptId: string }>;
  idempotency: Record<string, { fingerprint: string; receipt: Receipt | SubmissionReceipt }>;
}

interface MemoryStore {
  /** The current state; with persistence, re-read from storage so that two tabs share one store. */
  load(): MemoryState;
  /** Applies `change` to a copy of `state` and keeps it, or throws a retryable `CivicError` and keeps nothing. */
  save(state: MemoryState, change: (draft: MemoryState) => void): void;
}

const emptyState = (): MemoryState => ({ version: 1, ballots: [], submissions: [], idempotency: {} });

function createStore(persist: boolean | string | undefined): MemoryStore {
  let current = emptyState();
  const key = persist === true ? DEFAULT_STORAGE_KEY : typeof persist === 'string' && persist !== '' ? persist : null;
  const storage = key === null ? null : localStorageOrNull(key);
  return {
    load() {
      if (storage === null || key === null) return current;
      const text = storage.getItem(key);
      if (text === null) return (current = emptyState());
      const parsed = readState(text);
      if (typeof parsed === 'string') {
        console.warn(`civic-widgets: discarded the unreadable memory store under localStorage key "${key}" (${parsed}); starting again from the seed`);
        storage.removeItem(key);
        return (current = emptyState());
      }
      return (current = parsed);
    },
    save(state, change) {
      const draft = structuredClone(state);
      change(draft);
      if (storage !== null && key !== null) {
        try {
          storage.setItem(key, JSON.stringify(draft));
        } catch (cause) {
          // Nothing is kept, so an outbox may send the same submission again later.
          throw new CivicError('http', 'The browser’s storage is full or unavailable; the submission was not kept', { status: 507, cause });
        }
      }
      current = draft;
    },
  };
}

/** The parsed state, or why it could not be read. */
function readState(text: string): MemoryState | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const result = v.safeParse(StateSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    return `${v.getDotPath(issue) ?? 'the top level'}: ${issue.message}`;
  }
  return result.output as MemoryState;
}

function localStorageOrNull(key: string): Storage | null {
  try {
    const storage = globalThis.localStorage;
    if (storage) return storage;
  } catch {
    // A sandboxed iframe or blocked cookies make even reading `localStorage` throw.
  }
  console.warn(`civic-widgets: localStorage is not available, so the memory store "${key}" will not survive a reload`);
  return null;
}
