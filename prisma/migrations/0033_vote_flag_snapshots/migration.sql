-- CreateTable
CREATE TABLE "vote_flag_snapshots" (
    "campaign_id" TEXT NOT NULL,
    "flags" JSONB,
    "detected_at" TIMESTAMPTZ(3),
    "refreshing_since" TIMESTAMPTZ(3),

    CONSTRAINT "vote_flag_snapshots_pkey" PRIMARY KEY ("campaign_id")
);

-- AddForeignKey
ALTER TABLE "vote_flag_snapshots" ADD CONSTRAINT "vote_flag_snapshots_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
