import type { TJobHandlers } from '@/lib/jobs/worker';
import { runReminder, type TReminderHandlers } from '@/lib/jobs/reminders';
import { deliverQueuedSms } from '@/lib/jobs/sms-delivery';
import { REMINDER_HANDLERS } from '@/lib/worker/reminder-kinds';
import { runScanners } from '@/lib/worker/scanners';

/** The handler of every job name (a record over lib/jobs/queues.ts, so a new name without one fails the typecheck). */
export function jobHandlers(reminders: TReminderHandlers = REMINDER_HANDLERS): TJobHandlers {
  return {
    sms: ({ id }) => deliverQueuedSms(id),
    reminder: ({ key }) => runReminder(key, reminders),
    tick: () => runScanners(),
  };
}
