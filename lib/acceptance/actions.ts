'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { revalidateGallery } from '@/lib/gallery/cache';
import { decideAcceptance, formAcceptanceGroup, requestAcceptance, saveAcceptanceSheet } from '@/lib/acceptance/service';
import { revokeRecognition, type TRevokeRecognitionInput } from '@/lib/acceptance/revoke';
import type { TAcceptanceSheetInput, TDecideAcceptanceInput, TFormAcceptanceGroupInput, TRequestAcceptanceInput } from '@/lib/acceptance/schema';

// The services check scope against the database (the requesting branch, the campaign owner's ORG_ADMIN, a member of
// the acceptance group); the guards here only turn away people without the role at all.

async function as(roles: Parameters<typeof requireAnyRole>[0]) {
  const user = await requireAnyRole(roles);
  return { actorId: user.id, ip: await getRequestIp() };
}

export async function requestAcceptanceAction(input: TRequestAcceptanceInput) {
  return runAction(input, async (input) => {
    const result = await requestAcceptance(input, await as(['BRANCH_SECRETARY']));
    revalidatePath('/acceptance', 'layout');
    revalidatePath('/admin/acceptance', 'layout');
    return result;
  });
}

export async function formAcceptanceGroupAction(input: TFormAcceptanceGroupInput) {
  return runAction(input, async (input) => {
    const result = await formAcceptanceGroup(input, await as(['ORG_ADMIN']));
    revalidatePath('/admin/acceptance', 'layout');
    return result;
  });
}

export async function saveAcceptanceSheetAction(input: TAcceptanceSheetInput) {
  return runAction(input, async (input) => {
    const result = await saveAcceptanceSheet(input, await as(['EXPERT']));
    revalidatePath('/review/acceptance', 'layout');
    return result;
  });
}

export async function decideAcceptanceAction(input: TDecideAcceptanceInput) {
  return runAction(input, async (input) => {
    const result = await decideAcceptance(input, await as(['ORG_ADMIN']));
    if (result.recognitionNo) revalidateGallery();
    revalidatePath('/admin/acceptance', 'layout');
    revalidatePath('/acceptance', 'layout');
    return result;
  });
}

/** 摘牌 of a 认定: the campaign owner's ORG_ADMIN (checked by the service); verification and 品牌风采 change at once. */
export async function revokeRecognitionAction(input: TRevokeRecognitionInput) {
  return runAction(input, async (input) => {
    const result = await revokeRecognition(input, await as(['ORG_ADMIN']));
    revalidateGallery();
    revalidatePath(`/acceptance/requests/${result.requestId}`);
    revalidatePath('/admin/acceptance', 'layout');
    return result;
  });
}
