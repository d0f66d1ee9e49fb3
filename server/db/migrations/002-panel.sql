-- A resident panel's meeting on a round (src/domain/meeting.ts): what the projector shows, and
-- the facilitator's code, as a hash only. Voting open or closed is the round's own status.
CREATE TABLE meetings (
  round_id text PRIMARY KEY REFERENCES rounds (id),
  facilitator_hash text,
  proposal_id text,
  timer_seconds integer,
  timer_ends_at timestamptz,
  revealed boolean NOT NULL DEFAULT false,
  -- Counts the facilitator's changes: part of the live stream's event ids.
  changes integer NOT NULL DEFAULT 0
);
