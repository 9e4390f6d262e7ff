-- CreateTable
CREATE TABLE "declaration_reminders" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "sender_org_id" TEXT NOT NULL,
    "sent_by_id" TEXT,
    "day" DATE NOT NULL,
    "branch_state" TEXT NOT NULL,
    "phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sent_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declaration_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "declaration_reminders_organization_id_idx" ON "declaration_reminders"("organization_id");

-- CreateIndex
CREATE INDEX "declaration_reminders_sender_org_id_idx" ON "declaration_reminders"("sender_org_id");

-- CreateIndex
CREATE INDEX "declaration_reminders_sent_by_id_idx" ON "declaration_reminders"("sent_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "declaration_reminders_campaign_id_organization_id_day_key" ON "declaration_reminders"("campaign_id", "organization_id", "day");

-- AddForeignKey
ALTER TABLE "declaration_reminders" ADD CONSTRAINT "declaration_reminders_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_reminders" ADD CONSTRAINT "declaration_reminders_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_reminders" ADD CONSTRAINT "declaration_reminders_sender_org_id_fkey" FOREIGN KEY ("sender_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declaration_reminders" ADD CONSTRAINT "declaration_reminders_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the branch's state when reminded is one of three.
ALTER TABLE "declaration_reminders" ADD CONSTRAINT "declaration_reminders_branch_state_check" CHECK ("branch_state" IN ('NOT_STARTED', 'DRAFT', 'RETURNED'));
