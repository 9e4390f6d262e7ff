import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { assertCampaignAdmin } from '@/lib/campaign/access';
import { ZReminderSmsInput, type TReminderSmsInput } from '@/lib/notifications/schema';

/**
 * Switches the campaign's reminder SMS on or off (the organization department of its owner). It concerns only what is
 * sent from now on: a reminder reads the setting when it runs. Not a stage rule, so allowed while the campaign runs.
 */
export async function setReminderSms(input: TReminderSmsInput, context: TAuditContext & { actorId: string }) {
  const { campaignId, enabled } = ZReminderSmsInput.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { reminderSms: true, status: true, ownerOrg: { select: { path: true } } } });
    if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
    await assertCampaignAdmin(tx, context.actorId, campaign.ownerOrg.path);
    if (campaign.status === 'FINISHED' || campaign.status === 'CANCELLED') throw new AppError('CONFLICT', '活动已结束或已撤销，不再发送提醒');
    if (campaign.reminderSms !== enabled) {
      await tx.campaign.update({ where: { id: campaignId }, data: { reminderSms: enabled } });
      await recordAudit(tx, context, { action: 'update-campaign', entityType: 'Campaign', entityId: campaignId, before: { reminderSms: campaign.reminderSms }, after: { reminderSms: enabled } });
    }
    return { enabled };
  });
}
