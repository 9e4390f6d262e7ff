// 宣传推广 schedule reminders in the minutely scan, from 08:00 Asia/Shanghai: 7 days before a period ends without an
// event of the schedule, and once the period is overdue. The key (kind, schedule, period) makes notify() write each
// once per recipient, however many scans or workers run.
import { db, dbNow } from '@/lib/db';
import { notify } from '@/lib/notifications/service';
import { dueScheduleReminders } from '@/lib/promotion/reminders';
import { LEDGER_REMINDER_HOUR } from '@/lib/worker/ledger-reminders';

const shanghaiHour = (instant: Date) => (instant.getUTCHours() + 8) % 24;

/** Sends what is due at `at` (database time by default); returns the number of notices written now. */
export async function notifyPromotionReminders(at?: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const now = at ?? (await dbNow(tx));
      if (shanghaiHour(now) < LEDGER_REMINDER_HOUR) return 0;
      let written = 0;
      for (const reminder of await dueScheduleReminders(tx, now)) {
        const delivered = await notify(tx, reminder.recipients, {
          kind: reminder.kind === 'overdue' ? 'PROMOTION_OVERDUE' : 'PROMOTION_DUE',
          title: reminder.text,
          link: reminder.href,
          dedupeKey: reminder.key,
        });
        written += delivered.length;
      }
      return written;
    },
    { timeout: 60_000 },
  );
}
