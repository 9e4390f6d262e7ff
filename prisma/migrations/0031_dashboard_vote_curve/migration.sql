-- DropIndex
DROP INDEX "votes_campaign_id_created_at_idx";

-- CreateIndex
CREATE INDEX "votes_campaign_id_created_at_invalidated_at_idx" ON "votes"("campaign_id", "created_at", "invalidated_at");
