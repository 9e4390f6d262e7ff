-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "identifier" TEXT NOT NULL,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "last_failed_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("identifier")
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_last_failed_at_idx" ON "sign_in_throttles"("last_failed_at");
