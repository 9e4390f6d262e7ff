-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "cultivation_plans" (
    "id" TEXT NOT NULL,
    "cultivation_id" TEXT NOT NULL,
    "goals" TEXT NOT NULL DEFAULT '',
    "measures" TEXT NOT NULL DEFAULT '',
    "tasks" JSONB NOT NULL DEFAULT '[]',
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,
    "return_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cultivation_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" TEXT NOT NULL,
    "cultivation_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "occurred_on" DATE NOT NULL,
    "activity" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "corrects_id" TEXT,
    "correction_reason" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entry_files" (
    "entry_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "slot" "AttachmentSlot" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_entry_files_pkey" PRIMARY KEY ("entry_id","file_id")
);

-- CreateTable
CREATE TABLE "ledger_reports" (
    "id" TEXT NOT NULL,
    "cultivation_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_late" BOOLEAN NOT NULL,
    "reported_by_id" TEXT,
    "entry_count" INTEGER NOT NULL,

    CONSTRAINT "ledger_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cultivation_plans_cultivation_id_key" ON "cultivation_plans"("cultivation_id");

-- CreateIndex
CREATE INDEX "cultivation_plans_decided_by_id_idx" ON "cultivation_plans"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_corrects_id_key" ON "ledger_entries"("corrects_id");

-- CreateIndex
CREATE INDEX "ledger_entries_cultivation_id_month_idx" ON "ledger_entries"("cultivation_id", "month");

-- CreateIndex
CREATE INDEX "ledger_entries_created_by_id_idx" ON "ledger_entries"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_files_file_id_key" ON "ledger_entry_files"("file_id");

-- CreateIndex
CREATE INDEX "ledger_reports_reported_by_id_idx" ON "ledger_reports"("reported_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_reports_cultivation_id_month_key" ON "ledger_reports"("cultivation_id", "month");

-- AddForeignKey
ALTER TABLE "cultivation_plans" ADD CONSTRAINT "cultivation_plans_cultivation_id_fkey" FOREIGN KEY ("cultivation_id") REFERENCES "cultivations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cultivation_plans" ADD CONSTRAINT "cultivation_plans_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_cultivation_id_fkey" FOREIGN KEY ("cultivation_id") REFERENCES "cultivations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "ledger_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry_files" ADD CONSTRAINT "ledger_entry_files_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "ledger_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry_files" ADD CONSTRAINT "ledger_entry_files_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_cultivation_id_fkey" FOREIGN KEY ("cultivation_id") REFERENCES "cultivations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_reports" ADD CONSTRAINT "ledger_reports_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Hand-written rules ──────────────────────────────────────────────────────────────────────────────────────────

ALTER TABLE "ledger_entries"
  ADD CONSTRAINT "ledger_entries_month_check" CHECK (month = date_trunc('month', occurred_on)::date),
  ADD CONSTRAINT "ledger_entries_correction_check" CHECK ((corrects_id IS NULL) = (correction_reason IS NULL));
ALTER TABLE "ledger_reports"
  ADD CONSTRAINT "ledger_reports_month_check" CHECK (month = date_trunc('month', month)::date),
  ADD CONSTRAINT "ledger_reports_late_check" CHECK (is_late = (reported_at >= due_at));
ALTER TABLE "cultivation_plans"
  ADD CONSTRAINT "cultivation_plans_return_check" CHECK ((status = 'RETURNED') = (return_reason IS NOT NULL)),
  ADD CONSTRAINT "cultivation_plans_tasks_check" CHECK (jsonb_typeof(tasks) = 'array');

-- A reported month is locked: its entries are neither changed nor deleted, and only corrections may join it.
CREATE FUNCTION ledger_entries_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM ledger_reports r WHERE r.cultivation_id = OLD.cultivation_id AND r.month = OLD.month) THEN
      RAISE EXCEPTION 'ledger month % is reported and locked', OLD.month USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF NEW.corrects_id IS NULL
     AND EXISTS (SELECT 1 FROM ledger_reports r WHERE r.cultivation_id = NEW.cultivation_id AND r.month = NEW.month) THEN
    RAISE EXCEPTION 'ledger month % is reported: only a correction may be added', NEW.month USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_entries_locked BEFORE INSERT OR UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_locked();

-- An approved plan is frozen: its text, tasks and decision stay as approved.
CREATE FUNCTION cultivation_plans_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'APPROVED' THEN
    RAISE EXCEPTION 'plan % is approved and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER cultivation_plans_frozen BEFORE UPDATE OR DELETE ON "cultivation_plans"
  FOR EACH ROW EXECUTE FUNCTION cultivation_plans_frozen();

-- The compliance grid reads reports by cultivation and month (the unique index) and counts entries per cultivation and
-- month (ledger_entries_cultivation_id_month_idx); cultivations of a campaign in organization order come from here.
