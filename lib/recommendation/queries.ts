import { db, dbNow } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import { isRecommendingDepth } from '@/lib/campaign/quota';
import type { CampaignProgram, CampaignStatus } from '@/lib/generated/prisma/enums';
import type { TStageStatus, TStageWindow } from '@/lib/campaign/stages';
import { levelWindow, type TLevelDeadline } from '@/lib/campaign/recommendation-deadline';
import { levelRefusal } from '@/lib/campaign/recommendation-level';
import { depthOf } from '@/lib/org-tree/tree';
import { actsFor, hasReachedLevel, isDecisionOpen, recommendingChain } from '@/lib/campaign/recommendation-chain';
import { levelDecisions, organizationNames, RECOMMENDATION_SELECT, type TLevelDecision } from '@/lib/application/recommendation-trail';

type TDecision = 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED';

/** The window of the level at `depth`, as the pages show it; 'open' exactly when the state machine lets the level decide. */
function levelTimes(campaign: { status: CampaignStatus; program: CampaignProgram; stages: TStageWindow[]; recommendationDeadlines: TLevelDeadline[] }, depth: number, now: Date) {
  const window = levelWindow(campaign.stages, campaign.recommendationDeadlines, depth);
  return {
    stage: levelRefusal({ status: campaign.status, program: campaign.program, stages: campaign.stages, now }, campaign.recommendationDeadlines, depth).status,
    startsAt: window?.startsAt ?? null,
    endsAt: window?.endsAt ?? null,
    hasOwnDeadline: !!window && window.endsAt < (campaign.stages[0]?.endsAt ?? window.endsAt),
  };
}

export type TRecommendingLevel = {
  campaign: { id: string; title: string };
  organization: { id: string; name: string };
  /** The level's own window: the recommendation stage, ending at the level's deadline when that is earlier. */
  stage: TStageStatus;
  endsAt: Date | null;
  /** The level closes at its own deadline, before the stage ends. */
  hasOwnDeadline: boolean;
  used: number;
  limit: number;
};

