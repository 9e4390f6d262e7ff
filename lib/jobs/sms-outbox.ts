import { randomUUID } from 'node:crypto';
import type { TTx } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';

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
