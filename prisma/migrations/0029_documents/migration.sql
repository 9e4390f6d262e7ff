-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "document_issuer" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "document_number_pattern" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "issued_documents" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope_org_id" TEXT NOT NULL,
    "serial" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_by_id" TEXT,

    CONSTRAINT "issued_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issued_documents_campaign_id_kind_scope_org_id_serial_idx" ON "issued_documents"("campaign_id", "kind", "scope_org_id", "serial");

-- CreateIndex
CREATE INDEX "issued_documents_scope_org_id_idx" ON "issued_documents"("scope_org_id");

-- CreateIndex
CREATE INDEX "issued_documents_issued_by_id_idx" ON "issued_documents"("issued_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "issued_documents_campaign_id_serial_key" ON "issued_documents"("campaign_id", "serial");

-- AddForeignKey
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_scope_org_id_fkey" FOREIGN KEY ("scope_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a serial counts from 1, a number and a fingerprint are never empty.
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_serial_check" CHECK ("serial" > 0);
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_number_check" CHECK (length("number") > 0 AND length("fingerprint") = 64);
