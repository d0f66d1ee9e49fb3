/**
 * The paper count in the in-browser backend, deciding as the server does (src/domain/paper.ts), so
 * a count can be rehearsed offline. It has no administrators: the admin token is not checked.
 */
import { CivicError, type CivicClient } from '../client/client.js';
import { ballotFieldErrors } from '../domain/field-errors.js';
import {
  clerkKey,
  compareBallotNumbers,
  countedSelections,
  describePaperRefusal,
  entryRefusal,
  normalizeSelections,
  PAPER_LABEL,
  paperCounts,
  paperStatus,
  sameSelections,
  settlementRefusal,
  type PaperBallot,
  type PaperRefusal,
} from '../domain/paper.js';
import { validateSelections, type Selections } from '../domain/rules/index.js';
import { malformed, ownCopy, validationError } from './errors.js';
import type { RoundEntry } from './seed-index.js';
import type { MemoryState, MemoryStore, PaperState } from './store.js';

export interface PaperContext {
  store: MemoryStore;
  now: () => Date;
  roundOf(roundId: string): RoundEntry;
  answer<T>(signal: AbortSignal | undefined, work: () => T): Promise<T>;
}

const emptyPaper = (): PaperState => ({ entries: [], settlements: [], audit: [] });

/** The round's paper ballots from the stored rows, in ballot-number order. */
function ballotsOf(paper: PaperState, roundId: string, only?: (number: string, batch: string) => boolean): PaperBallot[] {
  const byNumber = new Map<string, PaperBallot>();
  for (const row of paper.entries) {
    if (row.roundId !== roundId || (only && !only(row.number, row.batch))) continue;
    const ballot = byNumber.get(row.number) ?? { number: row.number, batch: row.batch, status: 'waiting', entries: [] };
    ballot.entries.push({ clerk: row.clerk, selections: row.selections, enteredAt: row.enteredAt });
    byNumber.set(row.number, ballot);
  }
  for (const row of paper.settlements) {
    const ballot = row.roundId === roundId ? byNumber.get(row.number) : undefined;
    if (ballot) ballot.settlement = { settledBy: row.settledBy, selections: row.selections, settledAt: row.settledAt };
  }
  const ballots = [...byNumber.values()];
  for (const ballot of ballots) ballot.status = paperStatus(ballot.entries, ballot.settlement);
  return ballots.sort((a, b) => compareBallotNumbers(a.number, b.number));
}

/** The paper ballots of a round that count (agreed or settled). */
export function countedPaper(state: MemoryState, roundId: string): Selections[] {
  return ballotsOf(state.paper ?? emptyPaper(), roundId).map(countedSelections).filter((selections): selections is Selections => selections !== null);
}

function checkLabel(value: unknown, field: string): string {
  if (typeof value !== 'string' || !PAPER_LABEL.test(value)) throw malformed(field, '1 to 40 letters, digits or dashes, as printed on the paper');
  return value;
}

function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) throw malformed(field, 'a name of 1 to 100 characters');
  return value.trim();
}

function checked(entry: RoundEntry, selections: unknown, number: string): Selections {
  const problems = validateSelections(entry.round.rules, selections, entry.proposals);
  if (problems.length > 0) throw validationError(`Ballot ${number} is not valid`, ballotFieldErrors(problems, entry.round.currency));
  return normalizeSelections(entry.round.rules.kind, selections as Selections);
}

const refusedWith = (refusal: PaperRefusal, number: string) => new CivicError('conflict', describePaperRefusal(refusal, number), { status: 409, detail: describePaperRefusal(refusal, number) });

type PaperMethods = Required<Pick<CivicClient, 'enterPaperBallot' | 'getPaperBatch' | 'settlePaperBallot' | 'getPaperAudit'>>;

export function memoryPaperMethods({ store, now, roundOf, answer }: PaperContext): PaperMethods {
  return {
    enterPaperBallot: (input, { signal } = {}) =>
      answer(signal, () => {
        const body = ownCopy(input, 'paper ballot');
        const entry = roundOf(body?.roundId);
        const number = checkLabel(body.number, 'number');
        const batch = checkLabel(body.batch, 'batch');
        const clerk = checkName(body.clerk, 'clerk');
        const selections = checked(entry, body.selections, number);
        const state = store.load();
        const paper = state.paper ?? emptyPaper();
        const existing = ballotsOf(paper, entry.round.id, (n) => n === number)[0] ?? null;
        const refusal = entryRefusal(existing, clerk, batch);
        if (refusal) throw refusedWith(refusal, number);
        const own = existing?.entries.find((row) => clerkKey(row.clerk) === clerkKey(clerk));
        const change = !own ? 'entered' : sameSelections(own.selections, selections) ? 'unchanged' : 'corrected';
        if (change !== 'unchanged') {
          const at = now().toISOString();
          store.save(state, (draft) => {
            const rows = (draft.paper ??= emptyPaper());
            const kept = rows.entries.find((row) => row.roundId === entry.round.id && row.number === number && clerkKey(row.clerk) === clerkKey(clerk));
            if (kept) kept.selections = selections;
            else rows.entries.push({ roundId: entry.round.id, number, batch, clerk, selections, enteredAt: at });
            rows.audit.push({ roundId: entry.round.id, at, actor: clerk, action: change, number, batch, before: own?.selections ?? null, after: selections });
          });
        }
        const status = ballotsOf(store.load().paper ?? emptyPaper(), entry.round.id, (n) => n === number)[0]!.status;
        return { roundId: entry.round.id, number, batch, status, change };
      }),

    settlePaperBallot: (input, { signal } = {}) =>
      answer(signal, () => {
        const body = ownCopy(input, 'settlement');
        const entry = roundOf(body?.roundId);
        const number = checkLabel(body.number, 'number');
        const settledBy = checkName(body.settledBy, 'settledBy');
        const selections = checked(entry, body.selections, number);
        const state = store.load();
        const existing = ballotsOf(state.paper ?? emptyPaper(), entry.round.id, (n) => n === number)[0] ?? null;
        const refusal = settlementRefusal(existing, settledBy);
        if (refusal) throw refusedWith(refusal, number);
        const at = now().toISOString();
        store.save(state, (draft) => {
          const rows = (draft.paper ??= emptyPaper());
          rows.settlements.push({ roundId: entry.round.id, number, settledBy, selections, settledAt: at });
          rows.audit.push({ roundId: entry.round.id, at, actor: settledBy, action: 'settled', number, batch: existing!.batch, before: existing!.entries.map((row) => row.selections), after: selections });
        });
        return ballotsOf(store.load().paper ?? emptyPaper(), entry.round.id, (n) => n === number)[0]!;
      }),

    getPaperBatch: (roundId, batch, { signal } = {}) =>
      answer(signal, () => {
        const entry = roundOf(roundId);
        checkLabel(batch, 'batch');
        const paper = store.load().paper ?? emptyPaper();
        const inBatch = new Set(paper.entries.filter((row) => row.roundId === roundId && row.batch === batch).map((row) => row.number));
        const ballots = ballotsOf(paper, entry.round.id, (number) => inBatch.has(number));
        return { roundId, batch, ballots, counts: paperCounts(ballots) };
      }),

    getPaperAudit: (roundId, { signal } = {}) =>
      answer(signal, () => {
        roundOf(roundId);
        const audit = (store.load().paper ?? emptyPaper()).audit.filter((line) => line.roundId === roundId);
        return { roundId, entries: audit.map(({ roundId: _round, ...line }) => line) };
      }),
  };
}
