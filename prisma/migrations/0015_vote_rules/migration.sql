-- CreateIndex
CREATE INDEX "votes_campaign_id_ip_created_at_idx" ON "votes"("campaign_id", "ip", "created_at");

-- CreateIndex
CREATE INDEX "votes_campaign_id_device_id_vote_day_idx" ON "votes"("campaign_id", "device_id", "vote_day");

-- cast_vote, issue 18: the same one call, with the rules it lacked. In this order, after the voter row is locked:
--   1. a repeated idempotency key answers with the saved vote (whatever changed since: the retry of a vote whose
--      answer was lost is the same vote); the key reused for another entry is refused (KEY_REUSED);
--   2. the campaign's state, as lib/campaign/lifecycle.ts OPERATIONS['cast-vote'] says: status PUBLISHED and the
--      VOTING stage enabled and open by database time (starts_at <= now() < ends_at); else CLOSED, and the service
--      asks the state machine for the message naming the stage;
--   3. this kind of voter (党员 / 公众) enabled;
--   4. a member's current MEMBER role (account not disabled, organization active, under the organizer), read now,
--      not the role recorded when the voter row was made: a member whose role was removed is refused (NOT_MEMBER);
--   5. the entry on the latest 品牌清单 (NOT_LISTED) and still submitted: a returned entry takes no votes (RETURNED);
--   6. 本单位 (lib/voting/own-unit.ts): the entry's organization is a member unit, below one, or above one but below
--      the organizer;
--   7. the voter's limits (per day, per entry per day, total);
--   8. per IP: at most p_ip_per_hour votes of the campaign from one address in the last hour; per device (the
--      dj_device cookie): at most the campaign's votes per voter per day from one device a day. Each counts under a
--      transaction-level advisory lock of its address / device, taken after the voter row and IP before device
--      (one order, so requests never wait in a circle): parallel requests of many voters behind one address count
--      exactly. Only votes count (a refusal is not a vote), so refusals never extend the window.
DROP FUNCTION cast_vote(text, text, text, text, text, text, text, text);
CREATE FUNCTION cast_vote(p_campaign text, p_voter text, p_application text, p_key text, p_receipt text, p_ip text, p_user_agent text, p_device text, p_ip_per_hour integer)
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
  IF v_entry.status <> 'SUBMITTED' THEN
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
