/**
 * An in-browser backend: a complete `CivicClient` with the semantics the reference server has,
 * for demos, Storybook, tests and offline kiosks. Optionally kept in localStorage across reloads.
 *
 * When a caller's `signal` aborts, a call rejects with `CivicError('aborted')`, as the REST client
 * does, and an aborted submission is never stored.
 */
import { CivicError, type CivicClient, type SubmitOptions } from '../client/client.js';
import { canonicalJson } from '../domain/json.js';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from '../client/ids.js';
import { defaultSeed, type MemorySeed } from './seed/index.js';
import { ballotFieldErrors, feedbackFieldErrors, simulationFieldErrors } from '../domain/field-errors.js';
import { malformed, ownCopy, validationError } from './errors.js';
import { delay, throwIfAborted } from './latency.js';
import { proposalQueryProblems, queryProposals } from '../domain/proposal-query/index.js';
import { createMemoryMeetings } from './meeting.js';
import { results } from './results.js';
import { countedPaper, memoryPaperMethods } from './paper.js';
import { effectiveStatus, resultsRuleFor, resultsVisible } from '../domain/rounds.js';
import { formOf, indexSeed, simulationOf, voterKey, type RoundEntry } from './seed-index.js';
import { createStore, DEFAULT_STORAGE_KEY, type MemoryState } from './store.js';
import { validateBallot, validateFeedback, validateSelections, validateSimulation } from '../domain/rules/index.js';
import type { Receipt, Round, SubmissionReceipt } from '../domain/types.js';

export type { MemorySeed, MemoryRoundSeed } from './seed/index.js';
export { defaultSeed } from './seed/index.js';
export { DEFAULT_STORAGE_KEY } from './store.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, foldForSearch, queryProposals } from '../domain/proposal-query/index.js';

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

/**
 * A complete in-browser `CivicClient` over `seed` (the Fernwick demo by default).
 * Throws a `TypeError` naming the problem when the seed is inconsistent (a duplicate id, a seeded
 * ballot its round's rules refuse).
 */
export function createMemoryClient(seed?: MemorySeed, options: MemoryClientOptions = {}): CivicClient {
  const now = options.now ?? (() => new Date());
  const source = structuredClone(seed ?? defaultSeed(now()));
  const data = indexSeed(source);
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
   * receipt again, the same key with another body is refused (422, as the contract says). `accept` validates and returns
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
        // As the contract says: 422, problem type …/idempotency-key-reused.
        throw validationError(`Idempotency key "${key}" was already used for a different submission`, [
          { field: 'Idempotency-Key', code: 'reused', detail: 'This key was already used for a different submission. Send it with a new Idempotency-Key.' },
        ]);
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

  const meetings = createMemoryMeetings({
    roundOf,
    facilitatorCodes: new Map(source.rounds.flatMap(({ round, facilitatorCode }) => (facilitatorCode ? [[round.id, facilitatorCode] as const] : []))),
    ballotsOf: (roundId) => roundOf(roundId).ballots.length + store.load().ballots.filter((cast) => cast.roundId === roundId).length,
    now,
  });

  const persistKey = options.persist === true ? DEFAULT_STORAGE_KEY : options.persist || undefined;
  return {
    // Only a backend kept on the device has submissions worth keeping across reloads.
    id: persistKey === undefined ? undefined : `memory:${persistKey}`,
    getRound: (roundId, { signal } = {}) => answer(signal, () => withStatus(roundOf(roundId).round)),

    listProposals: (roundId, query = {}, { signal } = {}) =>
      answer(signal, () => {
        const problem = proposalQueryProblems(query)[0];
        if (problem) throw malformed(problem.field, problem.expected);
        return queryProposals(roundOf(roundId).proposals, query, randomSeed);
      }),

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
      }).then((receipt) => (meetings.changed(receipt.roundId), receipt)),

    getReceipt: (receiptId, { signal } = {}) =>
      answer(signal, () => {
        const receipt = Object.values(store.load().idempotency).find((stored) => stored.receipt.id === receiptId && 'roundId' in stored.receipt);
        if (!receipt) throw new CivicError('not-found', `No ballot with the receipt "${receiptId}"`, { status: 404 });
        const { id, roundId, receivedAt } = receipt.receipt as Receipt;
        return { id, roundId, receivedAt };
      }),

    getResults: (roundId, { signal, rule } = {}) =>
      answer(signal, () => {
        const entry = roundOf(roundId);
        const chosen = resultsRuleFor(entry.round, rule);
        if ('error' in chosen) throw validationError(`No results by ${String(rule)} for round "${roundId}"`, [chosen.error]);
        // The in-browser backend has no administrators: it shows what residents see.
        const visibility = resultsVisible(entry.round, now(), false);
        if (!visibility.visible) throw new CivicError('unauthorized', `The results of round "${roundId}" are not published yet`, { status: 403, detail: visibility.detail });
        const state = store.load();
        const cast = state.ballots.filter((stored) => stored.roundId === roundId).map((stored) => stored.selections);
        // A stored ballot can predate a change to the seed; counting it would need proposals that are gone.
        const countable = cast.filter((selections) => validateSelections(entry.round.rules, selections, entry.proposals).length === 0);
        if (countable.length < cast.length) {
          console.warn(`civic-widgets: ${cast.length - countable.length} stored ballot(s) of round "${roundId}" no longer fit its rules or proposals and are not counted`);
        }
        const online = [...entry.ballots, ...countable];
        const paper = countedPaper(state, roundId).filter((selections) => validateSelections(entry.round.rules, selections, entry.proposals).length === 0);
        const counted = results(entry, [...online, ...paper], chosen.rule);
        counted.sources = { online: online.length, paper: paper.length };
        return counted;
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

    ...memoryPaperMethods({ store, now, roundOf, answer }),
    getMeeting: (roundId, { signal } = {}) => answer(signal, () => meetings.get(roundId)),
    updateMeeting: (roundId, change, updateOptions) => answer(updateOptions?.signal, () => meetings.update(roundId, ownCopy(change, 'change'), updateOptions?.facilitatorCode)),
    watchMeeting: (roundId, watch) => {
      roundOf(roundId);
      return meetings.watch(roundId, watch);
    },
  };
}

