-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "returned_from" "StageKind";

-- CreateTable
CREATE TABLE "recommendation_deadlines" (
    "campaign_id" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendation_deadlines_pkey" PRIMARY KEY ("campaign_id","depth")
);

-- AddForeignKey
ALTER TABLE "recommendation_deadlines" ADD CONSTRAINT "recommendation_deadlines_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A level's depth is below the root (the root never recommends).
ALTER TABLE "recommendation_deadlines" ADD CONSTRAINT "recommendation_deadlines_depth_check" CHECK ("depth" >= 1);
