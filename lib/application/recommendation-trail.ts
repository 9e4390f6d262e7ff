// 推荐意见 up the chain: what each recommending level decided about one entry (organization, its order, opinion, date).
// The printed 申报表 fills its opinion boxes from it, the upper levels see the lower ones' on their board, and staff
// see it on the entry's page.
import { db } from '@/lib/db';
import type { TRoleGrant } from '@/lib/auth/session';
import { recommendingChain } from '@/lib/campaign/recommendation-chain';

export type TLevelDecision = {
  organizationId: string;
  organizationName: string;
  decision: 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED';
  /** The entry's place in that level's own order (1 = first), when the level saved one. */
  rank: number | null;
  opinion: string;
  /** Why it was not recommended. */
  reason: string | null;
  decidedAt: Date | null;
};

type TRecommendationRow = Pick<TLevelDecision, 'organizationId' | 'decision' | 'rank' | 'opinion' | 'reason' | 'decidedAt'>;

/** The levels of `chain` (nearest the applicant first) with what each did; a level that never touched the entry reads PENDING. */
export function levelDecisions(chain: readonly string[], rows: readonly TRecommendationRow[], names: ReadonlyMap<string, string>): TLevelDecision[] {
  return chain.map((organizationId) => {
    const row = rows.find((candidate) => candidate.organizationId === organizationId);
    return {
      organizationId,
      organizationName: names.get(organizationId) ?? '',
      decision: row?.decision ?? 'PENDING',
      rank: row?.rank ?? null,
      opinion: row?.opinion.trim() ?? '',
      reason: row?.reason ?? null,
      decidedAt: row?.decidedAt ?? null,
    };
  });
}

/** Whether a level has anything to show: a decision, an order or an opinion. */
export const hasActed = (level: TLevelDecision) => level.decision !== 'PENDING' || level.rank !== null || level.opinion !== '';

const STAFF_ROLES = new Set<TRoleGrant['role']>(['ORG_ADMIN', 'COMMITTEE_ADMIN']);

export const RECOMMENDATION_SELECT = { organizationId: true, decision: true, rank: true, opinion: true, reason: true, decidedAt: true } as const;

/** Organization names of the given ids, one query. */
export async function organizationNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.organization.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The whole way up of one entry, nearest level first; null when it does not exist. A reader sees the levels in their
 * own subtree (a 党(工)委 its own and those below it, the organizing department every level); everyone who may print
 * the 申报表 gets every level through `loadRecommendationTrail(id)` without grants.
 */
export async function loadRecommendationTrail(applicationId: string, grants?: readonly TRoleGrant[]): Promise<TLevelDecision[] | null> {
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      organization: { select: { path: true } },
      campaign: { select: { ownerOrgId: true, recommendingDepths: true } },
      recommendations: { select: RECOMMENDATION_SELECT },
    },
  });
  if (!application) return null;
  const chain = recommendingChain(application.organization.path, application.campaign.ownerOrgId, application.campaign.recommendingDepths);
  const ancestors = application.organization.path.split('/').filter(Boolean);
  const visible = grants
    ? chain.filter((organizationId) => {
        const levelPath = `/${ancestors.slice(0, ancestors.indexOf(organizationId) + 1).join('/')}/`;
        return grants.some((grant) => STAFF_ROLES.has(grant.role) && levelPath.startsWith(grant.organizationPath));
      })
    : chain;
  return levelDecisions(visible, application.recommendations, await organizationNames(visible));
}
