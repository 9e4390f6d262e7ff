-- AlterTable
ALTER TABLE "voters" ADD COLUMN     "valid_votes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "vote_entry_tallies" (
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "valid_votes" INTEGER NOT NULL DEFAULT 0,
    "invalid_votes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vote_entry_tallies_pkey" PRIMARY KEY ("campaign_id","application_id","slot")
);

-- CreateTable
CREATE TABLE "vote_day_tallies" (
    "campaign_id" TEXT NOT NULL,
    "vote_day" DATE NOT NULL,
    "slot" SMALLINT NOT NULL,
    "valid_votes" INTEGER NOT NULL DEFAULT 0,
    "invalid_votes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vote_day_tallies_pkey" PRIMARY KEY ("campaign_id","vote_day","slot")
);

-- CreateTable
CREATE TABLE "vote_kind_tallies" (
    "campaign_id" TEXT NOT NULL,
    "kind" "VoterKind" NOT NULL,
    "slot" SMALLINT NOT NULL,
    "valid_votes" INTEGER NOT NULL DEFAULT 0,
    "voters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vote_kind_tallies_pkey" PRIMARY KEY ("campaign_id","kind","slot")
);

-- CreateIndex
CREATE INDEX "vote_entry_tallies_application_id_idx" ON "vote_entry_tallies"("application_id");

