// The experts' side of notifications: new review tasks, and the reminder a day before 专家评审 ends.
import { dbNow, type TTx } from '@/lib/db';
import { scheduleOnce } from '@/lib/jobs/reminders';
import { notify } from '@/lib/notifications/service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Tells each expert how many sheets were just assigned to them (counts only: blind reviews name no one). */
export async function notifyAssignedExperts(tx: TTx, campaign: { id: string; title: string }, expertIds: readonly string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const id of expertIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [expertId, count] of counts) {
    await notify(tx, [expertId], {
      kind: 'REVIEW_ASSIGNED',
      title: `「${campaign.title}」新分配给您 ${count} 份评分表`,
      body: '请在专家评审阶段结束前完成评分并提交。',
      link: '/review',
      campaignId: campaign.id,
    });
  }
}

/**
 * Schedules (once per end time) the reminder to experts with open sheets a day before 专家评审 ends, or now when less
 * than a day is left. Called when experts are assigned and when the stage opens; the same end schedules nothing new.
 */
export async function scheduleReviewReminder(tx: TTx, campaignId: string): Promise<boolean> {
  const stage = await tx.campaignStage.findUnique({ where: { campaignId_kind: { campaignId, kind: 'EXPERT_REVIEW' } }, select: { endsAt: true, isEnabled: true } });
  if (!stage?.isEnabled) return false;
  const now = await dbNow(tx);
  if (stage.endsAt <= now) return false;
  const runAt = new Date(Math.max(now.getTime(), stage.endsAt.getTime() - DAY_MS));
  const endsAt = stage.endsAt.toISOString();
  return scheduleOnce(tx, { key: `REVIEW_DUE:${campaignId}:${endsAt}`, kind: 'REVIEW_DUE', data: { campaignId, endsAt }, runAt });
}
