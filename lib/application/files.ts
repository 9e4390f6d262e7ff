import { z } from 'zod';
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { UPLOADED_FILE_SELECT, uploadedFileOf } from '@/lib/files/service';
import { assertCanEdit, loadGrants } from '@/lib/application/access';
import { declareOperationOf } from '@/lib/application/rules';
import { requireOperation } from '@/lib/campaign/lifecycle-db';

export const MAX_PHOTOS = 9;
export const MAX_DOCUMENTS = 5;

export const ZApplicationFiles = z.object({
  applicationId: z.string().min(1),
  logoFileId: z.string().min(1).nullable(),
  photoIds: z.array(z.string().min(1)).max(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`),
  documentIds: z.array(z.string().min(1)).max(MAX_DOCUMENTS, `证明材料最多 ${MAX_DOCUMENTS} 份`),
});
export type TApplicationFilesInput = z.input<typeof ZApplicationFiles>;


/** Logo, photos and documents of an application, as the upload component lists them. Call after an access check. */
export async function listApplicationFiles(applicationId: string) {
  const application = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { logoFile: { select: UPLOADED_FILE_SELECT }, attachments: { select: { slot: true, file: { select: UPLOADED_FILE_SELECT } }, orderBy: { sortOrder: 'asc' } } },
  });
  return {
    logo: application.logoFile ? [uploadedFileOf(application.logoFile)] : [],
    photos: application.attachments.filter((row) => row.slot === 'PHOTO').map((row) => uploadedFileOf(row.file)),
    documents: application.attachments.filter((row) => row.slot === 'DOCUMENT').map((row) => uploadedFileOf(row.file)),
  };
}

/**
 * Replaces the logo and attachments. A file may be attached only by whoever uploaded it, or if it already
 * belongs to this application — so nobody can pull another branch's file into their own form by its id.
 */
export async function setApplicationFiles(input: TApplicationFilesInput, context: TAuditContext & { tx?: TTx }) {
  const { applicationId, logoFileId, photoIds, documentIds } = ZApplicationFiles.parse(input);
  const run = async (tx: TTx) => {
    const grants = await loadGrants(tx, context.actorId);
    await tx.$queryRaw`SELECT id FROM applications WHERE id = ${applicationId} FOR NO KEY UPDATE`;
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: { status: true, returnedFrom: true, logoFileId: true, campaignId: true, organization: { select: { path: true } }, attachments: { select: { fileId: true } } },
    });
    assertCanEdit(grants, application);
    if (application.status === 'SUBMITTED') throw new AppError('CONFLICT', '申报表已提交，不能再修改附件');
    await requireOperation(tx, application.campaignId, declareOperationOf(application));
    const wanted = [...(logoFileId ? [logoFileId] : []), ...photoIds, ...documentIds];
    if (new Set(wanted).size !== wanted.length) throw new AppError('INVALID_INPUT', '同一文件不能重复添加');
    const own = new Set([...(application.logoFileId ? [application.logoFileId] : []), ...application.attachments.map((row) => row.fileId)]);
    const files = await tx.storedFile.findMany({ where: { id: { in: wanted } }, select: { id: true, kind: true, uploadedById: true } });
    for (const id of wanted) {
      const file = files.find((candidate) => candidate.id === id);
      if (!file || (!own.has(id) && file.uploadedById !== context.actorId)) throw new AppError('NOT_FOUND', '文件不存在或不是您上传的，请重新上传');
      if (!documentIds.includes(id) && file.kind !== 'IMAGE') throw new AppError('INVALID_INPUT', '品牌标识和照片只能是图片');
    }
    await tx.application.update({ where: { id: applicationId }, data: { logoFileId } });
    await tx.applicationAttachment.deleteMany({ where: { applicationId } });
    await tx.applicationAttachment.createMany({
      data: [
        ...photoIds.map((fileId, index) => ({ applicationId, fileId, slot: 'PHOTO' as const, sortOrder: index })),
        ...documentIds.map((fileId, index) => ({ applicationId, fileId, slot: 'DOCUMENT' as const, sortOrder: index })),
      ],
    });
    await recordAudit(tx, context, { action: 'set-application-files', entityType: 'Application', entityId: applicationId, after: { logoFileId, photoIds, documentIds } });
  };
  return context.tx ? run(context.tx) : db.$transaction(run);
}
