-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "qualification_checklist" TEXT[] DEFAULT ARRAY[]::TEXT[];
