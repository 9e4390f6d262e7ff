-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "cancel_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- Campaigns already live when publication got its date: their creation is the best we know.
UPDATE "campaigns" SET "published_at" = "created_at" WHERE "status" <> 'DRAFT';

-- allow_multiple_applications: one application per (campaign, organization) unless the campaign allows more. The
-- unique (campaign_id, organization_id, slot) key (slot >= 1 since 0002) makes slot 1 the one; this refuses any other
-- slot when the campaign does not allow several. The campaign row is read FOR SHARE, so the setting cannot change
-- under the insert.

CREATE FUNCTION applications_refuse_extra_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.slot <> 1 AND NOT (SELECT allow_multiple_applications FROM campaigns WHERE id = NEW.campaign_id FOR SHARE) THEN
    RAISE EXCEPTION 'campaign % allows one application per organization', NEW.campaign_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER applications_one_per_organization BEFORE INSERT OR UPDATE OF slot, campaign_id ON "applications"
  FOR EACH ROW EXECUTE FUNCTION applications_refuse_extra_slot();

-- "On the 品牌清单": the one predicate every list, vote, review, ranking and proposal asks (lib/brand-list/listed.ts,
-- cast_vote). The latest published version of the campaign's list holds the entry, and the entry has stayed submitted
-- since that version was published: a return (RETURNED) takes it off at once; a resubmission after the publication
-- stays off until a new version lists it again, after it passed 资格审查 again.
CREATE FUNCTION is_listed_entry(p_application text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1
    FROM applications a
    JOIN brand_lists l ON l.campaign_id = a.campaign_id
    JOIN brand_list_entries e ON e.list_id = l.id AND e.application_id = a.id
    WHERE a.id = p_application
      AND a.status = 'SUBMITTED'
      AND a.submitted_at <= l.published_at
      AND l.version = (SELECT max(version) FROM brand_lists WHERE campaign_id = a.campaign_id)
  )
$$;

-- cast_vote (0015) asks the same predicate for step 5: the entry must be on the 品牌清单 as is_listed_entry defines it,
-- so an entry resubmitted after the latest version was published takes no votes until a new version lists it again.
-- The rest of the function is 0015's, unchanged.
CREATE OR REPLACE FUNCTION cast_vote(p_campaign text, p_voter text, p_application text, p_key text, p_receipt text, p_ip text, p_user_agent text, p_device text, p_ip_per_hour integer)
RETURNS TABLE (outcome text, receipt text, used_today integer, per_day integer) AS $$
DECLARE
  v_voter record;
  v_rules record;
  v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  v_existing record;
  v_units text[];
  v_entry record;
  v_day integer;
  v_entry_votes integer;
  v_total integer;
  v_count integer;
