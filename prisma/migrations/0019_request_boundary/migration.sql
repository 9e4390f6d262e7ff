-- AlterTable
ALTER TABLE "captcha_challenges" ADD COLUMN     "ip" TEXT;

-- CreateIndex
CREATE INDEX "captcha_challenges_ip_created_at_idx" ON "captcha_challenges"("ip", "created_at");

-- Upload names are kept without bidi controls (lib/files/service.ts strips them); names stored before lose them too.
UPDATE "stored_files"
SET "original_name" = regexp_replace("original_name", E'[\u202A-\u202E\u2066-\u2069]', '', 'g')
WHERE "original_name" ~ E'[\u202A-\u202E\u2066-\u2069]';
