import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { ZDocumentSettingsInput, type TDocumentSettingsInput } from '@/lib/documents/schema';

/**
 * 文书设置 (the organization department of the campaign's owner): the 文号 pattern and the issuing organization of the
 * documents issued from now on; numbers already issued stay as they were. Allowed in every campaign state, since
 * documents are still issued after the campaign has ended.
 */
export async function updateDocumentSettings(input: TDocumentSettingsInput, context: TAuditContext & { actorId: string }) {
  const value = ZDocumentSettingsInput.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({
      where: { id: value.campaignId },
      select: { documentNumberPattern: true, documentIssuer: true, ownerOrg: { select: { path: true } } },
    });
    if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    const before = { documentNumberPattern: campaign.documentNumberPattern, documentIssuer: campaign.documentIssuer };
    const after = { documentNumberPattern: value.documentNumberPattern, documentIssuer: value.documentIssuer };
    if (before.documentNumberPattern !== after.documentNumberPattern || before.documentIssuer !== after.documentIssuer) {
      await tx.campaign.update({ where: { id: value.campaignId }, data: after });
      await recordAudit(tx, context, { action: 'update-document-settings', entityType: 'Campaign', entityId: value.campaignId, before, after });
    }
    return after;
  });
}
