'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { revalidateGallery } from '@/lib/gallery/cache';
import type { TFinaliseInput, TPublishPublicityInput } from '@/lib/publicity/schema';
import { finaliseCampaign, publishPublicity } from '@/lib/publicity/service';

// The services check, inside their transaction, that the actor is ORG_ADMIN over the campaign's owner; this guard only
// turns away people without the role at all.
async function admin() {
  const user = await requireAnyRole(['ORG_ADMIN']);
  return { actorId: user.id, ip: await getRequestIp() };
}

function refresh(campaignId: string) {
  revalidatePath(`/admin/campaigns/${campaignId}`, 'layout');
  revalidatePath(`/campaigns/${campaignId}`, 'layout');
}

export async function publishPublicityAction(input: TPublishPublicityInput) {
  return runAction(input, async (input) => {
    const result = await publishPublicity(input, await admin());
    refresh(result.campaignId);
    return result;
  });
}

export async function finaliseCampaignAction(input: TFinaliseInput) {
  return runAction(input, async (input) => {
    const result = await finaliseCampaign(input, await admin());
    refresh(result.campaignId);
    revalidateGallery();
    return result;
  });
}