BEGIN
  SELECT kind, user_id INTO v_voter FROM voters WHERE id = p_voter AND campaign_id = p_campaign FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NO_VOTER'::text, NULL::text, 0, 0;
    RETURN;
  END IF;
  SELECT c.status, c.votes_per_voter_per_day, c.votes_per_entry_per_day, c.votes_per_voter_total, c.allow_vote_for_own_org,
         c.member_voting_enabled, c.public_voting_enabled, o.path AS owner_path
    INTO v_rules FROM campaigns c JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = p_campaign;
  SELECT count(*) FILTER (WHERE vote_day = v_today), count(*) FILTER (WHERE vote_day = v_today AND application_id = p_application), count(*)
    INTO v_day, v_entry_votes, v_total FROM votes WHERE voter_id = p_voter;

  SELECT receipt_code, application_id INTO v_existing FROM votes WHERE voter_id = p_voter AND idempotency_key = p_key;
  IF FOUND THEN
    IF v_existing.application_id <> p_application THEN
      RETURN QUERY SELECT 'KEY_REUSED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    ELSE
      RETURN QUERY SELECT 'REPEATED'::text, v_existing.receipt_code, v_day, v_rules.votes_per_voter_per_day;
    END IF;
    RETURN;
  END IF;

  IF v_rules.status <> 'PUBLISHED' OR NOT EXISTS (
    SELECT 1 FROM campaign_stages WHERE campaign_id = p_campaign AND kind = 'VOTING' AND is_enabled AND now() >= starts_at AND now() < ends_at
  ) THEN
    RETURN QUERY SELECT 'CLOSED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF (v_voter.kind = 'MEMBER' AND NOT v_rules.member_voting_enabled) OR (v_voter.kind = 'PUBLIC' AND NOT v_rules.public_voting_enabled) THEN
    RETURN QUERY SELECT 'KIND_CLOSED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;

  IF v_voter.kind = 'MEMBER' THEN
    SELECT array_agg(o.path) INTO v_units
    FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = r.organization_id
    WHERE r.user_id = v_voter.user_id AND r.role = 'MEMBER' AND NOT u.is_disabled AND o.is_active AND starts_with(o.path, v_rules.owner_path);
    IF v_units IS NULL THEN
      RETURN QUERY SELECT 'NOT_MEMBER'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
      RETURN;
    END IF;
  END IF;

  SELECT a.status, o.path INTO v_entry
  FROM brand_list_entries e JOIN brand_lists l ON l.id = e.list_id
    JOIN applications a ON a.id = e.application_id JOIN organizations o ON o.id = a.organization_id
  WHERE e.application_id = p_application AND l.campaign_id = p_campaign
    AND l.version = (SELECT max(version) FROM brand_lists WHERE campaign_id = p_campaign);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_LISTED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF NOT is_listed_entry(p_application) THEN
    RETURN QUERY SELECT (CASE WHEN v_entry.status = 'RETURNED' THEN 'RETURNED' ELSE 'NOT_LISTED' END)::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;

  IF v_units IS NOT NULL AND NOT v_rules.allow_vote_for_own_org AND EXISTS (
    SELECT 1 FROM unnest(v_units) AS unit(path)
    WHERE starts_with(v_entry.path, unit.path)
       OR (starts_with(unit.path, v_entry.path) AND starts_with(v_entry.path, v_rules.owner_path) AND v_entry.path <> v_rules.owner_path)
  ) THEN
    RETURN QUERY SELECT 'OWN_ORGANIZATION'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;

  IF v_day >= v_rules.votes_per_voter_per_day THEN
    RETURN QUERY SELECT 'DAY_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_entry_votes >= v_rules.votes_per_entry_per_day THEN
    RETURN QUERY SELECT 'ENTRY_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_rules.votes_per_voter_total IS NOT NULL AND v_total >= v_rules.votes_per_voter_total THEN
    RETURN QUERY SELECT 'TOTAL_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;

  IF p_ip IS NOT NULL AND p_ip_per_hour > 0 THEN
    PERFORM pg_advisory_xact_lock(hashtext('vote:ip:' || p_campaign || ':' || p_ip));
    SELECT count(*) INTO v_count FROM votes WHERE campaign_id = p_campaign AND ip = p_ip AND created_at > now() - interval '1 hour';
    IF v_count >= p_ip_per_hour THEN
      RETURN QUERY SELECT 'IP_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
      RETURN;
    END IF;
  END IF;
  IF p_device IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('vote:device:' || p_campaign || ':' || p_device));
    SELECT count(*) INTO v_count FROM votes WHERE campaign_id = p_campaign AND device_id = p_device AND vote_day = v_today;
    IF v_count >= v_rules.votes_per_voter_per_day THEN
      RETURN QUERY SELECT 'DEVICE_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
      RETURN;
    END IF;
  END IF;

  INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, ip, user_agent, device_id)
  VALUES (p_campaign, p_application, p_voter, v_today, p_receipt, p_key, p_ip, p_user_agent, p_device);
  RETURN QUERY SELECT 'ACCEPTED'::text, p_receipt, v_day + 1, v_rules.votes_per_voter_per_day;
END;
$$ LANGUAGE plpgsql;
