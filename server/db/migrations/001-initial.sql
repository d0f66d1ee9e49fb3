-- The reference server's schema, for PGlite and PostgreSQL 15 alike.

-- Rounds, proposals, simulations and forms as the domain model has them (src/domain/types.ts).
CREATE TABLE rounds (
  id text PRIMARY KEY,
  round jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Proposal ids are unique within a round; a pabulib file keeps its project_id, so two imported
-- rounds may reuse one.
CREATE TABLE proposals (
  round_id text NOT NULL REFERENCES rounds (id),
  id text NOT NULL,
  position integer NOT NULL,
  proposal jsonb NOT NULL,
  PRIMARY KEY (round_id, id)
);
CREATE INDEX proposals_by_id ON proposals (id);

CREATE TABLE simulations (
  id text PRIMARY KEY,
  simulation jsonb NOT NULL
);

CREATE TABLE forms (
  id text PRIMARY KEY,
  form jsonb NOT NULL
);

-- Single-use voting codes, stored as hashes only (server/identity/codes.ts).
CREATE TABLE voting_codes (
  round_id text NOT NULL REFERENCES rounds (id),
  code_hash text NOT NULL,
  PRIMARY KEY (round_id, code_hash)
);

-- The marked register: who has voted in which round, and nothing else. No time, no ballot id:
-- nothing in it points at the ballot box below. Its primary key is "one ballot per voter per round".
-- The register and the box have no foreign key to rounds: a check per row halves group commit's
-- throughput, and the server checks the round before it writes (rounds are never deleted).
CREATE TABLE voters (
  round_id text NOT NULL,
  voter_hash text NOT NULL,
  PRIMARY KEY (round_id, voter_hash)
);

-- The ballot box: what was voted, with a random id (the receipt) and no voter.
CREATE TABLE ballots (
  id text PRIMARY KEY,
  round_id text NOT NULL,
  selections jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX ballots_by_round ON ballots (round_id);

CREATE TABLE simulation_submissions (
  id text PRIMARY KEY,
  simulation_id text NOT NULL REFERENCES simulations (id),
  submission jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX simulation_submissions_by_simulation ON simulation_submissions (simulation_id, received_at);

CREATE TABLE feedback_responses (
  id text PRIMARY KEY,
  form_id text NOT NULL REFERENCES forms (id),
  response jsonb NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX feedback_responses_by_form ON feedback_responses (form_id, received_at);

-- Accepted submissions by Idempotency-Key: a fingerprint of the body (without voter credentials)
-- and the answer given, so a retry gets the same answer and counts once.
CREATE TABLE idempotency (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL
);
