'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/auth/action';
import { GALLERY_TAG, revalidateGallery } from '@/lib/gallery/cache';
import { revokeHonor, type TRevokeHonorInput } from '@/lib/publicity/service';

/**
 * 摘牌. The service checks, inside its transaction, that the actor is ORG_ADMIN over the campaign's owner; the guard
 * only turns away people without the role. revalidateGallery() serves stale pages while they refresh, which is right
 * for the gallery but not for a revoked certificate: updateTag expires the cached verification at once as well.
 */
export async function revokeHonorAction(input: TRevokeHonorInput) {
  return runAction(async () => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await revokeHonor(input, { actorId: user.id, ip: await getRequestIp() });
    revalidateGallery();
    updateTag(GALLERY_TAG);
    revalidatePath(`/admin/campaigns/${result.campaignId}/honors`);
    return result;
  });
}
