/**
 * A round's panel meeting in the database (migrations/002-panel.sql): read as the `MeetingState`
 * everyone sees, changed by the facilitator. Voting open or closed is the round's own status, so
 * a ballot is taken exactly when the meeting says voting is open.
 */
import { meetingVersion, meetingVoting, type MeetingChange, type MeetingState } from '../../src/domain/meeting.js';
import type { Round } from '../../src/domain/types.js';
import type { Queryable } from '../db/types.js';
import { newVotingCode } from '../identity/codes.js';
import { facilitatorCodeHash } from '../identity/facilitator.js';

interface MeetingRow {
  proposal_id: string | null;
  timer_seconds: number | null;
  timer_ends_at: Date | string | null;
  revealed: boolean;
  changes: number;
}

/** The meeting on `round` now, with the number of ballots received. */
export async function readMeeting(db: Queryable, round: Round, now: Date): Promise<MeetingState> {
  const [row] = await db.query<MeetingRow>('SELECT proposal_id, timer_seconds, timer_ends_at, revealed, changes FROM meetings WHERE round_id = $1', [round.id]);
  const [{ ballots } = { ballots: 0 }] = await db.query<{ ballots: number }>('SELECT count(*)::int AS ballots FROM ballots WHERE round_id = $1', [round.id]);
  const voting = meetingVoting(round, now);
  const changes = row?.changes ?? 0;
  return {
    roundId: round.id,
    proposalId: row?.proposal_id ?? null,
    timer: row?.timer_seconds != null && row.timer_ends_at != null ? { seconds: row.timer_seconds, endsAt: new Date(row.timer_ends_at).toISOString() } : null,
    voting,
    // Results shown while voting is open would tell the room how others voted before they vote.
    revealed: voting === 'closed' && row?.revealed === true,
    ballots: Number(ballots),
    version: meetingVersion(changes, Number(ballots), voting),
    serverTime: now.toISOString(),
  };
}

/** Applies the facilitator's change (already checked by `meetingChangeProblem`); voting is the caller's to set on the round. */
export async function changeMeeting(db: Queryable, roundId: string, change: MeetingChange, now: Date): Promise<void> {
  const timer = change.timerSeconds === undefined ? undefined : change.timerSeconds === null ? null : { seconds: change.timerSeconds, endsAt: new Date(now.getTime() + change.timerSeconds * 1000).toISOString() };
  // Reopening voting hides the results again; they are revealed anew after it closes.
  const revealed = change.voting === 'open' ? false : change.revealed;
  await db.query(
    `INSERT INTO meetings (round_id, proposal_id, timer_seconds, timer_ends_at, revealed, changes) VALUES ($1, $2, $3, $4::timestamptz, COALESCE($5, false), 1)
     ON CONFLICT (round_id) DO UPDATE SET
       proposal_id = CASE WHEN $6 THEN $2 ELSE meetings.proposal_id END,
       timer_seconds = CASE WHEN $7 THEN $3 ELSE meetings.timer_seconds END,
       timer_ends_at = CASE WHEN $7 THEN $4::timestamptz ELSE meetings.timer_ends_at END,
       revealed = COALESCE($5, meetings.revealed),
       changes = meetings.changes + 1`,
    [roundId, change.proposalId ?? null, timer?.seconds ?? null, timer?.endsAt ?? null, revealed ?? null, change.proposalId !== undefined, timer !== undefined],
  );
}

/** Gives the round a new facilitator code (the old one stops working) and returns it; only its hash is kept. */
export async function newFacilitatorCode(db: Queryable, roundId: string): Promise<string> {
  // As random as a voting code, and typed the same way.
  const code = newVotingCode();
  await setFacilitatorCode(db, roundId, code);
  return code;
}

/** Stores `code` as the round's facilitator code (from a seed, or made by `newFacilitatorCode`). */
export async function setFacilitatorCode(db: Queryable, roundId: string, code: string): Promise<void> {
  await db.query(
    `INSERT INTO meetings (round_id, facilitator_hash) VALUES ($1, $2)
     ON CONFLICT (round_id) DO UPDATE SET facilitator_hash = EXCLUDED.facilitator_hash`,
    [roundId, facilitatorCodeHash(roundId, code)],
  );
}
