'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { ZBulkPassInput, ZChecklistInput, ZQualifyInput, ZRevokeInput, type TBulkPassInput, type TChecklistInput, type TQualifyInput, type TRevokeInput } from '@/lib/qualification/schema';
import { bulkPassQualifications, qualifyApplication, revokeQualification, updateQualificationChecklist } from '@/lib/qualification/service';

function revalidateQualification(campaignId: string) {
  revalidatePath(`/admin/campaigns/${campaignId}/qualification`);
  revalidatePath(`/admin/campaigns/${campaignId}/brand-list`);
}

/** The service checks ORG_ADMIN on the campaign's owner organization against the database, in its transaction. */
export async function qualifyApplicationAction(input: TQualifyInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await qualifyApplication(ZQualifyInput.parse(input), { actorId: user.id, ip: await getRequestIp() });
    revalidateQualification(result.campaignId);
    return { result: result.result };
  });
}

export async function bulkPassAction(input: TBulkPassInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await bulkPassQualifications(ZBulkPassInput.parse(input), { actorId: user.id, ip: await getRequestIp() });
    revalidateQualification(result.campaignId);
    return { count: result.count };
  });
}

export async function revokeQualificationAction(input: TRevokeInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await revokeQualification(ZRevokeInput.parse(input), { actorId: user.id, ip: await getRequestIp() });
    revalidateQualification(result.campaignId);
  });
}

export async function updateQualificationChecklistAction(input: TChecklistInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await updateQualificationChecklist(ZChecklistInput.parse(input), { actorId: user.id, ip: await getRequestIp() });
    revalidateQualification(result.campaignId);
    return { items: result.items };
  });
}
