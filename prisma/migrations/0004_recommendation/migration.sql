-- CreateEnum
CREATE TYPE "RecommendationDecision" AS ENUM ('PENDING', 'RECOMMENDED', 'NOT_RECOMMENDED');

-- CreateEnum
CREATE TYPE "QualificationResult" AS ENUM ('PASSED', 'FAILED');

-- AlterTable
ALTER TABLE "quotas" ALTER COLUMN "limit" DROP NOT NULL;

-- CreateTable
CREATE TABLE "recommendations" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "decision" "RecommendationDecision" NOT NULL DEFAULT 'PENDING',
    "rank" INTEGER,
    "opinion" TEXT NOT NULL DEFAULT '',
    "reason" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qualifications" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "checks" JSONB NOT NULL DEFAULT '{}',
    "result" "QualificationResult" NOT NULL,
    "reason" TEXT,
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qualifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brand_lists" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT,
    "published_by_id" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brand_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brand_list_entries" (
    "id" TEXT NOT NULL,
    "list_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "brand_name" TEXT NOT NULL,
    "organization_name" TEXT NOT NULL,
    "field_name" TEXT NOT NULL,
    "region_name" TEXT NOT NULL,

    CONSTRAINT "brand_list_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recommendations_campaign_id_organization_id_decision_idx" ON "recommendations"("campaign_id", "organization_id", "decision");

-- CreateIndex
CREATE INDEX "recommendations_organization_id_idx" ON "recommendations"("organization_id");

-- CreateIndex
CREATE INDEX "recommendations_decided_by_id_idx" ON "recommendations"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_application_id_organization_id_key" ON "recommendations"("application_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "qualifications_application_id_key" ON "qualifications"("application_id");

-- CreateIndex
CREATE INDEX "qualifications_campaign_id_result_idx" ON "qualifications"("campaign_id", "result");

-- CreateIndex
CREATE INDEX "qualifications_reviewed_by_id_idx" ON "qualifications"("reviewed_by_id");

-- CreateIndex
CREATE INDEX "brand_lists_published_by_id_idx" ON "brand_lists"("published_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "brand_lists_campaign_id_version_key" ON "brand_lists"("campaign_id", "version");

-- CreateIndex
CREATE INDEX "brand_list_entries_list_id_idx" ON "brand_list_entries"("list_id");

-- CreateIndex
CREATE INDEX "brand_list_entries_application_id_idx" ON "brand_list_entries"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "brand_list_entries_list_id_application_id_key" ON "brand_list_entries"("list_id", "application_id");

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_lists" ADD CONSTRAINT "brand_lists_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_lists" ADD CONSTRAINT "brand_lists_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_list_entries" ADD CONSTRAINT "brand_list_entries_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "brand_lists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_list_entries" ADD CONSTRAINT "brand_list_entries_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written invariants.
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_limit_non_negative" CHECK ("limit" IS NULL OR "limit" >= 0);
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_rank_positive" CHECK ("rank" IS NULL OR "rank" >= 1);
-- A decision carries who made it and when; a 不推荐 carries its reason.
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_decided" CHECK ("decision" = 'PENDING' OR ("decided_at" IS NOT NULL));
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_reason" CHECK ("decision" <> 'NOT_RECOMMENDED' OR length(btrim(coalesce("reason", ''))) > 0);
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_failed_reason" CHECK ("result" <> 'FAILED' OR length(btrim(coalesce("reason", ''))) > 0);
ALTER TABLE "brand_lists" ADD CONSTRAINT "brand_lists_version_positive" CHECK ("version" >= 1);
ALTER TABLE "brand_lists" ADD CONSTRAINT "brand_lists_reason_after_first" CHECK ("version" = 1 OR length(btrim(coalesce("reason", ''))) > 0);
