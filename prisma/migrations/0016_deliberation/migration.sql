-- Issue 18, 评定 → 公示 → 表彰: several awards per entry in a decision, versioned 公示 (a corrected 审定 is published
-- again), objections bound to the 公示 version they were raised in.

-- ─── Decision awards: one row per (decision, entry, award), decided and/or proposed ─────────────────────────────
CREATE TABLE "decision_awards" (
    "decision_id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "award_id" TEXT NOT NULL,
    "is_decided" BOOLEAN NOT NULL,
    "is_proposed" BOOLEAN NOT NULL,

    CONSTRAINT "decision_awards_pkey" PRIMARY KEY ("decision_id","application_id","award_id")
);
ALTER TABLE "decision_awards" ADD CONSTRAINT "decision_awards_decided_or_proposed_check" CHECK ("is_decided" OR "is_proposed");

CREATE INDEX "decision_awards_award_id_idx" ON "decision_awards"("award_id");

ALTER TABLE "decision_awards" ADD CONSTRAINT "decision_awards_decision_id_application_id_fkey" FOREIGN KEY ("decision_id", "application_id") REFERENCES "decision_items"("decision_id", "application_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "decision_awards" ADD CONSTRAINT "decision_awards_award_id_fkey" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The single award (and proposed award) of every existing item becomes its row; signed decisions keep their content.
INSERT INTO "decision_awards" ("decision_id", "application_id", "award_id", "is_decided", "is_proposed")
SELECT "decision_id", "application_id", "award_id", true, "proposed_award_id" IS NOT DISTINCT FROM "award_id"
FROM "decision_items" WHERE "award_id" IS NOT NULL;
INSERT INTO "decision_awards" ("decision_id", "application_id", "award_id", "is_decided", "is_proposed")
SELECT "decision_id", "application_id", "proposed_award_id", false, true
FROM "decision_items" WHERE "proposed_award_id" IS NOT NULL AND "proposed_award_id" IS DISTINCT FROM "award_id";

ALTER TABLE "decision_items" DROP CONSTRAINT "decision_items_award_id_fkey";
ALTER TABLE "decision_items" DROP CONSTRAINT "decision_items_proposed_award_id_fkey";
DROP INDEX "decision_items_award_id_idx";
DROP INDEX "decision_items_proposed_award_id_idx";
ALTER TABLE "decision_items" DROP COLUMN "award_id",
DROP COLUMN "proposed_award_id";

-- The awards of a signed decision are part of its record: the trigger of 0007 refuses their change too.
CREATE TRIGGER decision_awards_signed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "decision_awards"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_decision_change();

-- ─── 公示 versions ─────────────────────────────────────────────────────────────────────────────────────────────
DROP INDEX "publicities_campaign_id_key";
ALTER TABLE "publicities" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_version_check" CHECK ("version" >= 1);
CREATE UNIQUE INDEX "publicities_campaign_id_version_key" ON "publicities"("campaign_id", "version");

-- ─── Objections bound to their 公示 version (until now a campaign had one 公示: that one) ─────────────────────────
ALTER TABLE "objections" ADD COLUMN     "publicity_id" TEXT;
UPDATE "objections" o SET "publicity_id" = p."id" FROM "publicities" p WHERE p."campaign_id" = o."campaign_id";
ALTER TABLE "objections" ALTER COLUMN "publicity_id" SET NOT NULL;
CREATE INDEX "objections_publicity_id_idx" ON "objections"("publicity_id");
ALTER TABLE "objections" ADD CONSTRAINT "objections_publicity_id_fkey" FOREIGN KEY ("publicity_id") REFERENCES "publicities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
