-- Paper ballots entered twice (src/domain/paper.ts). Each clerk's reading of a printed ballot is
-- one row; a ballot counts once two clerks agree or a third person has settled it. Like the ballot
-- box, none of this says who cast the paper: a printed number is not a voter.
CREATE TABLE paper_entries (
  round_id text NOT NULL,
  ballot_number text NOT NULL,
  -- The clerk's name as typed, and the key two names are compared by (`clerkKey`).
  clerk text NOT NULL,
  clerk_key text NOT NULL,
  batch text NOT NULL,
  selections jsonb NOT NULL,
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (round_id, ballot_number, clerk_key)
);
CREATE INDEX paper_entries_by_batch ON paper_entries (round_id, batch);

CREATE TABLE paper_settlements (
  round_id text NOT NULL,
  ballot_number text NOT NULL,
  settled_by text NOT NULL,
  selections jsonb NOT NULL,
  settled_at timestamptz NOT NULL,
  PRIMARY KEY (round_id, ballot_number)
);

-- Every entry, correction and settlement, never changed or removed.
CREATE TABLE paper_audit (
  seq bigserial PRIMARY KEY,
  round_id text NOT NULL,
  ballot_number text NOT NULL,
  batch text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX paper_audit_by_round ON paper_audit (round_id, seq);
