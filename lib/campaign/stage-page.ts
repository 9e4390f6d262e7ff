import type { StageKind } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { programHasStage } from '@/lib/campaign/templates';
import { pageNotFound } from '@/lib/http/page';

/**
 * For the layouts of a stage's pages (staff and public): a campaign whose program omits the stage has no such page, so a
 * typed URL answers 404 like a missing campaign (a 创建认定 campaign has no vote, review, meetings or 公示).
 */
export async function requireProgramStage(campaignId: string, kind: StageKind): Promise<void> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { program: true } }).catch(() => null);
  if (!campaign || !programHasStage(campaign.program, kind)) pageNotFound();
}
