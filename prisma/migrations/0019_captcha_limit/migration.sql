-- AlterTable
ALTER TABLE "captcha_challenges" ADD COLUMN     "ip" TEXT;

-- CreateIndex
CREATE INDEX "captcha_challenges_ip_created_at_idx" ON "captcha_challenges"("ip", "created_at");
