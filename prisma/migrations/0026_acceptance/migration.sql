-- CreateEnum
CREATE TYPE "AcceptanceStatus" AS ENUM ('WAITING', 'REVIEWING', 'PASSED', 'FAILED');

-- CreateTable
CREATE TABLE "acceptance_requests" (
    "id" TEXT NOT NULL,
    "cultivation_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "status" "AcceptanceStatus" NOT NULL DEFAULT 'WAITING',
    "background" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "ledger_months" INTEGER NOT NULL DEFAULT 0,
    "ledger_entries" INTEGER NOT NULL DEFAULT 0,
    "requested_by_id" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "group_formed_at" TIMESTAMPTZ(3),
    "onsite_note" TEXT NOT NULL DEFAULT '',
    "findings" TEXT NOT NULL DEFAULT '',
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,

    CONSTRAINT "acceptance_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "acceptance_evidence" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "caption" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "acceptance_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "acceptance_experts" (
    "request_id" TEXT NOT NULL,
    "expert_id" TEXT NOT NULL,
    "scores" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "comment" TEXT NOT NULL DEFAULT '',
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "acceptance_experts_pkey" PRIMARY KEY ("request_id","expert_id")
);

-- CreateTable
CREATE TABLE "recognitions" (
    "id" TEXT NOT NULL,
    "cultivation_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "recognition_no" TEXT NOT NULL,
    "brand_name" TEXT NOT NULL,
    "organization_name" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "acceptance_requests_status_requested_at_idx" ON "acceptance_requests"("status", "requested_at");

-- CreateIndex
CREATE INDEX "acceptance_requests_requested_by_id_idx" ON "acceptance_requests"("requested_by_id");

-- CreateIndex
CREATE INDEX "acceptance_requests_decided_by_id_idx" ON "acceptance_requests"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "acceptance_requests_cultivation_id_round_key" ON "acceptance_requests"("cultivation_id", "round");

-- CreateIndex
CREATE INDEX "acceptance_evidence_file_id_idx" ON "acceptance_evidence"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "acceptance_evidence_request_id_file_id_key" ON "acceptance_evidence"("request_id", "file_id");

-- CreateIndex
CREATE INDEX "acceptance_experts_expert_id_idx" ON "acceptance_experts"("expert_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_cultivation_id_key" ON "recognitions"("cultivation_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_request_id_key" ON "recognitions"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "recognitions_recognition_no_key" ON "recognitions"("recognition_no");

-- AddForeignKey
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_cultivation_id_fkey" FOREIGN KEY ("cultivation_id") REFERENCES "cultivations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_evidence" ADD CONSTRAINT "acceptance_evidence_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "acceptance_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_evidence" ADD CONSTRAINT "acceptance_evidence_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_experts" ADD CONSTRAINT "acceptance_experts_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "acceptance_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_experts" ADD CONSTRAINT "acceptance_experts_expert_id_fkey" FOREIGN KEY ("expert_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_cultivation_id_fkey" FOREIGN KEY ("cultivation_id") REFERENCES "cultivations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognitions" ADD CONSTRAINT "recognitions_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "acceptance_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- "成熟一个、验收一个": one open request per cultivation at a time; parallel requests find the other one here.
CREATE UNIQUE INDEX "acceptance_requests_one_open_idx" ON "acceptance_requests"("cultivation_id") WHERE "status" IN ('WAITING', 'REVIEWING');
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_round_check" CHECK ("round" >= 1);
-- A decided request has its date and decider; a failed one its written findings; the group exists before review.
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_decided_check"
  CHECK (("status" IN ('PASSED', 'FAILED')) = ("decided_at" IS NOT NULL AND "decided_by_id" IS NOT NULL));
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_findings_check" CHECK ("status" <> 'FAILED' OR btrim("findings") <> '');
ALTER TABLE "acceptance_requests" ADD CONSTRAINT "acceptance_requests_group_check" CHECK (("status" = 'WAITING') = ("group_formed_at" IS NULL));
ALTER TABLE "acceptance_experts" ADD CONSTRAINT "acceptance_experts_scores_check" CHECK (0 <= ALL ("scores"));

-- 认定 numbers DJRD-<year>-<serial>: the serial comes from one sequence, so numbers never repeat.
CREATE SEQUENCE "recognition_no_seq" START 1;
