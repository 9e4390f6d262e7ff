-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ObjectionOutcome" AS ENUM ('UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ObjectionStep" AS ENUM ('FILED', 'ACCEPTED', 'INVESTIGATING', 'NOTE', 'ANSWERED', 'DECLINED');

-- CreateTable
CREATE TABLE "publicities" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "notice" TEXT NOT NULL DEFAULT '',
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" TEXT,

    CONSTRAINT "publicities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objections" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "contact" TEXT NOT NULL DEFAULT '',
    "facts" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" "ObjectionOutcome",
    "answer" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection_events" (
    "id" TEXT NOT NULL,
    "objection_id" TEXT NOT NULL,
    "step" "ObjectionStep" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actor_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objection_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection_files" (
    "id" TEXT NOT NULL,
    "objection_id" TEXT NOT NULL,
    "event_id" TEXT,
    "file_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objection_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "announcements" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "document_no" TEXT NOT NULL DEFAULT '',
    "preamble" TEXT NOT NULL DEFAULT '',
    "issued_on" DATE NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" TEXT,

    CONSTRAINT "announcements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "honors" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "announcement_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "award_id" TEXT NOT NULL,
    "certificate_no" TEXT NOT NULL,
    "brand_name" TEXT NOT NULL,
    "organization_name" TEXT NOT NULL,
    "award_name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "issued_on" DATE NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT,
    "revoked_by_id" TEXT,

    CONSTRAINT "honors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "publicities_campaign_id_key" ON "publicities"("campaign_id");

-- CreateIndex
CREATE INDEX "publicities_decision_id_idx" ON "publicities"("decision_id");

-- CreateIndex
CREATE INDEX "publicities_published_by_id_idx" ON "publicities"("published_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "objections_tracking_code_key" ON "objections"("tracking_code");

-- CreateIndex
CREATE INDEX "objections_campaign_id_status_idx" ON "objections"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "objections_application_id_idx" ON "objections"("application_id");

-- CreateIndex
CREATE INDEX "objections_phone_idx" ON "objections"("phone");

-- CreateIndex
CREATE INDEX "objection_events_objection_id_idx" ON "objection_events"("objection_id");

-- CreateIndex
CREATE INDEX "objection_events_actor_id_idx" ON "objection_events"("actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "objection_files_file_id_key" ON "objection_files"("file_id");

-- CreateIndex
CREATE INDEX "objection_files_objection_id_idx" ON "objection_files"("objection_id");

-- CreateIndex
CREATE INDEX "objection_files_event_id_idx" ON "objection_files"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "announcements_campaign_id_key" ON "announcements"("campaign_id");

-- CreateIndex
CREATE INDEX "announcements_decision_id_idx" ON "announcements"("decision_id");

-- CreateIndex
CREATE INDEX "announcements_published_by_id_idx" ON "announcements"("published_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "honors_certificate_no_key" ON "honors"("certificate_no");

-- CreateIndex
CREATE INDEX "honors_campaign_id_idx" ON "honors"("campaign_id");

-- CreateIndex
CREATE INDEX "honors_announcement_id_idx" ON "honors"("announcement_id");

-- CreateIndex
CREATE INDEX "honors_award_id_idx" ON "honors"("award_id");

-- CreateIndex
CREATE INDEX "honors_revoked_by_id_idx" ON "honors"("revoked_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "honors_application_id_award_id_key" ON "honors"("application_id", "award_id");

-- AddForeignKey
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_events" ADD CONSTRAINT "objection_events_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_events" ADD CONSTRAINT "objection_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_files" ADD CONSTRAINT "objection_files_objection_id_fkey" FOREIGN KEY ("objection_id") REFERENCES "objections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_files" ADD CONSTRAINT "objection_files_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "objection_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection_files" ADD CONSTRAINT "objection_files_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "honors" ADD CONSTRAINT "honors_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "honors" ADD CONSTRAINT "honors_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "honors" ADD CONSTRAINT "honors_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "honors" ADD CONSTRAINT "honors_award_id_fkey" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "honors" ADD CONSTRAINT "honors_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_period_check" CHECK ("ends_at" > "starts_at");
-- A closed objection carries its answer; an answered one says whether it was upheld.
ALTER TABLE "objections" ADD CONSTRAINT "objections_closed_check"
  CHECK ("status" NOT IN ('ANSWERED', 'DECLINED') OR ("answer" IS NOT NULL AND "answered_at" IS NOT NULL));
ALTER TABLE "objections" ADD CONSTRAINT "objections_outcome_check"
  CHECK (("status" = 'ANSWERED') = ("outcome" IS NOT NULL));
-- 摘牌 always has a reason and a date.
ALTER TABLE "honors" ADD CONSTRAINT "honors_revoked_check"
  CHECK (("revoked_at" IS NULL) = ("revoke_reason" IS NULL));

-- Certificate numbers (DJPP-<year>-<n>) come from one sequence, so they never repeat across campaigns.
CREATE SEQUENCE "certificate_no_seq" START 1;
