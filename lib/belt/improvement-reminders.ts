// Overdue 问题/提升清单 items at an instant: open items whose due day (Asia/Shanghai) has passed. Pure reads with a stable
// key per item and first overdue day, so the minutely scan can run on any worker, any number of times.
import type { TTx } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { usersAt } from '@/lib/notifications/recipients';
import { dayAfter, IMPROVEMENT_KIND_LABELS, shanghaiDayOf } from '@/lib/belt/schema';

export type TImprovementReminder = { key: string; itemId: string; recipients: string[]; title: string; body: string; href: string };

export async function dueImprovementReminders(tx: TTx, now: Date): Promise<TImprovementReminder[]> {
  const today = shanghaiDayOf(now);
  const items = await tx.improvementItem.findMany({
    where: { status: 'OPEN', dueOn: { lt: new Date(`${today}T00:00:00Z`) } },
    select: {
      id: true,
      kind: true,
      title: true,
      ownerName: true,
      dueOn: true,
      ownerUser: { select: { id: true, isDisabled: true } },
      belt: { select: { id: true, name: true, ownerOrgId: true } },
      site: { select: { id: true, name: true, belts: { select: { belt: { select: { id: true, name: true, ownerOrgId: true } } }, orderBy: { routeOrder: 'asc' } } } },
    },
    orderBy: { dueOn: 'asc' },
  });
  const reminders: TImprovementReminder[] = [];
  for (const item of items) {
    const belts = item.belt ? [item.belt] : (item.site?.belts.map((stop) => stop.belt) ?? []);
    const committee = (await Promise.all(belts.map((belt) => usersAt(tx, ['COMMITTEE_ADMIN'], belt.ownerOrgId)))).flat();
    const owner = item.ownerUser && !item.ownerUser.isDisabled ? [item.ownerUser.id] : [];
    const recipients = [...new Set([...owner, ...committee])];
    if (!recipients.length) continue;
    const dueDay = item.dueOn.toISOString().slice(0, 10);
    const subject = item.belt ? item.belt.name : (item.site?.name ?? '');
    reminders.push({
      key: `improvement-overdue:${item.id}:${dayAfter(dueDay)}`,
      itemId: item.id,
      recipients,
      title: `${IMPROVEMENT_KIND_LABELS[item.kind]}事项“${item.title}”已逾期`,
      body: `${subject} · 责任人${item.ownerName} · 应于${formatDate(`${dueDay}T12:00:00+08:00`)}完成，请尽快整改并销号。`,
      href: belts[0] ? `/admin/demo/belts/${belts[0].id}#item-${item.id}` : '/admin/demo/belts',
    });
  }
  return reminders;
}
