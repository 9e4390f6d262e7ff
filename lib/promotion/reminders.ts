// Schedule reminders: for each 宣传推广 schedule, the reminders promotionRemindersAt finds due at `now`, with the owner
// organization's committee / organization-department admins as recipients. Pure reads; the worker notifies with the key.
import type { TTx } from '@/lib/db';
import { usersAt } from '@/lib/notifications/recipients';
import { promotionRemindersAt, type TPromotionReminder, type TRecurrence } from '@/lib/promotion/periods';
import { PROMOTION_KIND_LABELS } from '@/lib/promotion/schema';

export type TScheduleReminder = TPromotionReminder & { scheduleId: string; recipients: string[]; text: string; href: string };

function reminderText(reminder: TPromotionReminder, schedule: { title: string; kind: keyof typeof PROMOTION_KIND_LABELS }): string {
  const head = `【宣传推广】“${schedule.title}”${reminder.period.label}`;
  if (reminder.kind === 'overdue') return `${head}未举办${PROMOTION_KIND_LABELS[schedule.kind]}，已逾期，请尽快安排并登记。`;
  return `${head}尚未举办${PROMOTION_KIND_LABELS[schedule.kind]}，本期将于 7 天内结束，请及时安排。`;
}

export async function dueScheduleReminders(tx: TTx, now: Date): Promise<TScheduleReminder[]> {
  const schedules = await tx.promotionSchedule.findMany({
    where: { startsOn: { lte: now }, ownerOrg: { isActive: true } },
    orderBy: { id: 'asc' },
    select: { id: true, title: true, kind: true, recurrence: true, startsOn: true, endsOn: true, ownerOrgId: true, events: { select: { heldAt: true } } },
  });
  const reminders: TScheduleReminder[] = [];
  for (const schedule of schedules) {
    const due = promotionRemindersAt(
      schedule.id,
      { recurrence: schedule.recurrence as TRecurrence, startsOn: schedule.startsOn, endsOn: schedule.endsOn },
      schedule.events.map((event) => event.heldAt),
      now,
    );
    if (!due.length) continue;
    const recipients = await usersAt(tx, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], schedule.ownerOrgId);
    for (const reminder of due) reminders.push({ ...reminder, scheduleId: schedule.id, recipients, text: reminderText(reminder, schedule), href: '/promotion' });
  }
  return reminders;
}
