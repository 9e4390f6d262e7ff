-- CreateEnum
CREATE TYPE "SiteLevel" AS ENUM ('CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "DemoStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "BeltStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ChecklistVerdict" AS ENUM ('PENDING', 'MET', 'NOT_MET');

-- CreateEnum
CREATE TYPE "ImprovementKind" AS ENUM ('PROBLEM', 'IMPROVEMENT');

-- CreateEnum
CREATE TYPE "ImprovementStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PairingKind" AS ENUM ('BRANCH', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "PairingStatus" AS ENUM ('ACTIVE', 'REVIEWED');

-- CreateEnum
CREATE TYPE "PairingVerdict" AS ENUM ('EXCELLENT', 'GOOD', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "PromotionEventKind" AS ENUM ('OBSERVATION', 'EXCHANGE', 'PROGRESS', 'CONTEST');

-- CreateEnum
CREATE TYPE "ScheduleRecurrence" AS ENUM ('QUARTERLY', 'HALF_YEARLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "PromotionFileSlot" AS ENUM ('MATERIAL', 'PHOTO');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "is_lagging" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lagging_note" TEXT;

-- AlterTable
ALTER TABLE "recognitions" ADD COLUMN     "revoke_reason" TEXT,
ADD COLUMN     "revoked_at" TIMESTAMPTZ(3),
ADD COLUMN     "revoked_by_id" TEXT;

-- CreateTable
CREATE TABLE "demo_programs" (
    "id" TEXT NOT NULL,
    "owner_org_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "start_year" INTEGER NOT NULL,
    "years" INTEGER NOT NULL DEFAULT 3,
    "min_sites_per_belt" INTEGER NOT NULL DEFAULT 8,
    "site_checklists" JSONB NOT NULL DEFAULT '[]',
    "belt_checklists" JSONB NOT NULL DEFAULT '[]',
    "score_sheet" JSONB NOT NULL DEFAULT '[]',
    "belt_factors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demo_programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demo_sites" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "brand_id" TEXT,
    "name" TEXT NOT NULL,
    "level" "SiteLevel" NOT NULL DEFAULT 'COUNTY',
    "address" TEXT NOT NULL DEFAULT '',
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "description" TEXT NOT NULL DEFAULT '',
    "status" "DemoStatus" NOT NULL DEFAULT 'ACTIVE',
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT,
    "revoked_by_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demo_sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demo_site_photos" (
    "site_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "demo_site_photos_pkey" PRIMARY KEY ("site_id","file_id")
);

-- CreateTable
CREATE TABLE "checklist_items" (
    "id" TEXT NOT NULL,
    "site_id" TEXT,
    "belt_id" TEXT,
    "list_key" TEXT NOT NULL,
    "item_index" INTEGER NOT NULL,
    "item_name" TEXT NOT NULL,
    "verdict" "ChecklistVerdict" NOT NULL DEFAULT 'PENDING',
    "note" TEXT NOT NULL DEFAULT '',
    "checked_by_id" TEXT,
    "checked_at" TIMESTAMPTZ(3),

    CONSTRAINT "checklist_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_evidence" (
    "item_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "checklist_evidence_pkey" PRIMARY KEY ("item_id","file_id")
);

-- CreateTable
CREATE TABLE "site_assessments" (
    "id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "criteria" JSONB NOT NULL,
    "scores" INTEGER[],
    "total" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "assessed_by_id" TEXT,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demo_belts" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "owner_org_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "factors" JSONB NOT NULL DEFAULT '{}',
    "plan" JSONB NOT NULL DEFAULT '[]',
    "min_sites" INTEGER NOT NULL DEFAULT 8,
    "status" "BeltStatus" NOT NULL DEFAULT 'DRAFT',
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "return_reason" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demo_belts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "belt_sites" (
    "belt_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "route_order" INTEGER NOT NULL,

    CONSTRAINT "belt_sites_pkey" PRIMARY KEY ("belt_id","site_id")
);

-- CreateTable
CREATE TABLE "improvement_items" (
    "id" TEXT NOT NULL,
    "belt_id" TEXT,
    "site_id" TEXT,
    "kind" "ImprovementKind" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "owner_name" TEXT NOT NULL,
    "owner_user_id" TEXT,
    "due_on" DATE NOT NULL,
    "status" "ImprovementStatus" NOT NULL DEFAULT 'OPEN',
    "closed_at" TIMESTAMPTZ(3),
    "closure_note" TEXT,
    "closed_by_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "improvement_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "improvement_evidence" (
    "item_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "improvement_evidence_pkey" PRIMARY KEY ("item_id","file_id")
);

-- CreateTable
CREATE TABLE "public_comments" (
    "id" TEXT NOT NULL,
    "belt_id" TEXT,
    "site_id" TEXT,
    "phone_hash" TEXT NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT '群众',
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'PENDING',
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moderated_at" TIMESTAMPTZ(3),
    "moderated_by_id" TEXT,
    "reject_reason" TEXT,
    "reply" TEXT,
    "replied_at" TIMESTAMPTZ(3),
    "replied_by_id" TEXT,

    CONSTRAINT "public_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairings" (
    "id" TEXT NOT NULL,
    "committee_org_id" TEXT NOT NULL,
    "brand_org_id" TEXT NOT NULL,
    "brand_id" TEXT,
    "kind" "PairingKind" NOT NULL,
    "partner_org_id" TEXT,
    "partner_name" TEXT,
    "goals" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "status" "PairingStatus" NOT NULL DEFAULT 'ACTIVE',
    "verdict" "PairingVerdict",
    "review_note" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pairings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing_activities" (
    "id" TEXT NOT NULL,
    "pairing_id" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "activity" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "participants" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pairing_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing_activity_files" (
    "activity_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "slot" "AttachmentSlot" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pairing_activity_files_pkey" PRIMARY KEY ("activity_id","file_id")
);

-- CreateTable
CREATE TABLE "promotion_schedules" (
    "id" TEXT NOT NULL,
    "owner_org_id" TEXT NOT NULL,
    "kind" "PromotionEventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "recurrence" "ScheduleRecurrence" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotion_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_events" (
    "id" TEXT NOT NULL,
    "owner_org_id" TEXT NOT NULL,
    "schedule_id" TEXT,
    "kind" "PromotionEventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "participants" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotion_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_event_sites" (
    "event_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "promotion_event_sites_pkey" PRIMARY KEY ("event_id","site_id")
);

-- CreateTable
CREATE TABLE "promotion_event_files" (
    "event_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "slot" "PromotionFileSlot" NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "promotion_event_files_pkey" PRIMARY KEY ("event_id","file_id")
);

-- CreateTable
CREATE TABLE "contest_entries" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "brand_id" TEXT,
    "presenter" TEXT NOT NULL DEFAULT '',
    "topic" TEXT NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "contest_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contest_judges" (
    "event_id" TEXT NOT NULL,
    "judge_id" TEXT NOT NULL,

    CONSTRAINT "contest_judges_pkey" PRIMARY KEY ("event_id","judge_id")
);

-- CreateTable
CREATE TABLE "contest_scores" (
    "entry_id" TEXT NOT NULL,
    "judge_id" TEXT NOT NULL,
    "scores" INTEGER[],
    "total" INTEGER NOT NULL DEFAULT 0,
    "comment" TEXT NOT NULL DEFAULT '',
    "submitted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contest_scores_pkey" PRIMARY KEY ("entry_id","judge_id")
);

-- CreateTable
CREATE TABLE "brochures" (
    "id" TEXT NOT NULL,
    "owner_org_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "brand_ids" TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brochures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "demo_programs_owner_org_id_idx" ON "demo_programs"("owner_org_id");

-- CreateIndex
CREATE INDEX "demo_programs_created_by_id_idx" ON "demo_programs"("created_by_id");

-- CreateIndex
CREATE INDEX "demo_sites_program_id_idx" ON "demo_sites"("program_id");

-- CreateIndex
CREATE INDEX "demo_sites_organization_id_idx" ON "demo_sites"("organization_id");

-- CreateIndex
CREATE INDEX "demo_sites_brand_id_idx" ON "demo_sites"("brand_id");

-- CreateIndex
CREATE INDEX "demo_sites_revoked_by_id_idx" ON "demo_sites"("revoked_by_id");

-- CreateIndex
CREATE INDEX "demo_sites_created_by_id_idx" ON "demo_sites"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "demo_site_photos_file_id_key" ON "demo_site_photos"("file_id");

-- CreateIndex
CREATE INDEX "checklist_items_checked_by_id_idx" ON "checklist_items"("checked_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "checklist_items_site_id_list_key_item_index_key" ON "checklist_items"("site_id", "list_key", "item_index");

-- CreateIndex
CREATE UNIQUE INDEX "checklist_items_belt_id_list_key_item_index_key" ON "checklist_items"("belt_id", "list_key", "item_index");

-- CreateIndex
CREATE UNIQUE INDEX "checklist_evidence_file_id_key" ON "checklist_evidence"("file_id");

-- CreateIndex
CREATE INDEX "site_assessments_assessed_by_id_idx" ON "site_assessments"("assessed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "site_assessments_site_id_year_version_key" ON "site_assessments"("site_id", "year", "version");

-- CreateIndex
CREATE INDEX "demo_belts_program_id_idx" ON "demo_belts"("program_id");

-- CreateIndex
CREATE INDEX "demo_belts_owner_org_id_idx" ON "demo_belts"("owner_org_id");

-- CreateIndex
CREATE INDEX "demo_belts_decided_by_id_idx" ON "demo_belts"("decided_by_id");

-- CreateIndex
CREATE INDEX "demo_belts_created_by_id_idx" ON "demo_belts"("created_by_id");

-- CreateIndex
CREATE INDEX "belt_sites_site_id_idx" ON "belt_sites"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "belt_sites_belt_id_route_order_key" ON "belt_sites"("belt_id", "route_order");

-- CreateIndex
CREATE INDEX "improvement_items_belt_id_idx" ON "improvement_items"("belt_id");

-- CreateIndex
CREATE INDEX "improvement_items_site_id_idx" ON "improvement_items"("site_id");

-- CreateIndex
CREATE INDEX "improvement_items_owner_user_id_idx" ON "improvement_items"("owner_user_id");

-- CreateIndex
CREATE INDEX "improvement_items_closed_by_id_idx" ON "improvement_items"("closed_by_id");

-- CreateIndex
CREATE INDEX "improvement_items_created_by_id_idx" ON "improvement_items"("created_by_id");

-- CreateIndex
CREATE INDEX "improvement_items_status_due_on_idx" ON "improvement_items"("status", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "improvement_evidence_file_id_key" ON "improvement_evidence"("file_id");

-- CreateIndex
CREATE INDEX "public_comments_belt_id_status_idx" ON "public_comments"("belt_id", "status");

-- CreateIndex
CREATE INDEX "public_comments_site_id_status_idx" ON "public_comments"("site_id", "status");

-- CreateIndex
CREATE INDEX "public_comments_phone_hash_created_at_idx" ON "public_comments"("phone_hash", "created_at");

-- CreateIndex
CREATE INDEX "public_comments_moderated_by_id_idx" ON "public_comments"("moderated_by_id");

-- CreateIndex
CREATE INDEX "public_comments_replied_by_id_idx" ON "public_comments"("replied_by_id");

-- CreateIndex
CREATE INDEX "pairings_committee_org_id_idx" ON "pairings"("committee_org_id");

-- CreateIndex
CREATE INDEX "pairings_brand_org_id_idx" ON "pairings"("brand_org_id");

-- CreateIndex
CREATE INDEX "pairings_brand_id_idx" ON "pairings"("brand_id");

-- CreateIndex
CREATE INDEX "pairings_partner_org_id_idx" ON "pairings"("partner_org_id");

-- CreateIndex
CREATE INDEX "pairings_reviewed_by_id_idx" ON "pairings"("reviewed_by_id");

-- CreateIndex
CREATE INDEX "pairings_created_by_id_idx" ON "pairings"("created_by_id");

-- CreateIndex
CREATE INDEX "pairing_activities_pairing_id_occurred_on_idx" ON "pairing_activities"("pairing_id", "occurred_on");

-- CreateIndex
CREATE INDEX "pairing_activities_created_by_id_idx" ON "pairing_activities"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "pairing_activity_files_file_id_key" ON "pairing_activity_files"("file_id");

-- CreateIndex
CREATE INDEX "promotion_schedules_owner_org_id_idx" ON "promotion_schedules"("owner_org_id");

-- CreateIndex
CREATE INDEX "promotion_schedules_created_by_id_idx" ON "promotion_schedules"("created_by_id");

-- CreateIndex
CREATE INDEX "promotion_events_owner_org_id_held_at_idx" ON "promotion_events"("owner_org_id", "held_at");

-- CreateIndex
CREATE INDEX "promotion_events_schedule_id_idx" ON "promotion_events"("schedule_id");

-- CreateIndex
CREATE INDEX "promotion_events_created_by_id_idx" ON "promotion_events"("created_by_id");

-- CreateIndex
CREATE INDEX "promotion_event_sites_site_id_idx" ON "promotion_event_sites"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_event_files_file_id_key" ON "promotion_event_files"("file_id");

-- CreateIndex
CREATE INDEX "contest_entries_organization_id_idx" ON "contest_entries"("organization_id");

-- CreateIndex
CREATE INDEX "contest_entries_brand_id_idx" ON "contest_entries"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "contest_entries_event_id_organization_id_key" ON "contest_entries"("event_id", "organization_id");

-- CreateIndex
CREATE INDEX "contest_judges_judge_id_idx" ON "contest_judges"("judge_id");

-- CreateIndex
CREATE INDEX "contest_scores_judge_id_idx" ON "contest_scores"("judge_id");

-- CreateIndex
CREATE INDEX "brochures_owner_org_id_idx" ON "brochures"("owner_org_id");

-- CreateIndex
CREATE INDEX "brochures_created_by_id_idx" ON "brochures"("created_by_id");

-- CreateIndex
CREATE INDEX "recognitions_revoked_by_id_idx" ON "recognitions"("revoked_by_id");

-- AddForeignKey
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_programs" ADD CONSTRAINT "demo_programs_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_programs" ADD CONSTRAINT "demo_programs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "demo_programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_site_photos" ADD CONSTRAINT "demo_site_photos_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_site_photos" ADD CONSTRAINT "demo_site_photos_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_belt_id_fkey" FOREIGN KEY ("belt_id") REFERENCES "demo_belts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "checklist_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checklist_evidence" ADD CONSTRAINT "checklist_evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_assessments" ADD CONSTRAINT "site_assessments_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_assessments" ADD CONSTRAINT "site_assessments_assessed_by_id_fkey" FOREIGN KEY ("assessed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "demo_programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "belt_sites" ADD CONSTRAINT "belt_sites_belt_id_fkey" FOREIGN KEY ("belt_id") REFERENCES "demo_belts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "belt_sites" ADD CONSTRAINT "belt_sites_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_belt_id_fkey" FOREIGN KEY ("belt_id") REFERENCES "demo_belts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_evidence" ADD CONSTRAINT "improvement_evidence_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "improvement_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "improvement_evidence" ADD CONSTRAINT "improvement_evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_belt_id_fkey" FOREIGN KEY ("belt_id") REFERENCES "demo_belts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_moderated_by_id_fkey" FOREIGN KEY ("moderated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_replied_by_id_fkey" FOREIGN KEY ("replied_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_committee_org_id_fkey" FOREIGN KEY ("committee_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_brand_org_id_fkey" FOREIGN KEY ("brand_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_partner_org_id_fkey" FOREIGN KEY ("partner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_activities" ADD CONSTRAINT "pairing_activities_pairing_id_fkey" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_activities" ADD CONSTRAINT "pairing_activities_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_activity_files" ADD CONSTRAINT "pairing_activity_files_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "pairing_activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_activity_files" ADD CONSTRAINT "pairing_activity_files_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_schedules" ADD CONSTRAINT "promotion_schedules_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_schedules" ADD CONSTRAINT "promotion_schedules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_events" ADD CONSTRAINT "promotion_events_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_events" ADD CONSTRAINT "promotion_events_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "promotion_schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_events" ADD CONSTRAINT "promotion_events_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event_sites" ADD CONSTRAINT "promotion_event_sites_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "promotion_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event_sites" ADD CONSTRAINT "promotion_event_sites_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "demo_sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event_files" ADD CONSTRAINT "promotion_event_files_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "promotion_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_event_files" ADD CONSTRAINT "promotion_event_files_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "promotion_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_entries" ADD CONSTRAINT "contest_entries_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_judges" ADD CONSTRAINT "contest_judges_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "promotion_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_judges" ADD CONSTRAINT "contest_judges_judge_id_fkey" FOREIGN KEY ("judge_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_scores" ADD CONSTRAINT "contest_scores_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "contest_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contest_scores" ADD CONSTRAINT "contest_scores_judge_id_fkey" FOREIGN KEY ("judge_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brochures" ADD CONSTRAINT "brochures_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brochures" ADD CONSTRAINT "brochures_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Invariants (issue 20) ───────────────────────────────────────────────────────────────────────────────────────
-- Each checklist item, 问题/提升清单 item and public comment hangs off exactly one of a belt or a site.
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_subject_check" CHECK (num_nonnulls("site_id", "belt_id") = 1);
ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_subject_check" CHECK (num_nonnulls("site_id", "belt_id") = 1);
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_subject_check" CHECK (num_nonnulls("site_id", "belt_id") = 1);

ALTER TABLE "demo_programs" ADD CONSTRAINT "demo_programs_numbers_check"
  CHECK ("min_sites_per_belt" BETWEEN 1 AND 100 AND "years" BETWEEN 1 AND 10 AND "start_year" BETWEEN 2000 AND 2100);
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_min_sites_check" CHECK ("min_sites" BETWEEN 1 AND 100);
ALTER TABLE "demo_belts" ADD CONSTRAINT "demo_belts_returned_check" CHECK ("status" <> 'RETURNED' OR btrim(coalesce("return_reason", '')) <> '');
ALTER TABLE "belt_sites" ADD CONSTRAINT "belt_sites_route_order_check" CHECK ("route_order" >= 1);

-- 摘牌: a revoked site or recognition carries its date and reason; a standing one neither.
ALTER TABLE "demo_sites" ADD CONSTRAINT "demo_sites_revoked_check"
  CHECK (("status" = 'REVOKED') = ("revoked_at" IS NOT NULL) AND ("revoked_at" IS NULL) = (btrim(coalesce("revoke_reason", '')) = ''));
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_revoked_check" CHECK (("revoked_at" IS NULL) = (btrim(coalesce("revoke_reason", '')) = ''));

ALTER TABLE "site_assessments" ADD CONSTRAINT "site_assessments_numbers_check"
  CHECK ("version" >= 1 AND "year" BETWEEN 2000 AND 2100 AND "total" >= 0 AND 0 <= ALL ("scores"));
ALTER TABLE "contest_scores" ADD CONSTRAINT "contest_scores_numbers_check" CHECK ("total" >= 0 AND 0 <= ALL ("scores"));

ALTER TABLE "improvement_items" ADD CONSTRAINT "improvement_items_closed_check"
  CHECK (("status" = 'CLOSED') = ("closed_at" IS NOT NULL) AND ("status" <> 'CLOSED' OR btrim(coalesce("closure_note", '')) <> ''));

-- Comments: a length limit the form also states; a moderated one has its time; a rejected one its reason.
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_body_check" CHECK (char_length("body") BETWEEN 1 AND 500);
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_moderated_check"
  CHECK (("status" = 'PENDING') = ("moderated_at" IS NULL) AND ("status" <> 'REJECTED' OR btrim(coalesce("reject_reason", '')) <> ''));
ALTER TABLE "public_comments" ADD CONSTRAINT "public_comments_reply_check" CHECK (("reply" IS NULL) = ("replied_at" IS NULL));

-- 结对共建: a branch pairing names its partner organization, an enterprise pairing the outside unit; never itself.
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_partner_check" CHECK (
  ("kind" = 'BRANCH' AND "partner_org_id" IS NOT NULL AND "partner_name" IS NULL AND "partner_org_id" <> "brand_org_id")
  OR ("kind" = 'ENTERPRISE' AND "partner_org_id" IS NULL AND btrim(coalesce("partner_name", '')) <> ''));
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_period_check" CHECK ("ends_on" >= "starts_on");
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_reviewed_check"
  CHECK (("status" = 'REVIEWED') = ("verdict" IS NOT NULL AND "reviewed_at" IS NOT NULL));

ALTER TABLE "brochures" ADD CONSTRAINT "brochures_title_check" CHECK (btrim("title") <> '');

-- A checklist item judged 达标 (MET) has evidence: checked at commit, so the service may write the verdict and its
-- files in either order inside one transaction.
CREATE FUNCTION checklist_met_needs_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target TEXT;
BEGIN
  -- Each branch names only its own table's columns (plpgsql plans an expression on first use).
  IF TG_TABLE_NAME = 'checklist_items' THEN target := NEW."id"; ELSE target := OLD."item_id"; END IF;
  IF EXISTS (SELECT 1 FROM "checklist_items" i WHERE i."id" = target AND i."verdict" = 'MET')
     AND NOT EXISTS (SELECT 1 FROM "checklist_evidence" e WHERE e."item_id" = target) THEN
    RAISE EXCEPTION 'checklist item % is MET without evidence', target USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "checklist_items_met_needs_evidence" AFTER INSERT OR UPDATE OF "verdict" ON "checklist_items"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION checklist_met_needs_evidence();
CREATE CONSTRAINT TRIGGER "checklist_evidence_keeps_met" AFTER DELETE ON "checklist_evidence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION checklist_met_needs_evidence();

-- 立项: a belt is submitted or approved only with at least its minimum number of sites (checked at commit).
CREATE FUNCTION demo_belt_min_sites() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target TEXT;
  belt RECORD;
BEGIN
  IF TG_TABLE_NAME = 'demo_belts' THEN target := NEW."id"; ELSE target := OLD."belt_id"; END IF;
  SELECT b."status", b."min_sites" INTO belt FROM "demo_belts" b WHERE b."id" = target;
  IF FOUND AND belt."status" IN ('SUBMITTED', 'APPROVED')
     AND (SELECT count(*) FROM "belt_sites" s WHERE s."belt_id" = target) < belt."min_sites" THEN
    RAISE EXCEPTION 'demo belt % has fewer than % sites', target, belt."min_sites" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "demo_belts_min_sites" AFTER INSERT OR UPDATE OF "status", "min_sites" ON "demo_belts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION demo_belt_min_sites();
CREATE CONSTRAINT TRIGGER "belt_sites_keep_min" AFTER DELETE ON "belt_sites"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION demo_belt_min_sites();
