-- CreateIndex
CREATE INDEX "votes_campaign_id_ip_created_at_idx" ON "votes"("campaign_id", "ip", "created_at");

-- CreateIndex
CREATE INDEX "votes_campaign_id_device_id_vote_day_idx" ON "votes"("campaign_id", "device_id", "vote_day");
