import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Files the actor uploaded that nothing owns yet (a fresh upload); refused otherwise. Returns their kinds. */
export async function claimableFiles(tx: TTx, actorId: string, fileIds: readonly string[]): Promise<Map<string, 'IMAGE' | 'DOCUMENT'>> {
  const wanted = [...new Set(fileIds)];
  if (wanted.length !== fileIds.length) throw new AppError('INVALID_INPUT', '同一个文件不能重复添加');
  const files = await tx.storedFile.findMany({
    where: {
      id: { in: wanted },
      uploadedById: actorId,
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
    },
    select: { id: true, kind: true },
  });
  if (files.length !== wanted.length) throw new AppError('INVALID_INPUT', '所选文件不存在或已被使用，请重新上传');
  return new Map(files.map((file) => [file.id, file.kind]));
}
