// A stored file belongs to at most one record. A fresh upload belongs to nothing until a form claims it; every service
// that attaches uploads asks this one filter, so a file shown in one place (a 台帐 photo, a checklist's evidence …)
// can never be claimed again elsewhere. tests/unit/file-claims.test.ts checks that it names every owner of StoredFile.
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Not owned by any record: one condition per relation of StoredFile that holds it. */
export const UNCLAIMED = {
  logoOf: null,
  attachments: { none: {} },
  onsitePhotos: { none: {} },
  objectionFiles: { none: {} },
  ledgerFiles: { none: {} },
  acceptanceEvidence: { none: {} },
  demoSitePhotos: { none: {} },
  checklistEvidence: { none: {} },
  improvementFiles: { none: {} },
  pairingFiles: { none: {} },
  promotionFiles: { none: {} },
} as const satisfies Prisma.StoredFileWhereInput;

/**
 * The actor's own uploads that nothing owns yet, with their kinds; refused (nothing written) when a file is missing,
 * someone else's, already used, or listed twice. `refusal` words it for the form at hand (and names its field).
 */
export async function claimableFiles(
  tx: TTx,
  actorId: string,
  fileIds: readonly string[],
  refusal: { message?: string; field?: string } = {},
): Promise<Map<string, 'IMAGE' | 'DOCUMENT'>> {
  const message = refusal.message ?? '所选文件不存在或已被使用，请重新上传';
  const wanted = [...new Set(fileIds)];
  if (wanted.length !== fileIds.length) throw new AppError('INVALID_INPUT', '同一个文件不能重复添加');
  if (!wanted.length) return new Map();
  const files = await tx.storedFile.findMany({ where: { id: { in: wanted }, uploadedById: actorId, ...UNCLAIMED }, select: { id: true, kind: true } });
  if (files.length !== wanted.length) throw new AppError('INVALID_INPUT', message, refusal.field ? { [refusal.field]: message } : undefined);
  // In the order asked (photos keep the order they were chosen in).
  const kinds = new Map(files.map((file) => [file.id, file.kind]));
  return new Map(wanted.map((id) => [id, kinds.get(id)!]));
}

export type TActivityFileRow = { fileId: string; slot: 'PHOTO' | 'DOCUMENT'; sortOrder: number };

/**
 * The photos and documents of an activity record (a 台帐 entry, a 结对共建 activity): claims them, refuses a photo that
 * is not an image, and returns the rows for the record's file table, each list in the order chosen.
 */
export async function claimActivityFiles(tx: TTx, actorId: string, photoIds: readonly string[], documentIds: readonly string[]): Promise<TActivityFileRow[]> {
  const kinds = await claimableFiles(tx, actorId, [...photoIds, ...documentIds]);
  if (photoIds.some((id) => kinds.get(id) !== 'IMAGE')) throw new AppError('INVALID_INPUT', '活动照片只能是图片');
  return [
    ...photoIds.map((fileId, index) => ({ fileId, slot: 'PHOTO' as const, sortOrder: index })),
    ...documentIds.map((fileId, index) => ({ fileId, slot: 'DOCUMENT' as const, sortOrder: index })),
  ];
}
