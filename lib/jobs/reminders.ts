import { Prisma } from '@/lib/generated/prisma/client';
import { db, type TTx } from '@/lib/db';
import { enqueue } from '@/lib/jobs/enqueue';
import type { TReminderKind, TReminderPayloads } from '@/lib/jobs/reminder-kinds';

export type TReminderHandler<K extends TReminderKind = TReminderKind> = (tx: TTx, data: TReminderPayloads[K], reminder: { key: string; runAt: Date }) => Promise<void>;
export type TReminderHandlers = { [K in TReminderKind]: TReminderHandler<K> };

/**
 * Schedules a reminder to run once at `runAt` (database clock), in the caller's transaction. The key is unique for
 * ever: scheduling the same key again does nothing (returns false), so callers derive it from what the reminder is
 * about, e.g. `LEDGER_DUE:<campaign>:<org>:<2026-03>`. The handler runs in one transaction with the row's `done_at`,
 * so it delivers exactly once across workers and restarts; it writes its notices with notify(tx, …) and queueSms(tx, …).
 */
export async function scheduleOnce<K extends TReminderKind>(
  tx: TTx,
  reminder: { key: string; kind: K; data: TReminderPayloads[K]; runAt: Date },
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO scheduled_reminders (key, kind, data, run_at)
    VALUES (${reminder.key}, ${reminder.kind}, ${JSON.stringify(reminder.data)}::jsonb, ${reminder.runAt})
    ON CONFLICT (key) DO NOTHING
    RETURNING key`;
  if (!rows.length) return false;
  await enqueue(tx, 'reminder', { key: reminder.key }, { startAfter: reminder.runAt });
  return true;
}

/**
 * The `reminder` job: locks the row, and if it is not done yet runs its handler and marks it done in the same
 * transaction. A second run (another worker, a retry after a crash) waits for the lock, then finds it done.
 */
export async function runReminder(key: string, handlers: TReminderHandlers): Promise<'done' | 'skipped'> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ kind: string; data: Prisma.JsonValue; run_at: Date }[]>`
      SELECT kind, data, run_at FROM scheduled_reminders WHERE key = ${key} AND done_at IS NULL AND run_at <= now() FOR UPDATE`;
    if (!rows.length) return 'skipped';
    const { kind, data, run_at: runAt } = rows[0];
    const handler = (handlers as Record<string, TReminderHandler | undefined>)[kind];
    if (!handler) throw new Error(`未注册的提醒类型 ${kind}（lib/worker/reminder-kinds.ts）`);
    await handler(tx, data as never, { key, runAt });
    await tx.$executeRaw`UPDATE scheduled_reminders SET done_at = now() WHERE key = ${key}`;
    return 'done';
  }, { timeout: 60_000 });
}

/**
 * Reminders past due by `graceSeconds` and still not done (their job failed for good, or was lost with a restored
 * backup): the minutely scan runs them directly; runReminder keeps it once.
 */
export async function overdueReminderKeys(graceSeconds = 300, limit = 100): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT key FROM scheduled_reminders
    WHERE done_at IS NULL AND run_at <= now() - make_interval(secs => ${graceSeconds}::double precision) ORDER BY run_at LIMIT ${limit}`;
  return rows.map((row) => row.key);
}
