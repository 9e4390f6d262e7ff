import { db } from '@/lib/db';
import { notificationKindLabel } from '@/lib/notifications/kinds';
import { NOTIFICATIONS_PAGE_SIZE } from '@/lib/notifications/schema';

/** Whether the campaign's reminders also go out by SMS (the admin campaign page; the page has authorized the campaign). */
export async function reminderSmsEnabled(campaignId: string): Promise<boolean> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { reminderSms: true } });
  return campaign?.reminderSms ?? false;
}

/** The user's unread count (the bell): one lookup in the partial index of unread rows. */
export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

/** One page of the user's own inbox, newest first. */
export async function listNotifications(userId: string, page: number) {
  const where = { recipientId: userId };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    countUnread(userId),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
  ]);
  return {
    total,
    unread,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)),
    items: rows.map((row) => ({ ...row, kindLabel: notificationKindLabel(row.kind), isRead: row.readAt !== null })),
  };
}
