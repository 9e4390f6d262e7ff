'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import type { TRemindInput } from '@/lib/declaration-reminder/schema';
import { remindBranches } from '@/lib/declaration-reminder/service';

// The service checks, against the database, that the user acts for the committee and that the branches are below it.
export async function remindBranchesAction(input: TRemindInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['COMMITTEE_ADMIN']);
    const result = await remindBranches(input, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath('/committee', 'layout');
    revalidatePath('/declare');
    return result;
  });
}
