import { db, dbNow } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export const CAMPAIGN_SUMMARY_SELECT = {
  id: true,
  title: true,
  year: true,
  batch: true,
  status: true,
  description: true,
  ownerOrg: { select: { id: true, name: true, shortName: true } },
  stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
  publicity: { select: { id: true } },
  announcement: { select: { id: true } },
} satisfies Prisma.CampaignSelect;

export type TCampaignSummary = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_SUMMARY_SELECT }>;

/** Campaigns the public may see: published or finished, newest first. */
export async function listPublicCampaigns(): Promise<{ now: Date; campaigns: TCampaignSummary[] }> {
  const [now, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: { status: { in: ['PUBLISHED', 'FINISHED'] } },
      select: CAMPAIGN_SUMMARY_SELECT,
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      take: 50,
    }),
  ]);
  return { now, campaigns };
}

/** Ids of an organization and its ancestors, read from the materialized path. */
export function ancestorIdsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Published campaigns run by any ancestor (or self) of the given organizations: the ones their members take part in. */
export async function listCampaignsAbove(orgPaths: readonly string[]): Promise<{ now: Date; campaigns: TCampaignSummary[] }> {
  const ownerIds = [...new Set(orgPaths.flatMap(ancestorIdsOf))];
  const [now, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: { status: { in: ['PUBLISHED', 'FINISHED'] }, ownerOrgId: { in: ownerIds } },
      select: CAMPAIGN_SUMMARY_SELECT,
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      take: 50,
    }),
  ]);
  return { now, campaigns };
}
