-- CreateEnum
CREATE TYPE "CampaignProgram" AS ENUM ('SELECTION', 'CREATION');

-- CreateEnum
CREATE TYPE "CultivationStatus" AS ENUM ('CULTIVATING', 'ACCEPTANCE', 'RECOGNISED', 'ENDED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StageKind" ADD VALUE 'CULTIVATION';
ALTER TYPE "StageKind" ADD VALUE 'ACCEPTANCE';
ALTER TYPE "StageKind" ADD VALUE 'PROMOTION';

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "acceptance_complete_by" DATE,
ADD COLUMN     "acceptance_request_deadline" DATE,
ADD COLUMN     "cultivation_ends_on" DATE,
ADD COLUMN     "ledger_due_day" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "ledger_sms_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "program" "CampaignProgram" NOT NULL DEFAULT 'SELECTION';

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "brand_id" TEXT;

-- CreateTable
CREATE TABLE "brands" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cultivations" (
    "id" TEXT NOT NULL,
    "brand_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "status" "CultivationStatus" NOT NULL DEFAULT 'CULTIVATING',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recognised_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cultivations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "brands_organization_id_idx" ON "brands"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "cultivations_application_id_key" ON "cultivations"("application_id");

-- CreateIndex
CREATE INDEX "cultivations_brand_id_idx" ON "cultivations"("brand_id");

-- CreateIndex
CREATE INDEX "cultivations_campaign_id_status_idx" ON "cultivations"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "applications_brand_id_idx" ON "applications"("brand_id");

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brands" ADD CONSTRAINT "brands_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cultivations" ADD CONSTRAINT "cultivations_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cultivations" ADD CONSTRAINT "cultivations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cultivations" ADD CONSTRAINT "cultivations_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 台帐 due day: a day every month has (the 29th–31st would skip February).
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_ledger_due_day_check" CHECK ("ledger_due_day" BETWEEN 1 AND 28);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_acceptance_dates_check"
  CHECK ("acceptance_request_deadline" IS NULL OR "acceptance_complete_by" IS NULL OR "acceptance_request_deadline" <= "acceptance_complete_by");

-- 认定 has a date; an ended cultivation has one too.
ALTER TABLE "cultivations" ADD CONSTRAINT "cultivations_recognised_check" CHECK (("status" = 'RECOGNISED') = ("recognised_at" IS NOT NULL));
ALTER TABLE "cultivations" ADD CONSTRAINT "cultivations_ended_check" CHECK (("status" = 'ENDED') = ("ended_at" IS NOT NULL));

-- Every declaration already submitted becomes part of a lasting brand: one brand per organization and declared name
-- (the same name declared in two campaigns is the same brand). Drafts get theirs when they are submitted.
CREATE TEMP TABLE "_brand_backfill" ON COMMIT DROP AS
  SELECT gen_random_uuid()::text AS id, organization_id, btrim(brand_name) AS name, min(created_at) AS created_at
  FROM "applications"
  WHERE status <> 'DRAFT' AND btrim(brand_name) <> ''
  GROUP BY organization_id, btrim(brand_name);
INSERT INTO "brands" (id, organization_id, name, created_at, updated_at)
  SELECT id, organization_id, name, created_at, CURRENT_TIMESTAMP FROM "_brand_backfill";
UPDATE "applications" a SET brand_id = b.id
  FROM "_brand_backfill" b
  WHERE a.status <> 'DRAFT' AND a.organization_id = b.organization_id AND btrim(a.brand_name) = b.name;
