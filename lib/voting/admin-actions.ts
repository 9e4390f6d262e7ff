'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { invalidateByFlag, invalidateVotes, restoreVotes, type TInvalidateByFlagInput, type TInvalidateVotesInput, type TRestoreVotesInput } from '@/lib/voting/invalidation';

// The services check, inside their transaction, that the actor is ORG_ADMIN over the campaign's owner; this guard only
// turns away people without the role at all.
async function admin() {
  const user = await requireAnyRole(['ORG_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

function refresh(campaignId: string) {
  revalidatePath(`/admin/campaigns/${campaignId}/votes`, 'layout');
  revalidatePath(`/campaigns/${campaignId}/vote`, 'layout');
}

export async function invalidateVotesAction(input: TInvalidateVotesInput) {
  return runAction(input, async (input) => {
    const result = await invalidateVotes(input, await admin());
    refresh(String(input.campaignId));
    return result;
  });
}

export async function invalidateByFlagAction(input: TInvalidateByFlagInput) {
  return runAction(input, async (input) => {
    const result = await invalidateByFlag(input, await admin());
    refresh(String(input.campaignId));
    return result;
  });
}

export async function restoreVotesAction(input: TRestoreVotesInput) {
  return runAction(input, async (input) => {
    const result = await restoreVotes(input, await admin());
    refresh(String(input.campaignId));
    return result;
  });
}
