import { randomUUID } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';
import { sendSms, smsSender, type TSmsSender } from '@/lib/sms/sender';

export type TQueuedSms = {
  phone: string;
  text: string;
  /** Template parameters for providers that send by template. */
  params?: Record<string, string>;
  /** One message per key, ever: a reminder's SMS keyed like its notification is sent once. */
  dedupeKey?: string;
};

/**
 * Queues a text message in the caller's transaction (sms_outbox row + `sms` job): it leaves only if the operation
 * commits, and a slow provider holds no locks of it. False when a message with the same key was queued before.
 */
export async function queueSms(tx: TTx, message: TQueuedSms): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO sms_outbox (id, phone, text, params, dedupe_key)
    VALUES (${randomUUID()}, ${message.phone}, ${message.text}, ${JSON.stringify(message.params ?? {})}::jsonb, ${message.dedupeKey ?? null})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  if (!rows.length) return false;
  await enqueue(tx, 'sms', { id: rows[0].id });
  return true;
}

/**
 * The `sms` job: claims the row (PENDING → SENDING, one statement, so of two runs of the same job one wins), sends it
 * through the SMS sender and records the outcome. At most once: a crash between claim and send leaves it SENDING.
 */
export async function deliverQueuedSms(id: string, sender: TSmsSender = smsSender()): Promise<'sent' | 'failed' | 'skipped'> {
  const claimed = await db.$queryRaw<{ phone: string; text: string; params: Record<string, string> }[]>`
    UPDATE sms_outbox SET status = 'SENDING' WHERE id = ${id} AND status = 'PENDING' RETURNING phone, text, params`;
  if (!claimed.length) return 'skipped';
  const { phone, text, params } = claimed[0];
  const ok = await sendSms({ phone, text, params }, sender);
  await db.$executeRaw`UPDATE sms_outbox SET status = ${ok ? 'SENT' : 'FAILED'}, sent_at = now() WHERE id = ${id}`;
  return ok ? 'sent' : 'failed';
}
