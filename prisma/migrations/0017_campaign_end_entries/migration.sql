-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "cancel_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- Campaigns already live when publication got its date: their creation is the best we know.
UPDATE "campaigns" SET "published_at" = "created_at" WHERE "status" <> 'DRAFT';

-- allow_multiple_applications: one application per (campaign, organization) unless the campaign allows more. The
-- unique (campaign_id, organization_id, slot) key (slot >= 1 since 0002) makes slot 1 the one; this refuses any other
-- slot when the campaign does not allow several. The campaign row is read FOR SHARE, so the setting cannot change
-- under the insert.

CREATE FUNCTION applications_refuse_extra_slot() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.slot <> 1 AND NOT (SELECT allow_multiple_applications FROM campaigns WHERE id = NEW.campaign_id FOR SHARE) THEN
    RAISE EXCEPTION 'campaign % allows one application per organization', NEW.campaign_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER applications_one_per_organization BEFORE INSERT OR UPDATE OF slot, campaign_id ON "applications"
  FOR EACH ROW EXECUTE FUNCTION applications_refuse_extra_slot();

-- "On the 品牌清单": the one predicate every list, vote, review, ranking and proposal asks (lib/brand-list/listed.ts,
-- cast_vote). The latest published version of the campaign's list holds the entry, and the entry has stayed submitted
-- since that version was published: a return (RETURNED) takes it off at once; a resubmission after the publication
-- stays off until a new version lists it again, after it passed 资格审查 again.
CREATE FUNCTION is_listed_entry(p_application text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1
    FROM applications a
    JOIN brand_lists l ON l.campaign_id = a.campaign_id
    JOIN brand_list_entries e ON e.list_id = l.id AND e.application_id = a.id
    WHERE a.id = p_application
      AND a.status = 'SUBMITTED'
      AND a.submitted_at <= l.published_at
      AND l.version = (SELECT max(version) FROM brand_lists WHERE campaign_id = a.campaign_id)
  )
$$;
