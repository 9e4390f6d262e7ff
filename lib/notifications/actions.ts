'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole, requireUser } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { setReminderSms } from '@/lib/notifications/reminder-settings';
import type { TMarkReadInput, TReminderSmsInput } from '@/lib/notifications/schema';
import { markNotificationsRead } from '@/lib/notifications/service';

// Any signed-in user, on their own inbox only: the service matches the ids against the caller's own notices.
export async function markNotificationsReadAction(input: TMarkReadInput) {
  return runAction(input, async (input) => {
    const user = await requireUser();
    const result = await markNotificationsRead(input, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath('/', 'layout');
    return result;
  });
}

// The organization department of the campaign's owner (checked again in the service against the database).
export async function setReminderSmsAction(input: TReminderSmsInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await setReminderSms(input, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(`/admin/campaigns/${input.campaignId}`);
    return result;
  });
}
