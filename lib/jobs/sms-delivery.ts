// The `sms` job's side of the outbox (lib/jobs/sms-outbox.ts): only the worker imports it, since the sender is
// server-only and queueing a message must stay importable from anywhere (scripts, tests).
import { db } from '@/lib/db';
import { sendSms, smsSender, type TSmsSender } from '@/lib/sms/sender';

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
