'use server';

import { revalidatePath } from 'next/cache';
import { getRequestIp, requireRole, requireUser } from '@/lib/auth/guard';
import { runAction } from '@/lib/http/action';
import { campaignOwnerOrgId } from '@/lib/campaign/admin-queries';
import {
  ZCampaignRef,
  ZCampaignSetup,
  ZCancelCampaign,
  ZStageCommand,
  type TCampaignRef,
  type TCampaignSetupInput,
  type TCancelCampaignInput,
  type TStageCommand,
} from '@/lib/campaign/schema';
import { cancelCampaign, closeStageNow, createCampaign, finishCampaign, openStageNow, publishCampaign, updateCampaign } from '@/lib/campaign/service';

function revalidateCampaign(campaignId?: string) {
  revalidatePath('/admin/campaigns');
  if (campaignId) revalidatePath(`/admin/campaigns/${campaignId}`);
}

/** Finishing or cancelling changes what every public page of the campaign says. */
function revalidatePublicCampaign(campaignId: string) {
  revalidatePath('/');
  revalidatePath(`/campaigns/${campaignId}`, 'layout');
}

/** Signed in first, so an anonymous caller learns nothing about which campaigns exist. */
async function requireCampaignAdmin(campaignId: string) {
  await requireUser();
  return requireRole('ORG_ADMIN', await campaignOwnerOrgId(campaignId));
}

/** The chosen owner organization decides who may create: the admin must hold ORG_ADMIN there or above. */
export async function createCampaignAction(input: TCampaignSetupInput, options: { publish: boolean }) {
  return runAction({ input, options }, async ({ input, options }) => {
    await requireUser();
    const setup = ZCampaignSetup.parse(input);
    const user = await requireRole('ORG_ADMIN', setup.ownerOrgId);
    const campaign = await createCampaign({ ...setup, publish: options?.publish === true }, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign();
    return { id: campaign.id };
  });
}

export async function updateCampaignAction(campaignId: string, input: TCampaignSetupInput) {
  return runAction({ campaignId, input }, async ({ campaignId, input }) => {
    const { campaignId: id } = ZCampaignRef.parse({ campaignId });
    const user = await requireCampaignAdmin(id);
    const setup = ZCampaignSetup.parse(input);
    const result = await updateCampaign({ ...setup, id }, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(id);
    return result;
  });
}

export async function publishCampaignAction(input: TCampaignRef) {
  return runAction(input, async (input) => {
    const { campaignId } = ZCampaignRef.parse(input);
    const user = await requireCampaignAdmin(campaignId);
    await publishCampaign({ campaignId }, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(campaignId);
  });
}

export async function openStageNowAction(input: TStageCommand) {
  return runAction(input, async (input) => {
    const command = ZStageCommand.parse(input);
    const user = await requireCampaignAdmin(command.campaignId);
    await openStageNow(command, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(command.campaignId);
  });
}

export async function closeStageNowAction(input: TStageCommand) {
  return runAction(input, async (input) => {
    const command = ZStageCommand.parse(input);
    const user = await requireCampaignAdmin(command.campaignId);
    await closeStageNow(command, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(command.campaignId);
  });
}

export async function finishCampaignAction(input: TCampaignRef) {
  return runAction(input, async (input) => {
    const { campaignId } = ZCampaignRef.parse(input);
    const user = await requireCampaignAdmin(campaignId);
    await finishCampaign({ campaignId }, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(campaignId);
    revalidatePublicCampaign(campaignId);
  });
}

export async function cancelCampaignAction(input: TCancelCampaignInput) {
  return runAction(input, async (input) => {
    const parsed = ZCancelCampaign.parse(input);
    const user = await requireCampaignAdmin(parsed.campaignId);
    await cancelCampaign(parsed, { actorId: user.id, ip: await getRequestIp() });
    revalidateCampaign(parsed.campaignId);
    revalidatePublicCampaign(parsed.campaignId);
  });
}
