// What the minutely `tick` job runs, in order. A scanner finds what is due by database time and notifies with dedupe
// keys, so running it again (every minute, on two workers, after a restart) adds nothing.
import { overdueReminderKeys, runReminder } from '@/lib/jobs/reminders';
import { notifyImprovementReminders } from '@/lib/worker/improvement-reminders';
import { notifyLedgerReminders } from '@/lib/worker/ledger-reminders';
import { notifyPromotionReminders } from '@/lib/worker/promotion-reminders';
import { REMINDER_HANDLERS } from '@/lib/worker/reminder-kinds';
import { notifyStageChanges } from '@/lib/worker/stage-notices';
import { log } from '@/lib/log';

export type TScanner = { name: string; run: () => Promise<unknown> };

export const SCANNERS: readonly TScanner[] = [
  { name: 'stage-changes', run: () => notifyStageChanges() },
  { name: 'ledger-reminders', run: () => notifyLedgerReminders() },
  { name: 'improvement-reminders', run: () => notifyImprovementReminders() },
  { name: 'promotion-reminders', run: () => notifyPromotionReminders() },
  {
    // A reminder whose job failed for good (or vanished with a restored backup) still runs, once.
    name: 'overdue-reminders',
    run: async () => {
      for (const key of await overdueReminderKeys()) await runReminder(key, REMINDER_HANDLERS);
    },
  },
];

/** Runs every scanner; one failing does not stop the others (the next minute tries it again). */
export async function runScanners(scanners: readonly TScanner[] = SCANNERS): Promise<void> {
  for (const scanner of scanners) {
    try {
      await scanner.run();
    } catch (error) {
      log.error('定时扫描失败', { scanner: scanner.name, error });
    }
  }
}
