-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "FileKind" AS ENUM ('IMAGE', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "AttachmentSlot" AS ENUM ('PHOTO', 'DOCUMENT');

-- CreateTable
CREATE TABLE "applications" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "slot" INTEGER NOT NULL DEFAULT 1,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "field_id" TEXT,
    "brand_name" TEXT NOT NULL DEFAULT '',
    "brand_name_bigrams" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "slogan" TEXT NOT NULL DEFAULT '',
    "essence" TEXT NOT NULL DEFAULT '',
    "carriers" TEXT NOT NULL DEFAULT '',
    "norms" TEXT NOT NULL DEFAULT '',
    "practices" TEXT NOT NULL DEFAULT '',
    "honors" TEXT NOT NULL DEFAULT '',
    "secretary_name" TEXT NOT NULL DEFAULT '',
    "contact_name" TEXT NOT NULL DEFAULT '',
    "contact_phone" TEXT NOT NULL DEFAULT '',
    "self_assessment" JSONB NOT NULL DEFAULT '{}',
    "logo_file_id" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3),
    "return_reason" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_versions" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submitted_by_id" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "returned_by_id" TEXT,
    "returned_at" TIMESTAMPTZ(3),
    "return_reason" TEXT,

    CONSTRAINT "application_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" TEXT NOT NULL,
    "kind" "FileKind" NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "variants" JSONB NOT NULL DEFAULT '{}',
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_attachments" (
    "id" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "slot" "AttachmentSlot" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "caption" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "application_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "applications_logo_file_id_key" ON "applications"("logo_file_id");

-- CreateIndex
CREATE INDEX "applications_campaign_id_status_idx" ON "applications"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "applications_organization_id_idx" ON "applications"("organization_id");

-- CreateIndex
CREATE INDEX "applications_field_id_idx" ON "applications"("field_id");

-- CreateIndex
CREATE INDEX "applications_created_by_id_idx" ON "applications"("created_by_id");

-- CreateIndex
CREATE INDEX "applications_brand_name_bigrams_idx" ON "applications" USING GIN ("brand_name_bigrams");

-- CreateIndex
CREATE UNIQUE INDEX "applications_campaign_id_organization_id_slot_key" ON "applications"("campaign_id", "organization_id", "slot");

-- CreateIndex
CREATE INDEX "application_versions_application_id_idx" ON "application_versions"("application_id");

-- CreateIndex
CREATE INDEX "application_versions_submitted_by_id_idx" ON "application_versions"("submitted_by_id");

-- CreateIndex
CREATE INDEX "application_versions_returned_by_id_idx" ON "application_versions"("returned_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_versions_application_id_number_key" ON "application_versions"("application_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "stored_files_storage_key_key" ON "stored_files"("storage_key");

-- CreateIndex
CREATE INDEX "stored_files_uploaded_by_id_idx" ON "stored_files"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "application_attachments_application_id_idx" ON "application_attachments"("application_id");

-- CreateIndex
CREATE INDEX "application_attachments_file_id_idx" ON "application_attachments"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_attachments_application_id_file_id_key" ON "application_attachments"("application_id", "file_id");

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_field_id_fkey" FOREIGN KEY ("field_id") REFERENCES "campaign_fields"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_logo_file_id_fkey" FOREIGN KEY ("logo_file_id") REFERENCES "stored_files"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_returned_by_id_fkey" FOREIGN KEY ("returned_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: sanity rules Prisma cannot express.
ALTER TABLE "applications" ADD CONSTRAINT applications_slot_positive CHECK ("slot" >= 1);
ALTER TABLE "applications" ADD CONSTRAINT applications_submitted_has_time CHECK ("status" = 'DRAFT' OR "submitted_at" IS NOT NULL);
ALTER TABLE "application_versions" ADD CONSTRAINT application_versions_number_positive CHECK ("number" >= 1);
ALTER TABLE "stored_files" ADD CONSTRAINT stored_files_size_positive CHECK ("size" > 0);
