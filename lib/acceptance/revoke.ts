// 摘牌 of a 认定: the campaign owner's organization department revokes a recognition with a reason, by database time.
// Verification (/certificates/[no]) then says 已撤销 and 品牌风采 drops the 认定 label: the action calls
// revalidateGallery() after the commit, as the 摘牌 of an honor does.
import { z } from 'zod';
import { db, dbNow } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';

export const ZRevokeRecognition = z.object({
  recognitionId: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(4, '请写明撤销理由（至少 4 个字）').max(500, '理由不超过 500 字'),
});
export type TRevokeRecognitionInput = z.input<typeof ZRevokeRecognition>;

export async function revokeRecognition(input: TRevokeRecognitionInput, context: TAuditContext & { actorId: string }) {
  const { recognitionId, reason } = ZRevokeRecognition.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM recognitions WHERE id = ${recognitionId} FOR UPDATE`;
    const recognition = await tx.recognition.findUnique({
      where: { id: recognitionId },
      select: { id: true, recognitionNo: true, revokedAt: true, requestId: true, cultivation: { select: { campaign: { select: { ownerOrg: { select: { path: true } } } } } } },
    });
    if (!recognition) throw new AppError('NOT_FOUND', '认定记录不存在');
    await assertCampaignAdmin(tx, context.actorId, recognition.cultivation.campaign.ownerOrg.path);
    if (recognition.revokedAt) throw new AppError('CONFLICT', '该认定已经撤销');
    const revokedAt = await dbNow(tx);
    await tx.recognition.update({ where: { id: recognition.id }, data: { revokedAt, revokeReason: reason, revokedById: context.actorId } });
    await recordAudit(tx, context, { action: 'revoke-recognition', entityType: 'Recognition', entityId: recognition.id, after: { recognitionNo: recognition.recognitionNo, revokedAt, reason } });
    return { recognitionNo: recognition.recognitionNo, requestId: recognition.requestId };
  });
}