/** The (campaign, organization) pairs the user recommends for: a COMMITTEE_ADMIN grant at a recommending level. */
export async function listRecommendingLevels(grants: readonly TRoleGrant[]): Promise<TRecommendingLevel[]> {
  const own = grants.filter((grant) => grant.role === 'COMMITTEE_ADMIN');
  if (own.length === 0) return [];
  const ancestorIds = [...new Set(own.flatMap((grant) => grant.organizationPath.split('/').filter(Boolean).slice(0, -1)))];
  const [now, campaigns] = await Promise.all([
    dbNow(),
    db.campaign.findMany({
      where: { status: 'PUBLISHED', program: 'SELECTION', ownerOrgId: { in: ancestorIds } },
      select: {
        id: true,
        title: true,
        status: true,
        program: true,
        ownerOrgId: true,
        defaultQuota: true,
        recommendingDepths: true,
        stages: { where: { kind: 'RECOMMENDATION' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
        recommendationDeadlines: { select: { depth: true, endsAt: true } },
        quotas: { where: { organizationId: { in: own.map((grant) => grant.organizationId) } }, select: { organizationId: true, limit: true } },
      },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      take: 50,
    }),
  ]);
  const pairs = campaigns.flatMap((campaign) =>
    own
      .filter((grant) => {
        const ids = grant.organizationPath.split('/').filter(Boolean);
        const ownerIndex = ids.indexOf(campaign.ownerOrgId);
        const depth = depthOf(grant.organizationPath);
        return ownerIndex >= 0 && ownerIndex < depth && isRecommendingDepth(campaign.recommendingDepths, depth);
      })
      .map((grant) => ({ campaign, grant })),
  );
  const counts = pairs.length
    ? await db.recommendation.groupBy({
        by: ['campaignId', 'organizationId'],
        where: { decision: 'RECOMMENDED', campaignId: { in: pairs.map((pair) => pair.campaign.id) }, organizationId: { in: own.map((grant) => grant.organizationId) } },
        _count: { _all: true },
      })
    : [];
  return pairs.map(({ campaign, grant }) => {
    return {
      campaign: { id: campaign.id, title: campaign.title },
      organization: { id: grant.organizationId, name: grant.organizationName },
      ...levelTimes(campaign, depthOf(grant.organizationPath), now),
      used: counts.find((row) => row.campaignId === campaign.id && row.organizationId === grant.organizationId)?._count._all ?? 0,
      limit: campaign.quotas.find((quota) => quota.organizationId === grant.organizationId)?.limit ?? campaign.defaultQuota,
    };
  });
}

export type TLevelEntry = {
  id: string;
  brandName: string;
  organizationName: string;
  parentName: string;
  fieldName: string;
  secretaryName: string;
  contactPhone: string;
  submittedAt: Date | null;
  decision: TDecision;
  rank: number | null;
  opinion: string;
  reason: string | null;
  decidedAt: Date | null;
  /** This level may still change its decision (the next level has not acted). */
  open: boolean;
  /** What the level above made of it, when this level recommended it. */
  above: TDecision | 'QUALIFICATION' | null;
  /** The levels below this one that recommended it, nearest the applicant first: their order, 推荐意见 and date. */
  below: TLevelDecision[];
};

export type TRecommendationLevel = {
  campaign: { id: string; title: string; year: number };
  organization: { id: string; name: string; path: string };
  stage: TStageStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  hasOwnDeadline: boolean;
  used: number;
  limit: number;
  entries: TLevelEntry[];
  /** Submitted entries of the subtree still waiting at a lower level. */
  belowCount: number;
};

/**
 * One recommending organization's view of a campaign: the entries that reached it (submitted by its branches or
 * recommended by the level below), ranked, with its decisions and quota. Null when the user does not act for it.
 */
export async function loadRecommendationLevel(campaignId: string, organizationId: string, grants: readonly TRoleGrant[]): Promise<TRecommendationLevel | null> {
  if (!actsFor(grants, organizationId)) return null;
  const [now, campaign, organization] = await Promise.all([
    dbNow(),
    db.campaign.findFirst({
      where: { id: campaignId, status: { not: 'DRAFT' } },
      select: {
        id: true,
        title: true,
        year: true,
        status: true,
        program: true,
        ownerOrgId: true,
        defaultQuota: true,
        recommendingDepths: true,
        stages: { where: { kind: 'RECOMMENDATION' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
        recommendationDeadlines: { select: { depth: true, endsAt: true } },
        quotas: { where: { organizationId }, select: { limit: true } },
      },
    }),
    db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true, path: true, depth: true } }),
  ]);
  if (!campaign || !organization) return null;
  const applications = await db.application.findMany({
    where: { campaignId, status: 'SUBMITTED', organization: { path: { startsWith: organization.path } } },
    select: {
      id: true,
      brandName: true,
      secretaryName: true,
      contactPhone: true,
      submittedAt: true,
      field: { select: { name: true } },
      organization: { select: { name: true, path: true, parent: { select: { name: true } } } },
      recommendations: { select: RECOMMENDATION_SELECT },
      qualification: { select: { result: true } },
    },
  });
  let belowCount = 0;
  const lowerLevels = new Map<string, string[]>();
  const entries: TLevelEntry[] = [];
  for (const application of applications) {
    const chain = recommendingChain(application.organization.path, campaign.ownerOrgId, campaign.recommendingDepths);
    const index = chain.indexOf(organizationId);
    if (index < 0) continue;
    const decisions = new Map(application.recommendations.map((row) => [row.organizationId, row.decision]));
    if (!hasReachedLevel(chain, decisions, index)) {
      belowCount++;
      continue;
    }
    const mine = application.recommendations.find((row) => row.organizationId === organizationId);
    const decision = mine?.decision ?? 'PENDING';
    const next = chain[index + 1];
    const above = decision !== 'RECOMMENDED' ? null : next ? (decisions.get(next) ?? 'PENDING') : 'QUALIFICATION';
    lowerLevels.set(application.id, chain.slice(0, index));
    entries.push({
      id: application.id,
      brandName: application.brandName,
      organizationName: application.organization.name,
      parentName: application.organization.parent?.name ?? '',
      fieldName: application.field?.name ?? '',
      secretaryName: application.secretaryName,
      contactPhone: application.contactPhone,
      submittedAt: application.submittedAt,
      decision,
      rank: mine?.rank ?? null,
      opinion: mine?.opinion ?? '',
      reason: mine?.reason ?? null,
      decidedAt: mine?.decidedAt ?? null,
      open: isDecisionOpen(chain, decisions, index, !!application.qualification),
      above,
      below: [],
    });
  }
  // One query for the names of every lower level shown.
  const names = await organizationNames([...lowerLevels.values()].flat());
  const rowsById = new Map(applications.map((application) => [application.id, application.recommendations]));
  for (const entry of entries) entry.below = levelDecisions(lowerLevels.get(entry.id) ?? [], rowsById.get(entry.id) ?? [], names);
  entries.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  return {
    campaign: { id: campaign.id, title: campaign.title, year: campaign.year },
    organization: { id: organization.id, name: organization.name, path: organization.path },
    ...levelTimes(campaign, organization.depth, now),
    used: entries.filter((entry) => entry.decision === 'RECOMMENDED').length,
    limit: campaign.quotas[0]?.limit ?? campaign.defaultQuota,
    entries,
    belowCount,
  };
}

