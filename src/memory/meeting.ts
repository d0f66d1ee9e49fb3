/**
 * Panel meetings in the in-browser backend, so a facilitator can rehearse one offline: the same
 * state and rules as the server (src/domain/meeting.ts), kept for the page's lifetime, and told to
 * watchers at once on every change and every ballot.
 */
import { CivicError, type CivicClient, type MeetingWatch } from '../client/client.js';
import { meetingChangeProblem, meetingVersion, meetingVoting, type MeetingChange, type MeetingState } from '../domain/meeting.js';
import { normalizeVotingCode, withStatus } from '../domain/rounds.js';
import { validationError } from './errors.js';
import type { RoundEntry } from './seed-index.js';

interface Stored {
  proposalId: string | null;
  timer: MeetingState['timer'];
  revealed: boolean;
  changes: number;
}

export interface MemoryMeetingsOptions {
  roundOf(roundId: string): RoundEntry;
  /** Each round's facilitator code from the seed. */
  facilitatorCodes: ReadonlyMap<string, string>;
  ballotsOf(roundId: string): number;
  now(): Date;
}

export interface MemoryMeetings {
  get(roundId: string): MeetingState;
  update(roundId: string, change: MeetingChange, facilitatorCode: string | undefined): MeetingState;
  watch: NonNullable<CivicClient['watchMeeting']>;
  /** Tells the round's watchers its new state (after a ballot). */
  changed(roundId: string): void;
}

export function createMemoryMeetings({ roundOf, facilitatorCodes, ballotsOf, now }: MemoryMeetingsOptions): MemoryMeetings {
  const meetings = new Map<string, Stored>();
  const watchers = new Map<string, Set<MeetingWatch>>();

  function stateOf(roundId: string): MeetingState {
    const { round } = roundOf(roundId);
    const stored = meetings.get(roundId) ?? { proposalId: null, timer: null, revealed: false, changes: 0 };
    const at = now();
    const voting = meetingVoting(round, at);
    const ballots = ballotsOf(roundId);
    return {
      roundId,
      proposalId: stored.proposalId,
      timer: stored.timer,
      voting,
      revealed: voting === 'closed' && stored.revealed,
      ballots,
      version: meetingVersion(stored.changes, ballots, voting),
      serverTime: at.toISOString(),
    };
  }

  function changed(roundId: string): void {
    const listening = watchers.get(roundId);
    if (!listening?.size) return;
    const state = stateOf(roundId);
    for (const watch of listening) watch.state(structuredClone(state));
  }

  function update(roundId: string, change: MeetingChange, facilitatorCode: string | undefined): MeetingState {
    const entry = roundOf(roundId);
    const expected = facilitatorCodes.get(roundId);
    if (expected === undefined || normalizeVotingCode(expected) !== normalizeVotingCode(facilitatorCode ?? '')) {
      throw new CivicError('unauthorized', `Only the facilitator of round "${roundId}" can change its meeting`, {
        status: 401,
        detail: expected === undefined ? 'This round has no facilitator code.' : 'This facilitator code is not the one for this round.',
      });
    }
    const at = now();
    const problem = meetingChangeProblem(change, meetingVoting(entry.round, at), entry.proposals.map((proposal) => proposal.id));
    if (problem) throw validationError('The meeting cannot be changed like this', [{ field: problem.field, code: 'invalid', detail: problem.detail }]);
    const stored = meetings.get(roundId) ?? { proposalId: null, timer: null, revealed: false, changes: 0 };
    if (change.voting !== undefined && change.voting !== meetingVoting(entry.round, at)) entry.round = withStatus(entry.round, change.voting, at);
    meetings.set(roundId, {
      proposalId: change.proposalId !== undefined ? change.proposalId : stored.proposalId,
      timer: change.timerSeconds === undefined ? stored.timer : change.timerSeconds === null ? null : { seconds: change.timerSeconds, endsAt: new Date(at.getTime() + change.timerSeconds * 1000).toISOString() },
      revealed: change.voting === 'open' ? false : (change.revealed ?? stored.revealed),
      changes: stored.changes + 1,
    });
    changed(roundId);
    return stateOf(roundId);
  }

  return {
    get: stateOf,
    update,
    watch(roundId, watch) {
      let listening = watchers.get(roundId);
      if (!listening) watchers.set(roundId, (listening = new Set()));
      listening.add(watch);
      // Told asynchronously, as a real backend would.
      queueMicrotask(() => {
        if (!listening.has(watch)) return;
        watch.connection?.('live');
        try {
          watch.state(stateOf(roundId));
        } catch (error) {
          watch.error?.(error as CivicError);
        }
      });
      return () => listening.delete(watch);
    },
    changed,
  };
}
