import { randomUUID } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { queueSms } from '@/lib/jobs/sms-outbox';
import type { TNotificationKind } from '@/lib/notifications/kinds';
import { phonesOf } from '@/lib/notifications/recipients';
import { ZMarkReadInput, type TMarkReadInput } from '@/lib/notifications/schema';

export type TNotice = {
  kind: TNotificationKind;
  title: string;
  body?: string;
  /** A path inside the site where the task is. */
  link?: string | null;
  campaignId?: string | null;
  /**
   * Idempotence per recipient: a second notice with the same key to the same user is dropped (ON CONFLICT DO NOTHING),
   * so a scan or a retried job notifies once. Leave it out for events that happen once by themselves.
   */
  dedupeKey?: string | null;
  /** Also send this text by SMS to the recipients who have a phone (queued in the same transaction, sent once). */
  sms?: string | null;
};

/**
 * Writes a notice to each recipient's inbox in the caller's transaction (it exists only if the operation commits).
 * Returns the recipients that got it now (without those who had it already by its dedupe key).
 */
export async function notify(tx: TTx, recipientIds: readonly string[], notice: TNotice): Promise<string[]> {
  const ids = [...new Set(recipientIds)];
  if (!ids.length) return [];
  const rows = await tx.$queryRaw<{ recipient_id: string }[]>`
    INSERT INTO notifications (id, recipient_id, kind, title, body, link, campaign_id, dedupe_key)
    SELECT ${randomUUID()} || '-' || ord, recipient, ${notice.kind}, ${notice.title}, ${notice.body ?? ''}, ${notice.link ?? null},
      ${notice.campaignId ?? null}, ${notice.dedupeKey ?? null}
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS r(recipient, ord)
    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
    RETURNING recipient_id`;
  const delivered = rows.map((row) => row.recipient_id);
  if (notice.sms && delivered.length) {
    for (const { userId, phone } of await phonesOf(tx, delivered)) {
      await queueSms(tx, { phone, text: notice.sms, dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : undefined });
    }
  }
  return delivered;
}

type TContext = TAuditContext & { actorId: string };

/** Marks the user's own notices read; an id that is not theirs fails the whole request, like a missing one. */
export async function markNotificationsRead(input: TMarkReadInput, context: TContext): Promise<{ updated: number }> {
  const parsed = ZMarkReadInput.parse(input);
  return db.$transaction(async (tx) => {
    const where = parsed.all ? { recipientId: context.actorId } : { recipientId: context.actorId, id: { in: parsed.ids } };
    if (!parsed.all) {
      const owned = await tx.notification.count({ where });
      if (owned !== parsed.ids.length) throw new AppError('NOT_FOUND', '通知不存在或已删除');
    }
    const { count } = await tx.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
    if (count) {
      await recordAudit(tx, context, {
        action: 'read-notifications',
        entityType: 'User',
        entityId: context.actorId,
        after: parsed.all ? { all: true, count } : { notificationIds: parsed.ids, count },
      });
    }
    return { updated: count };
  });
}
