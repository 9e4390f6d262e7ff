-- CreateEnum
CREATE TYPE "VoterKind" AS ENUM ('MEMBER', 'PUBLIC');

-- AlterTable
ALTER TABLE "votes" DROP COLUMN "voter_key",
ADD COLUMN     "device_id" TEXT,
ADD COLUMN     "idempotency_key" TEXT NOT NULL,
ADD COLUMN     "invalid_reason" TEXT,
ADD COLUMN     "invalidated_by_id" TEXT,
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "receipt_code" TEXT NOT NULL,
ADD COLUMN     "user_agent" TEXT,
ADD COLUMN     "vote_day" DATE NOT NULL,
ADD COLUMN     "voter_id" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "voters" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" "VoterKind" NOT NULL,
    "user_id" TEXT,
    "phone" TEXT,
    "organization_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "voters_user_id_idx" ON "voters"("user_id");

-- CreateIndex
CREATE INDEX "voters_organization_id_idx" ON "voters"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "voters_campaign_id_user_id_key" ON "voters"("campaign_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "voters_campaign_id_phone_key" ON "voters"("campaign_id", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "votes_receipt_code_key" ON "votes"("receipt_code");

-- CreateIndex
CREATE INDEX "votes_voter_id_vote_day_idx" ON "votes"("voter_id", "vote_day");

-- CreateIndex
CREATE INDEX "votes_campaign_id_created_at_idx" ON "votes"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "votes_invalidated_by_id_idx" ON "votes"("invalidated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "votes_voter_id_idempotency_key_key" ON "votes"("voter_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "voters" ADD CONSTRAINT "voters_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voters" ADD CONSTRAINT "voters_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voters" ADD CONSTRAINT "voters_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_invalidated_by_id_fkey" FOREIGN KEY ("invalidated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A member votes with their account, the public with a verified phone.
ALTER TABLE "voters" ADD CONSTRAINT "voters_identity_check" CHECK (("kind" = 'MEMBER' AND "user_id" IS NOT NULL) OR ("kind" = 'PUBLIC' AND "phone" IS NOT NULL));

-- Casting a vote is one database call: the voter row is locked (one vote of a voter at a time, whatever the number of
-- requests in flight), a retried idempotency key returns the first receipt, then the window (database time), the
-- entry (on the latest 品牌清单), the own-organization rule and the three limits are checked before the insert.
-- Invalidated votes still use the voter's allowance. Returns the outcome and, when accepted or repeated, the receipt.
CREATE FUNCTION cast_vote(p_campaign text, p_voter text, p_application text, p_key text, p_receipt text, p_ip text, p_user_agent text, p_device text)
RETURNS TABLE (outcome text, receipt text, used_today integer, per_day integer) AS $$
DECLARE
  v_org text;
  v_rules record;
  v_today date := (now() AT TIME ZONE 'Asia/Shanghai')::date;
  v_existing text;
  v_day integer;
  v_entry integer;
  v_total integer;
BEGIN
  SELECT organization_id INTO v_org FROM voters WHERE id = p_voter AND campaign_id = p_campaign FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NO_VOTER'::text, NULL::text, 0, 0;
    RETURN;
  END IF;
  SELECT receipt_code INTO v_existing FROM votes WHERE voter_id = p_voter AND idempotency_key = p_key;
  SELECT votes_per_voter_per_day, votes_per_entry_per_day, votes_per_voter_total, allow_vote_for_own_org INTO v_rules FROM campaigns WHERE id = p_campaign;
  SELECT count(*) FILTER (WHERE vote_day = v_today), count(*) FILTER (WHERE vote_day = v_today AND application_id = p_application), count(*)
    INTO v_day, v_entry, v_total FROM votes WHERE voter_id = p_voter;
  IF v_existing IS NOT NULL THEN
    RETURN QUERY SELECT 'REPEATED'::text, v_existing, v_day, v_rules.votes_per_voter_per_day;
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
