-- CreateEnum
CREATE TYPE "ScoreAggregation" AS ENUM ('MEAN', 'TRIMMED_MEAN', 'Z_SCORE');

-- CreateEnum
CREATE TYPE "AssignmentSource" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "OnsiteResult" AS ENUM ('PENDING', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('PRELIMINARY', 'FINAL');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "blind_review" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "comment_below_percent" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "dispute_spread" INTEGER DEFAULT 20,
ADD COLUMN     "experts_per_entry" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "review_cap_per_expert" INTEGER,
ADD COLUMN     "score_aggregation" "ScoreAggregation" NOT NULL DEFAULT 'TRIMMED_MEAN';

-- CreateTable
CREATE TABLE "expert_profiles" (
    "user_id" TEXT NOT NULL,
    "home_organization_id" TEXT,
    "expertise" "OrgField"[] DEFAULT ARRAY[]::"OrgField"[],
    "title" TEXT NOT NULL DEFAULT '',
    "work_unit" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "expert_profiles_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "expert_panels" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "field_id" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "expert_panels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_panel_members" (
    "panel_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,

    CONSTRAINT "expert_panel_members_pkey" PRIMARY KEY ("panel_id","expert_id")
);

-- CreateTable
CREATE TABLE "review_conflicts" (
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_conflicts_pkey" PRIMARY KEY ("application_id","expert_id")
);

-- CreateTable
CREATE TABLE "review_assignments" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "source" "AssignmentSource" NOT NULL DEFAULT 'AUTO',
    "reason" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "reopened_at" TIMESTAMPTZ(3),
    "reopen_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_scores" (
    "assignment_id" TEXT NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "points" DECIMAL(5,1) NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_scores_pkey" PRIMARY KEY ("assignment_id","criterion_id")
);

-- CreateTable
CREATE TABLE "onsite_checks" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "scheduled_on" DATE,
    "findings" TEXT NOT NULL DEFAULT '',
    "result" "OnsiteResult" NOT NULL DEFAULT 'PENDING',
    "recorded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "onsite_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "onsite_check_inspectors" (
    "check_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "onsite_check_inspectors_pkey" PRIMARY KEY ("check_id","user_id")
);

-- CreateTable
CREATE TABLE "onsite_check_photos" (
    "check_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "onsite_check_photos_pkey" PRIMARY KEY ("check_id","file_id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "meeting_date" DATE NOT NULL,
    "attendees" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "correction_reason" TEXT,
    "signed_at" TIMESTAMPTZ(3),
    "signed_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_items" (
    "decision_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DECIMAL(6,2) NOT NULL,
    "award_id" TEXT,
    "change_reason" TEXT,

    CONSTRAINT "decision_items_pkey" PRIMARY KEY ("decision_id","application_id")
);

-- CreateTable
CREATE TABLE "votes" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "voter_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidated_at" TIMESTAMPTZ(3),

    CONSTRAINT "votes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "expert_profiles_home_organization_id_idx" ON "expert_profiles"("home_organization_id");

-- CreateIndex
CREATE INDEX "expert_panels_field_id_idx" ON "expert_panels"("field_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_panels_campaign_id_name_key" ON "expert_panels"("campaign_id", "name");

-- CreateIndex
CREATE INDEX "expert_panel_members_expert_id_idx" ON "expert_panel_members"("expert_id");

-- CreateIndex
CREATE INDEX "review_conflicts_campaign_id_idx" ON "review_conflicts"("campaign_id");

-- CreateIndex
CREATE INDEX "review_conflicts_expert_id_idx" ON "review_conflicts"("expert_id");

-- CreateIndex
CREATE INDEX "review_assignments_campaign_id_round_idx" ON "review_assignments"("campaign_id", "round");

-- CreateIndex
CREATE INDEX "review_assignments_expert_id_idx" ON "review_assignments"("expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_assignments_application_id_expert_id_round_key" ON "review_assignments"("application_id", "expert_id", "round");

-- CreateIndex
CREATE INDEX "review_scores_criterion_id_idx" ON "review_scores"("criterion_id");

-- CreateIndex
CREATE INDEX "onsite_checks_application_id_idx" ON "onsite_checks"("application_id");

-- CreateIndex
CREATE UNIQUE INDEX "onsite_checks_campaign_id_application_id_key" ON "onsite_checks"("campaign_id", "application_id");

-- CreateIndex
CREATE INDEX "onsite_check_inspectors_user_id_idx" ON "onsite_check_inspectors"("user_id");

-- CreateIndex
CREATE INDEX "onsite_check_photos_file_id_idx" ON "onsite_check_photos"("file_id");

-- CreateIndex
CREATE INDEX "decisions_signed_by_id_idx" ON "decisions"("signed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_campaign_id_kind_version_key" ON "decisions"("campaign_id", "kind", "version");

-- CreateIndex
CREATE INDEX "decision_items_application_id_idx" ON "decision_items"("application_id");

-- CreateIndex
CREATE INDEX "decision_items_award_id_idx" ON "decision_items"("award_id");

-- CreateIndex
CREATE INDEX "votes_campaign_id_application_id_idx" ON "votes"("campaign_id", "application_id");

-- AddForeignKey
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_home_organization_id_fkey" FOREIGN KEY ("home_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_panels" ADD CONSTRAINT "expert_panels_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_panels" ADD CONSTRAINT "expert_panels_field_id_fkey" FOREIGN KEY ("field_id") REFERENCES "campaign_fields"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_panel_members" ADD CONSTRAINT "expert_panel_members_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "expert_panels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_panel_members" ADD CONSTRAINT "expert_panel_members_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_conflicts" ADD CONSTRAINT "review_conflicts_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "review_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_checks" ADD CONSTRAINT "onsite_checks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_checks" ADD CONSTRAINT "onsite_checks_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_check_inspectors" ADD CONSTRAINT "onsite_check_inspectors_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "onsite_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_check_inspectors" ADD CONSTRAINT "onsite_check_inspectors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_check_photos" ADD CONSTRAINT "onsite_check_photos_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "onsite_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "onsite_check_photos" ADD CONSTRAINT "onsite_check_photos_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_signed_by_id_fkey" FOREIGN KEY ("signed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_award_id_fkey" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_experts_per_entry_check" CHECK ("experts_per_entry" BETWEEN 1 AND 20);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_review_cap_check" CHECK ("review_cap_per_expert" IS NULL OR "review_cap_per_expert" >= 1);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_comment_below_percent_check" CHECK ("comment_below_percent" BETWEEN 0 AND 100);
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_dispute_spread_check" CHECK ("dispute_spread" IS NULL OR "dispute_spread" >= 0);
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_round_check" CHECK ("round" >= 1);
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_points_check" CHECK ("points" >= 0);
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_version_check" CHECK ("version" >= 1);

-- Valid votes per entry, read by an index-only scan for the ranking.
CREATE INDEX "votes_valid_idx" ON "votes" ("campaign_id", "application_id") WHERE "invalidated_at" IS NULL;

-- A signed decision is a record of a meeting: neither it nor its items change afterwards. Corrections are new versions.
CREATE FUNCTION refuse_signed_decision_change() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'decisions' THEN
    IF OLD.signed_at IS NOT NULL THEN
      RAISE EXCEPTION 'decision % is signed and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM decisions WHERE id = COALESCE(NEW.decision_id, OLD.decision_id) AND signed_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM decisions WHERE id = OLD.decision_id AND signed_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'decision is signed and its items cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decisions_signed_immutable BEFORE UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_decision_change();
CREATE TRIGGER decision_items_signed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "decision_items"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_decision_change();
