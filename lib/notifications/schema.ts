import { z } from 'zod';

/** Either some of one's notices (by id) or all of them. */
export const ZMarkReadInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(40)).min(1, '请选择通知').max(100), all: z.undefined().optional() }),
  z.object({ all: z.literal(true), ids: z.undefined().optional() }),
]);

export type TMarkReadInput = z.input<typeof ZMarkReadInput>;

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** 提醒短信: whether a campaign's scheduled reminders also go out by SMS. */
export const ZReminderSmsInput = z.object({ campaignId: z.string().min(1).max(40), enabled: z.boolean() });

export type TReminderSmsInput = z.input<typeof ZReminderSmsInput>;
