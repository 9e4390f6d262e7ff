// The handler of each kind of scheduled reminder (lib/jobs/reminder-kinds.ts lists the kinds and their data). A handler
// runs inside the reminder's transaction: it reads what is due now and writes notices with notify(tx, …), passing the
// reminder's key as dedupe key; it may schedule a follow-up with scheduleOnce(tx, …).
import { dbNow } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import type { TReminderHandlers } from '@/lib/jobs/reminders';
import { notify } from '@/lib/notifications/service';
import { scheduleReviewReminder } from '@/lib/review/review-reminder';

export const REMINDER_HANDLERS: TReminderHandlers = {
  async REVIEW_DUE(tx, { campaignId, endsAt }, { key }) {
    const campaign = await tx.campaign.findUnique({
      where: { id: campaignId },
      select: { title: true, status: true, reminderSms: true, stages: { where: { kind: 'EXPERT_REVIEW', isEnabled: true }, select: { endsAt: true } } },
    });
    const stage = campaign?.stages[0];
    if (!campaign || campaign.status !== 'PUBLISHED' || !stage) return;
    // The end was moved since: the reminder for the new end takes over (scheduled once, like this one).
    if (stage.endsAt.toISOString() !== endsAt) {
      await scheduleReviewReminder(tx, campaignId);
      return;
    }
    if (stage.endsAt <= (await dbNow(tx))) return;
    const open = await tx.reviewAssignment.groupBy({ by: ['expertId'], where: { campaignId, submittedAt: null }, _count: { _all: true } });
    const deadline = formatDateTime(stage.endsAt);
    for (const row of open) {
      await notify(tx, [row.expertId], {
        kind: 'REVIEW_DUE',
        title: `「${campaign.title}」专家评审将于${deadline}截止`,
        body: `您还有 ${row._count._all} 份评分表未提交，请在截止前完成。`,
        link: '/review',
        campaignId,
        dedupeKey: key,
        sms: campaign.reminderSms ? `【${campaign.title}】专家评审将于${deadline}截止，您还有${row._count._all}份评分表未提交，请登录党建品牌选树平台完成评分。` : null,
      });
    }
  },
};
