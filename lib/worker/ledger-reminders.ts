// 台帐 reminders in the minutely scan: 3 days before the due day, on it, and overdue from the morning after, each sent
// from 08:00 Asia/Shanghai (nobody gets a reminder at midnight). dueLedgerReminders computes what is due by database
// time with a stable key per kind, cultivation and month; notify() drops a key a recipient already has (ON CONFLICT),
// and the SMS outbox keys its message the same way, so two workers or a restart send each reminder once.
import { db, dbNow } from '@/lib/db';
import { dueLedgerReminders } from '@/lib/cultivation/ledger-reminders';
import { notify } from '@/lib/notifications/service';

/** The hour (Asia/Shanghai) from which the day's reminders go out. */
export const LEDGER_REMINDER_HOUR = 8;

function shanghaiHour(instant: Date): number {
  return (instant.getUTCHours() + 8) % 24;
}

/** Sends what is due at `at` (database time by default); returns the number of notices written now. */
export async function notifyLedgerReminders(at?: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const now = at ?? (await dbNow(tx));
      if (shanghaiHour(now) < LEDGER_REMINDER_HOUR) return 0;
      let written = 0;
      for (const reminder of await dueLedgerReminders(tx, now)) {
        const delivered = await notify(
          tx,
          reminder.recipients.map((recipient) => recipient.userId),
          {
            kind: reminder.kind === 'overdue' ? 'LEDGER_OVERDUE' : 'LEDGER_DUE',
            title: reminder.text,
            link: reminder.href,
            campaignId: reminder.campaignId,
            dedupeKey: reminder.key,
            sms: reminder.sms ? reminder.text : null,
          },
        );
        written += delivered.length;
      }
      return written;
    },
    { timeout: 60_000 },
  );
}
