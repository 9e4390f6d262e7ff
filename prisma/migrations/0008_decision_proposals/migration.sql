-- AlterTable
ALTER TABLE "decision_items" ADD COLUMN     "proposed_award_id" TEXT;

-- CreateIndex
CREATE INDEX "decision_items_proposed_award_id_idx" ON "decision_items"("proposed_award_id");

-- AddForeignKey
ALTER TABLE "decision_items" ADD CONSTRAINT "decision_items_proposed_award_id_fkey" FOREIGN KEY ("proposed_award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
