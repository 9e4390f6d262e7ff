'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireUser } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import type { TMarkReadInput } from '@/lib/notifications/schema';
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
