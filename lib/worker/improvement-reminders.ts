// 问题/提升清单 overdue reminders in the minutely scan: from 08:00 Asia/Shanghai on the day after an open item's due day,
// the owner account and the belt's committee admins get one notice, keyed per item and first overdue day; notify()
// drops a key a recipient already has, so two workers or a restart remind once. A closed item is no longer due.
import { db, dbNow } from '@/lib/db';
import { dueImprovementReminders } from '@/lib/belt/improvement-reminders';
import { notify } from '@/lib/notifications/service';
import { LEDGER_REMINDER_HOUR } from '@/lib/worker/ledger-reminders';

/** Sends what is due at `at` (database time by default); returns the number of notices written now. */
export async function notifyImprovementReminders(at?: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const now = at ?? (await dbNow(tx));
      if ((now.getUTCHours() + 8) % 24 < LEDGER_REMINDER_HOUR) return 0;
      let written = 0;
      for (const reminder of await dueImprovementReminders(tx, now)) {
        const delivered = await notify(tx, reminder.recipients, { kind: 'IMPROVEMENT_OVERDUE', title: reminder.title, body: reminder.body, link: reminder.href, dedupeKey: reminder.key });
        written += delivered.length;
      }
      return written;
    },
    { timeout: 60_000 },
  );
}
