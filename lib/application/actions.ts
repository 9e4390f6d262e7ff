'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getRequestIp, requireAnyRole } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { findSimilarBrandNames } from '@/lib/application/similar-names';
import { ZReturnInput, type TApplicationValues, type TReturnInput } from '@/lib/application/schema';
import { createAnotherDraft, getOrCreateDraft, returnApplication, saveDraft, submitApplication } from '@/lib/application/service';
import { setApplicationFiles, type TApplicationFilesInput } from '@/lib/application/files';

const ZStart = z.object({ campaignId: z.string().min(1), organizationId: z.string().min(1), another: z.boolean().optional(), brandId: z.string().min(1).max(64).optional() });
const ZSimilar = z.object({ name: z.string().max(100), excludeApplicationId: z.string().optional() });

function revalidateApplication(applicationId: string) {
  revalidatePath('/declare');
  revalidatePath(`/declare/${applicationId}`);
  revalidatePath(`/committee/applications/${applicationId}`);
}

/**
 * The service checks the secretary's grant on the organization against the database; `another`: 再申报一个品牌;
 * `brandId`: 从上次申报开始 (the new draft copies that brand's last submitted declaration).
 */
export async function startDraftAction(input: { campaignId: string; organizationId: string; another?: boolean; brandId?: string }) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['BRANCH_SECRETARY']);
    const { campaignId, organizationId, another, brandId } = ZStart.parse(input);
    const start = another ? createAnotherDraft : getOrCreateDraft;
    const draft = await start({ campaignId, organizationId, brandId }, { actorId: user.id, ip: await getRequestIp() });
    revalidatePath('/declare');
    return draft;
  });
}

export async function saveDraftAction(input: { applicationId: string; revision: number; values: TApplicationValues }) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['BRANCH_SECRETARY']);
    const result = await saveDraft(input, { actorId: user.id, ip: await getRequestIp() });
    return { revision: result.revision, savedAt: result.savedAt.toISOString(), fieldErrors: result.fieldErrors };
  });
}

export async function submitApplicationAction(input: { applicationId: string; revision: number; values: TApplicationValues }) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['BRANCH_SECRETARY']);
    const result = await submitApplication(input, { actorId: user.id, ip: await getRequestIp() });
    revalidateApplication(input.applicationId);
    return result;
  });
}

export async function returnApplicationAction(input: TReturnInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
    const parsed = ZReturnInput.parse(input);
    await returnApplication(parsed, { actorId: user.id, ip: await getRequestIp() });
    revalidateApplication(parsed.applicationId);
  });
}

/** Only submitted names of any campaign are searched; signed-in secretaries and admins may ask. */
export async function similarNamesAction(input: { name: string; excludeApplicationId?: string }) {
  return runAction(input, async (input) => {
    await requireAnyRole(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
    const { name, excludeApplicationId } = ZSimilar.parse(input);
    return findSimilarBrandNames(name, { excludeApplicationId });
  });
}

export async function setApplicationFilesAction(input: TApplicationFilesInput) {
  return runAction(input, async (input) => {
    const user = await requireAnyRole(['BRANCH_SECRETARY']);
    await setApplicationFiles(input, { actorId: user.id, ip: await getRequestIp() });
  });
}
