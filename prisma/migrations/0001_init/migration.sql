-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgField" AS ENUM ('RURAL', 'COMMUNITY', 'GOVERNMENT', 'EDUCATION', 'HEALTH', 'SOE', 'NON_PUBLIC');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY', 'EXPERT', 'MEMBER');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'FINISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('DECLARATION', 'RECOMMENDATION', 'QUALIFICATION', 'VOTING', 'EXPERT_REVIEW', 'ONSITE_CHECK', 'DELIBERATION', 'PUBLICITY', 'ANNOUNCEMENT');

-- CreateEnum
CREATE TYPE "ResultsVisibility" AS ENUM ('HIDDEN', 'LIVE');

-- CreateEnum
CREATE TYPE "RubricTemplate" AS ENUM ('FOUR_HAVE_ONE_GOOD', 'FIVE_WORDS', 'CUSTOM');

-- CreateEnum
CREATE TYPE "AwardKind" AS ENUM ('DEMONSTRATION', 'TOP_TEN', 'EXCELLENT', 'POPULARITY', 'CREATIVITY', 'BEST_IN_FIELD', 'CUSTOM');

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "parent_id" TEXT,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "code" TEXT NOT NULL,
    "level_label" TEXT NOT NULL,
    "field" "OrgField",
    "member_count" INTEGER NOT NULL DEFAULT 0,
    "secretary_name" TEXT,
    "secretary_phone" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "login_name" TEXT NOT NULL,
    "phone" TEXT,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT true,
    "is_disabled" BOOLEAN NOT NULL DEFAULT false,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "last_failed_login_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organization_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "identifier" TEXT NOT NULL,
    "user_id" TEXT,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "captcha_challenges" (
    "id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "captcha_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "batch" INTEGER,
    "description" TEXT,
    "owner_org_id" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "name_max_length" INTEGER NOT NULL DEFAULT 15,
    "allow_multiple_applications" BOOLEAN NOT NULL DEFAULT false,
    "default_quota" INTEGER NOT NULL DEFAULT 5,
    "recommending_depths" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "publicity_enabled" BOOLEAN NOT NULL DEFAULT true,
    "member_voting_enabled" BOOLEAN NOT NULL DEFAULT true,
    "public_voting_enabled" BOOLEAN NOT NULL DEFAULT false,
    "votes_per_voter_per_day" INTEGER NOT NULL DEFAULT 5,
    "votes_per_entry_per_day" INTEGER NOT NULL DEFAULT 1,
    "votes_per_voter_total" INTEGER,
    "allow_vote_for_own_org" BOOLEAN NOT NULL DEFAULT false,
    "results_visibility" "ResultsVisibility" NOT NULL DEFAULT 'HIDDEN',
    "expert_weight" INTEGER NOT NULL DEFAULT 70,
    "vote_weight" INTEGER NOT NULL DEFAULT 30,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_stages" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" "StageKind" NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "campaign_stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_fields" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "org_fields" "OrgField"[] DEFAULT ARRAY[]::"OrgField"[],

    CONSTRAINT "campaign_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubrics" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "template" "RubricTemplate" NOT NULL DEFAULT 'FOUR_HAVE_ONE_GOOD',

    CONSTRAINT "rubrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criteria" (
    "id" TEXT NOT NULL,
    "rubric_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "max_points" INTEGER NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "criteria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "awards" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" "AwardKind" NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "field_id" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "awards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quotas" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,

    CONSTRAINT "quotas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations"("code");

-- CreateIndex
CREATE INDEX "organizations_parent_id_idx" ON "organizations"("parent_id");

-- CreateIndex
CREATE INDEX "organizations_path_idx" ON "organizations"("path" text_pattern_ops);

-- CreateIndex
CREATE UNIQUE INDEX "users_login_name_key" ON "users"("login_name");

-- CreateIndex
CREATE UNIQUE INDEX "users_phone_key" ON "users"("phone");

-- CreateIndex
CREATE INDEX "role_assignments_user_id_idx" ON "role_assignments"("user_id");

-- CreateIndex
CREATE INDEX "role_assignments_organization_id_idx" ON "role_assignments"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignments_user_id_role_organization_id_key" ON "role_assignments"("user_id", "role", "organization_id");

-- CreateIndex
CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_user_id_idx" ON "login_attempts"("user_id");

-- CreateIndex
CREATE INDEX "captcha_challenges_expires_at_idx" ON "captcha_challenges"("expires_at");

-- CreateIndex
CREATE INDEX "campaigns_owner_org_id_idx" ON "campaigns"("owner_org_id");

-- CreateIndex
CREATE INDEX "campaigns_created_by_id_idx" ON "campaigns"("created_by_id");

-- CreateIndex
CREATE INDEX "campaigns_year_idx" ON "campaigns"("year");

-- CreateIndex
CREATE INDEX "campaign_stages_campaign_id_idx" ON "campaign_stages"("campaign_id");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_stages_campaign_id_kind_key" ON "campaign_stages"("campaign_id", "kind");

-- CreateIndex
CREATE INDEX "campaign_fields_campaign_id_idx" ON "campaign_fields"("campaign_id");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_fields_campaign_id_name_key" ON "campaign_fields"("campaign_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "rubrics_campaign_id_key" ON "rubrics"("campaign_id");

-- CreateIndex
CREATE INDEX "criteria_rubric_id_idx" ON "criteria"("rubric_id");

-- CreateIndex
CREATE UNIQUE INDEX "criteria_rubric_id_sort_order_key" ON "criteria"("rubric_id", "sort_order");

-- CreateIndex
CREATE INDEX "awards_campaign_id_idx" ON "awards"("campaign_id");

-- CreateIndex
CREATE INDEX "awards_field_id_idx" ON "awards"("field_id");

-- CreateIndex
CREATE UNIQUE INDEX "awards_campaign_id_name_key" ON "awards"("campaign_id", "name");

-- CreateIndex
CREATE INDEX "quotas_campaign_id_idx" ON "quotas"("campaign_id");

-- CreateIndex
CREATE INDEX "quotas_organization_id_idx" ON "quotas"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "quotas_campaign_id_organization_id_key" ON "quotas"("campaign_id", "organization_id");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_idx" ON "audit_logs"("actor_id");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_action_idx" ON "audit_logs"("action");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_stages" ADD CONSTRAINT "campaign_stages_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_fields" ADD CONSTRAINT "campaign_fields_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rubrics" ADD CONSTRAINT "rubrics_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "awards" ADD CONSTRAINT "awards_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "awards" ADD CONSTRAINT "awards_field_id_fkey" FOREIGN KEY ("field_id") REFERENCES "campaign_fields"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the audit log is append-only. The database itself refuses changes to written rows.
CREATE FUNCTION audit_logs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_refuse_change();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_refuse_change();

-- Hand-written: tree and settings sanity that Prisma cannot express.
ALTER TABLE "organizations" ADD CONSTRAINT organizations_not_own_parent CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "organizations" ADD CONSTRAINT organizations_member_count_nonneg CHECK ("member_count" >= 0);
ALTER TABLE "campaign_stages" ADD CONSTRAINT campaign_stages_window CHECK ("starts_at" < "ends_at");
ALTER TABLE "criteria" ADD CONSTRAINT criteria_max_points_positive CHECK ("max_points" > 0);
ALTER TABLE "awards" ADD CONSTRAINT awards_count_positive CHECK ("count" > 0);
ALTER TABLE "quotas" ADD CONSTRAINT quotas_limit_nonneg CHECK ("limit" >= 0);
ALTER TABLE "campaigns" ADD CONSTRAINT campaigns_weights CHECK ("expert_weight" >= 0 AND "vote_weight" >= 0 AND "expert_weight" + "vote_weight" = 100);
