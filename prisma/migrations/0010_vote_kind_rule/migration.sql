-- cast_vote also checks that the campaign lets this kind of voter vote (党员 / 公众), so callers may reuse an existing
-- voter row without reading the campaign first: the rule lives with the others, in the one database call.
CREATE OR REPLACE FUNCTION cast_vote(p_campaign text, p_voter text, p_application text, p_key text, p_receipt text, p_ip text, p_user_agent text, p_device text)
RETURNS TABLE (outcome text, receipt text, used_today integer, per_day integer) AS $$
DECLARE
  v_org text;
  v_kind "VoterKind";
  v_rules record;
  v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  v_existing text;
  v_day integer;
  v_entry integer;
  v_total integer;
BEGIN
  SELECT organization_id, kind INTO v_org, v_kind FROM voters WHERE id = p_voter AND campaign_id = p_campaign FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NO_VOTER'::text, NULL::text, 0, 0;
    RETURN;
  END IF;
  SELECT receipt_code INTO v_existing FROM votes WHERE voter_id = p_voter AND idempotency_key = p_key;
  SELECT votes_per_voter_per_day, votes_per_entry_per_day, votes_per_voter_total, allow_vote_for_own_org, member_voting_enabled, public_voting_enabled
    INTO v_rules FROM campaigns WHERE id = p_campaign;
  SELECT count(*) FILTER (WHERE vote_day = v_today), count(*) FILTER (WHERE vote_day = v_today AND application_id = p_application), count(*)
    INTO v_day, v_entry, v_total FROM votes WHERE voter_id = p_voter;
  IF v_existing IS NOT NULL THEN
    RETURN QUERY SELECT 'REPEATED'::text, v_existing, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF (v_kind = 'MEMBER' AND NOT v_rules.member_voting_enabled) OR (v_kind = 'PUBLIC' AND NOT v_rules.public_voting_enabled) THEN
    RETURN QUERY SELECT 'KIND_CLOSED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM campaign_stages WHERE campaign_id = p_campaign AND kind = 'VOTING' AND is_enabled AND now() >= starts_at AND now() < ends_at) THEN
    RETURN QUERY SELECT 'CLOSED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM brand_list_entries e JOIN brand_lists l ON l.id = e.list_id
    WHERE e.application_id = p_application AND l.campaign_id = p_campaign
      AND l.version = (SELECT max(version) FROM brand_lists WHERE campaign_id = p_campaign)
  ) THEN
    RETURN QUERY SELECT 'NOT_LISTED'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_org IS NOT NULL AND NOT v_rules.allow_vote_for_own_org AND EXISTS (
    SELECT 1 FROM applications a JOIN organizations o ON o.id = a.organization_id
    WHERE a.id = p_application AND o.path LIKE (SELECT path FROM organizations WHERE id = v_org) || '%'
  ) THEN
    RETURN QUERY SELECT 'OWN_ORGANIZATION'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_day >= v_rules.votes_per_voter_per_day THEN
    RETURN QUERY SELECT 'DAY_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_entry >= v_rules.votes_per_entry_per_day THEN
    RETURN QUERY SELECT 'ENTRY_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  IF v_rules.votes_per_voter_total IS NOT NULL AND v_total >= v_rules.votes_per_voter_total THEN
    RETURN QUERY SELECT 'TOTAL_LIMIT'::text, NULL::text, v_day, v_rules.votes_per_voter_per_day;
    RETURN;
  END IF;
  INSERT INTO votes (campaign_id, application_id, voter_id, vote_day, receipt_code, idempotency_key, ip, user_agent, device_id)
  VALUES (p_campaign, p_application, p_voter, v_today, p_receipt, p_key, p_ip, p_user_agent, p_device);
  RETURN QUERY SELECT 'ACCEPTED'::text, p_receipt, v_day + 1, v_rules.votes_per_voter_per_day;
END;
$$ LANGUAGE plpgsql;