-- AddForeignKey
ALTER TABLE "vote_entry_tallies" ADD CONSTRAINT "vote_entry_tallies_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_entry_tallies" ADD CONSTRAINT "vote_entry_tallies_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_day_tallies" ADD CONSTRAINT "vote_day_tallies_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_kind_tallies" ADD CONSTRAINT "vote_kind_tallies_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── The tallies are kept by statement triggers on votes, in the transaction of the change ──────────────────────────
-- Every writer of votes (cast_vote, 作废 and 恢复, the province generator, tests) goes through them, so the counts equal
-- COUNT(*) over votes at every commit. Statement triggers with transition tables: a million-row INSERT … SELECT costs a
-- few grouped statements, a single vote one small call. Each trigger function reduces its rows to signed deltas and
-- hands them to apply_vote_tally, which locks the voter rows first (cast_vote's order: voter, then its vote), then the
-- tally rows of its slot.

-- Every vote now also updates its voter's row (valid_votes, not indexed): room on each page keeps that a HOT update,
-- without new entries in the voters' five indexes.
ALTER TABLE "voters" SET (fillfactor = 80);

CREATE TYPE vote_tally_delta AS (campaign_id text, key text, valid integer, invalid integer);

CREATE FUNCTION apply_vote_tally(p_entries vote_tally_delta[], p_days vote_tally_delta[], p_voters vote_tally_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_slot smallint := pg_backend_pid() % 16;
BEGIN
  -- A voter counts in vote_kind_tallies while their valid votes are above zero: +1 on 0 → n, −1 on n → 0.
  WITH changed AS (
    UPDATE voters r SET valid_votes = r.valid_votes + d.valid
    FROM unnest(p_voters) d WHERE r.id = d.key AND d.valid <> 0
    RETURNING r.campaign_id, r.kind, d.valid, r.valid_votes AS after
  )
  INSERT INTO vote_kind_tallies AS t (campaign_id, kind, slot, valid_votes, voters)
  SELECT campaign_id, kind, v_slot, sum(valid),
    count(*) FILTER (WHERE after > 0 AND after = valid) - count(*) FILTER (WHERE after = 0)
  FROM changed GROUP BY campaign_id, kind
  ON CONFLICT (campaign_id, kind, slot) DO UPDATE SET valid_votes = t.valid_votes + EXCLUDED.valid_votes, voters = t.voters + EXCLUDED.voters;

  INSERT INTO vote_entry_tallies AS t (campaign_id, application_id, slot, valid_votes, invalid_votes)
  SELECT d.campaign_id, d.key, v_slot, d.valid, d.invalid FROM unnest(p_entries) d WHERE d.valid <> 0 OR d.invalid <> 0
  ORDER BY 1, 2
  ON CONFLICT (campaign_id, application_id, slot) DO UPDATE SET valid_votes = t.valid_votes + EXCLUDED.valid_votes, invalid_votes = t.invalid_votes + EXCLUDED.invalid_votes;

  INSERT INTO vote_day_tallies AS t (campaign_id, vote_day, slot, valid_votes, invalid_votes)
  SELECT d.campaign_id, d.key::date, v_slot, d.valid, d.invalid FROM unnest(p_days) d WHERE d.valid <> 0 OR d.invalid <> 0
  ORDER BY 1, 2
  ON CONFLICT (campaign_id, vote_day, slot) DO UPDATE SET valid_votes = t.valid_votes + EXCLUDED.valid_votes, invalid_votes = t.invalid_votes + EXCLUDED.invalid_votes;
END $$;

CREATE FUNCTION votes_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM apply_vote_tally(entries, days, voters) FROM (
  WITH d AS (
    SELECT campaign_id, application_id, voter_id, vote_day, (invalidated_at IS NULL)::int AS valid, (invalidated_at IS NOT NULL)::int AS invalid FROM new_rows
  )
  SELECT
    ARRAY(SELECT ROW(campaign_id, application_id, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, application_id) AS entries,
    ARRAY(SELECT ROW(campaign_id, vote_day::text, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, vote_day) AS days,
    ARRAY(SELECT ROW(campaign_id, voter_id, sum(valid), 0)::vote_tally_delta FROM d GROUP BY campaign_id, voter_id ORDER BY voter_id) AS voters) deltas;
  RETURN NULL;
END $$;

-- Old rows count −1, new rows +1; an update that changes nothing counted (most columns) nets to zero and writes nothing.
CREATE FUNCTION votes_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM apply_vote_tally(entries, days, voters) FROM (
  WITH d AS (
    SELECT campaign_id, application_id, voter_id, vote_day, -(invalidated_at IS NULL)::int AS valid, -(invalidated_at IS NOT NULL)::int AS invalid FROM old_rows
    UNION ALL
    SELECT campaign_id, application_id, voter_id, vote_day, (invalidated_at IS NULL)::int, (invalidated_at IS NOT NULL)::int FROM new_rows
  )
  SELECT
    ARRAY(SELECT ROW(campaign_id, application_id, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, application_id) AS entries,
    ARRAY(SELECT ROW(campaign_id, vote_day::text, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, vote_day) AS days,
    ARRAY(SELECT ROW(campaign_id, voter_id, sum(valid), 0)::vote_tally_delta FROM d GROUP BY campaign_id, voter_id HAVING sum(valid) <> 0 ORDER BY voter_id) AS voters) deltas;
  RETURN NULL;
END $$;

-- A deleted campaign takes its votes and tallies with it (ON DELETE CASCADE): rows of a campaign that is gone are skipped.
CREATE FUNCTION votes_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM apply_vote_tally(entries, days, voters) FROM (
  WITH d AS (
    SELECT o.campaign_id, o.application_id, o.voter_id, o.vote_day, -(o.invalidated_at IS NULL)::int AS valid, -(o.invalidated_at IS NOT NULL)::int AS invalid
    FROM old_rows o WHERE EXISTS (SELECT 1 FROM campaigns c WHERE c.id = o.campaign_id)
  )
  SELECT
    ARRAY(SELECT ROW(campaign_id, application_id, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, application_id) AS entries,
    ARRAY(SELECT ROW(campaign_id, vote_day::text, sum(valid), sum(invalid))::vote_tally_delta FROM d GROUP BY campaign_id, vote_day) AS days,
    ARRAY(SELECT ROW(campaign_id, voter_id, sum(valid), 0)::vote_tally_delta FROM d GROUP BY campaign_id, voter_id ORDER BY voter_id) AS voters) deltas;
  RETURN NULL;
END $$;

CREATE TRIGGER votes_tally_insert AFTER INSERT ON "votes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION votes_tally_insert();
CREATE TRIGGER votes_tally_update AFTER UPDATE ON "votes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION votes_tally_update();
CREATE TRIGGER votes_tally_delete AFTER DELETE ON "votes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION votes_tally_delete();

-- Votes already cast: counted once here, in slot 0.
UPDATE voters r SET valid_votes = v.valid FROM (SELECT voter_id, count(*)::int AS valid FROM votes WHERE invalidated_at IS NULL GROUP BY voter_id) v WHERE r.id = v.voter_id;
INSERT INTO vote_kind_tallies (campaign_id, kind, slot, valid_votes, voters)
SELECT campaign_id, kind, 0, sum(valid_votes), count(*) FILTER (WHERE valid_votes > 0) FROM voters GROUP BY campaign_id, kind HAVING sum(valid_votes) > 0;
INSERT INTO vote_entry_tallies (campaign_id, application_id, slot, valid_votes, invalid_votes)
SELECT campaign_id, application_id, 0, count(*) FILTER (WHERE invalidated_at IS NULL), count(*) FILTER (WHERE invalidated_at IS NOT NULL) FROM votes GROUP BY campaign_id, application_id;
INSERT INTO vote_day_tallies (campaign_id, vote_day, slot, valid_votes, invalid_votes)
SELECT campaign_id, vote_day, 0, count(*) FILTER (WHERE invalidated_at IS NULL), count(*) FILTER (WHERE invalidated_at IS NOT NULL) FROM votes GROUP BY campaign_id, vote_day;
