-- A batch of submissions (server/store/submissions.ts) is written by this function, so that its
-- plan is made once per connection and kept: planning the statement afresh cost a third of a
-- small batch's time. It is one statement, so one round trip and atomic by itself. It registers
-- the voters of the keys not seen before, then claims the keys of the submissions it accepts and
-- stores them; nothing is written for a refused one. Each table's rows go in in its own order
-- (voter hashes, keys, receipt ids), never the batch's, so the order of rows pairs no voter with
-- a ballot. The key claim has no ON CONFLICT on purpose: a key that another transaction stored
-- meanwhile fails the whole statement (23505), which the server runs again, and then sees the key.
-- Returns the keys of the submissions accepted. To change it, CREATE OR REPLACE it in a new migration.
CREATE FUNCTION write_batch(batch jsonb, received timestamptz) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  WITH input AS (
    SELECT * FROM jsonb_to_recordset(batch) AS t(key text, fingerprint text, response jsonb, id text, kind text, target text, payload jsonb, voter_hash text)
  ), fresh AS (
    -- One look-up in the key's index per row. NOT EXISTS would be planned as a join that reads
    -- the whole table, as PGlite never gathers the statistics that would tell the planner its size.
    SELECT * FROM input WHERE (SELECT true FROM idempotency WHERE idempotency.key = input.key) IS NULL
  ), registered AS (
    INSERT INTO voters (round_id, voter_hash)
    SELECT target, voter_hash FROM fresh WHERE voter_hash IS NOT NULL ORDER BY voter_hash
    ON CONFLICT DO NOTHING RETURNING round_id, voter_hash
  ), accepted AS (
    SELECT * FROM fresh WHERE voter_hash IS NULL OR (target, voter_hash) IN (SELECT round_id, voter_hash FROM registered)
  ), claimed AS (
    INSERT INTO idempotency (key, fingerprint, status, response)
    SELECT key, fingerprint, 201, response FROM accepted ORDER BY key
  ), ballot_rows AS (
    INSERT INTO ballots (id, round_id, selections, received_at)
    SELECT id, target, payload, received FROM accepted WHERE kind = 'ballot' ORDER BY id
  ), simulation_rows AS (
    INSERT INTO simulation_submissions (id, simulation_id, submission, received_at)
    SELECT id, target, payload, received FROM accepted WHERE kind = 'simulation' ORDER BY id
  ), feedback_rows AS (
    INSERT INTO feedback_responses (id, form_id, response, received_at)
    SELECT id, target, payload, received FROM accepted WHERE kind = 'feedback' ORDER BY id
  )
  SELECT accepted.key FROM accepted;
END
$$;
