import { db, dbNow } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export const CAMPAIGN_SUMMARY_SELECT = {
  id: true,
  title: true,
  year: true,
  batch: true,
  status: true,
  program: true,
  finishedAt: true,
  cancelledAt: true,
  cancelReason: true,
  description: true,
  ownerOrg: { select: { id: true, name: true, shortName: true } },
  stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
  publicities: { select: { id: true }, orderBy: { version: 'desc' }, take: 1 },
  announcement: { select: { id: true } },
} satisfies Prisma.CampaignSelect;

export type TCampaignSummary = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_SUMMARY_SELECT }>;

/** What the public may see: campaigns published or finished, and those cancelled after they were published (marked 已撤销). */
const PUBLIC_CAMPAIGN_WHERE = {
  OR: [{ status: { in: ['PUBLISHED', 'FINISHED'] } }, { status: 'CANCELLED', publishedAt: { not: null } }],
} satisfies Prisma.CampaignWhereInput;

/** Campaigns the public may see, newest first. */
export async function listPublicCampaigns(): Promise<{ now: Date; campaigns: TCampaignSummary[] }> {
  const [now, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: PUBLIC_CAMPAIGN_WHERE,
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

/** The campaign's rules (form, recommendation, voting, weights): what the setup page edits and the public page states. */
export const CAMPAIGN_RULES_SELECT = {
  program: true,
  nameMaxLength: true,
  allowMultipleApplications: true,
  defaultQuota: true,
  recommendingDepths: true,
  publicityEnabled: true,
  memberVotingEnabled: true,
  publicVotingEnabled: true,
  votesPerVoterPerDay: true,
  votesPerEntryPerDay: true,
  votesPerVoterTotal: true,
  allowVoteForOwnOrg: true,
  resultsVisibility: true,
  expertWeight: true,
  voteWeight: true,
} satisfies Prisma.CampaignSelect;

/**
 * The public page of one campaign: its notice, rules, stages and which public pages exist yet. Null for a campaign the
 * public may not see (draft, cancelled before publication, unknown).
 */
export async function loadPublicCampaign(id: string) {
  const [now, campaign] = await Promise.all([
    dbNow(),
    db.campaign.findFirst({
      where: { id, ...PUBLIC_CAMPAIGN_WHERE },
      select: {
        ...CAMPAIGN_SUMMARY_SELECT,
        ownerOrg: { select: { id: true, name: true, shortName: true } },
        ...CAMPAIGN_RULES_SELECT,
        fields: { select: { name: true }, orderBy: { sortOrder: 'asc' } },
        rubric: { select: { template: true, criteria: { select: { name: true, maxPoints: true, guidance: true }, orderBy: { sortOrder: 'asc' } } } },
        awards: { select: { name: true, count: true }, orderBy: { sortOrder: 'asc' } },
        _count: { select: { quotas: { where: { limit: { not: null } } }, brandLists: true } },
      },
    }),
  ]);
  if (!campaign) return null;
  const { _count, ...rest } = campaign;
  return { now, campaign: { ...rest, hasBrandList: _count.brandLists > 0, hasQuotaOverrides: _count.quotas > 0 } };
}

export type TPublicCampaign = NonNullable<Awaited<ReturnType<typeof loadPublicCampaign>>>['campaign'];

/** The public pages of every public campaign, for the sitemap: which exist depends on how far the campaign has come. */
export async function listPublicCampaignPages(): Promise<{ path: string; lastModified: Date }[]> {
  const [now, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: { status: { in: ['PUBLISHED', 'FINISHED'] } },
      select: {
        id: true,
        updatedAt: true,
        stages: { where: { kind: 'VOTING' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
        brandLists: { select: { publishedAt: true }, orderBy: { version: 'desc' }, take: 1 },
        publicities: { select: { publishedAt: true }, orderBy: { version: 'desc' }, take: 1 },
        announcement: { select: { publishedAt: true } },
      },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      take: 200,
    }),
  ]);
  return campaigns.flatMap((campaign) => {
    const base = `/campaigns/${campaign.id}`;
    const list = campaign.brandLists[0];
    const voting = campaign.stages[0];
    return [
      { path: base, lastModified: campaign.updatedAt },
      list && { path: `${base}/brands`, lastModified: list.publishedAt },
      list && voting?.isEnabled && now >= voting.startsAt && { path: `${base}/vote`, lastModified: list.publishedAt },
      campaign.publicities[0] && { path: `${base}/publicity`, lastModified: campaign.publicities[0].publishedAt },
      campaign.announcement && { path: `${base}/announcement`, lastModified: campaign.announcement.publishedAt },
    ].filter((page) => !!page);
  });
}
