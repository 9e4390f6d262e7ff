'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireRole, requireUser } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { campaignOwnerOrgId } from '@/lib/campaign/admin-queries';
import { ZPublishBrandListInput, type TPublishBrandListInput } from '@/lib/brand-list/schema';
import { publishBrandList } from '@/lib/brand-list/service';

export async function publishBrandListAction(input: TPublishBrandListInput) {
  return runAction(input, async (input) => {
    await requireUser();
    const parsed = ZPublishBrandListInput.parse(input);
    const user = await requireRole('ORG_ADMIN', await campaignOwnerOrgId(parsed.campaignId));
    const result = await publishBrandList(parsed, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(`/admin/campaigns/${parsed.campaignId}/brand-list`);
    revalidatePath(`/campaigns/${parsed.campaignId}/brands`);
    revalidatePath('/');
    return { version: result.version, entryCount: result.entryCount };
  });
}
