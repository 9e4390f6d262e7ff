'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import type { TDocumentSettingsInput } from '@/lib/documents/schema';
import { updateDocumentSettings } from '@/lib/documents/settings';

// The organization department of the campaign's owner (checked again in the service against the database).
export async function updateDocumentSettingsAction(input: TDocumentSettingsInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['ORG_ADMIN']);
    const result = await updateDocumentSettings(input, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath(`/admin/campaigns/${input.campaignId}`);
    return result;
  });
}
