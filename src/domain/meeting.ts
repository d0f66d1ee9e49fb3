/**
 * A resident panel's meeting on a round: what the projector shows and what the facilitator
 * changes. Shared by the server, the clients and the panel screen; pure data and rules.
 */
import type { Round } from './types.js';
import { effectiveStatus } from './rounds.js';

/** Whether ballots are taken: before the facilitator opens voting, while it is open, after it closed. */
export type MeetingVoting = 'not-open' | 'open' | 'closed';

/** A countdown the facilitator set: `seconds` long, ending at `endsAt`. */
export interface MeetingTimer {
  seconds: number;
  endsAt: string;
}

/** The meeting as everyone in the room sees it. Never holds anyone's choices. */
export interface MeetingState {
  roundId: string;
  /** The proposal on the agenda now; null before the first (the welcome). */
  proposalId: string | null;
  timer: MeetingTimer | null;
  voting: MeetingVoting;
  /** Whether the facilitator has revealed the results (only once voting has closed). */
  revealed: boolean;
  /** How many ballots have been received so far: a number, never what they say. */
  ballots: number;
  /** Changes whenever anything above changes; the live stream's event id. */
  version: string;
  /** The server's clock when this was read, so a screen with a wrong clock still counts down right. */
  serverTime: string;
}

/** What a facilitator changes; every field sets a value (not a step), so sending it twice is harmless. */
export interface MeetingChange {
  /** The proposal to show, or null for the welcome. */
  proposalId?: string | null;
  /** Start a countdown of this many seconds from now; null stops the timer. */
  timerSeconds?: number | null;
  voting?: 'open' | 'closed';
  revealed?: boolean;
}

/** The longest countdown a facilitator can set: three hours. */
export const MAX_TIMER_SECONDS = 3 * 60 * 60;

/** Voting in the meeting follows the round: its dates and the status the facilitator sets. */
export function meetingVoting(round: Round, now: Date): MeetingVoting {
  const status = effectiveStatus(round, now);
  return status === 'open' ? 'open' : status === 'closed' ? 'closed' : 'not-open';
}

/** The state's version from its parts: anything that changes makes a new one. */
export function meetingVersion(changes: number, ballots: number, voting: MeetingVoting): string {
  return `${changes}.${ballots}.${voting}`;
}

/** Why a change cannot be made, as a sentence; undefined when it can. */
export function meetingChangeProblem(change: MeetingChange, voting: MeetingVoting, proposalIds: readonly string[]): { field: string; detail: string } | undefined {
  if (change.proposalId != null && !proposalIds.includes(change.proposalId)) {
    return { field: 'proposalId', detail: `There is no proposal ${change.proposalId} in this round.` };
  }
  if (change.timerSeconds != null && !(Number.isInteger(change.timerSeconds) && change.timerSeconds >= 1 && change.timerSeconds <= MAX_TIMER_SECONDS)) {
    return { field: 'timerSeconds', detail: `A timer must be a whole number of seconds from 1 to ${MAX_TIMER_SECONDS}.` };
  }
  const votingAfter = change.voting === 'open' ? 'open' : change.voting === 'closed' ? 'closed' : voting;
  if (change.revealed === true && votingAfter !== 'closed') {
    return { field: 'revealed', detail: 'Close voting before revealing the results.' };
  }
  return undefined;
}

/** Seconds left on the timer at `now` (never below zero), given how far the screen's clock is from the server's. */
export function secondsLeft(timer: MeetingTimer | null, now: number, clockOffsetMs = 0): number {
  if (!timer) return 0;
  return Math.max(0, Math.ceil((Date.parse(timer.endsAt) - (now + clockOffsetMs)) / 1000));
}
