'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { revalidateGallery } from '@/lib/gallery/cache';
import { revokeHonor, type TRevokeHonorInput } from '@/lib/publicity/service';

/**
 * 摘牌. The service checks, inside its transaction, that the actor is ORG_ADMIN over the campaign's owner; the guard
 * only turns away people without the role. revalidateGallery() expires the cached gallery and verification at once.
 */
export async function revokeHonorAction(input: TRevokeHonorInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await revokeHonor(input, { actorId: user.id, ip: await getRequestIp() });
    revalidateGallery();
    revalidatePath(`/admin/campaigns/${result.campaignId}/honors`);
    return result;
  });
}
