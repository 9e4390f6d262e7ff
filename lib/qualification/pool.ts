import type { TDb, TTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CampaignProgram } from '@/lib/generated/prisma/enums';
import { entryPosition, recommendingChain } from '@/lib/campaign/recommendation-chain';

/** What the pool needs of a campaign to tell which entries have climbed every level. */
export type TPoolCampaign = { id: string; ownerOrgId: string; program: CampaignProgram; recommendingDepths: readonly number[] };

const POOL_SELECT = {
  id: true,
  brandName: true,
  submittedAt: true,
  returnedFrom: true,
  returnReason: true,
  field: { select: { id: true, name: true, sortOrder: true } },
  organization: { select: { id: true, name: true, path: true } },
  recommendations: { select: { organizationId: true, decision: true } },
  qualification: { select: { result: true, checks: true, reason: true, reviewedAt: true, reviewedBy: { select: { displayName: true } } } },
} satisfies Prisma.ApplicationSelect;

type TPoolRow = Prisma.ApplicationGetPayload<{ select: typeof POOL_SELECT }>;

export type TPoolEntry = Omit<TPoolRow, 'recommendations'> & { region: { id: string; name: string } };

/**
 * Whether a submitted entry stands at 资格审查: every recommending level on its way up has recommended it. In a 创建认定
 * campaign there is no 逐级推荐: a submitted declaration goes straight to the organization department's 资格把关.
 */
export function isAtQualification(
  campaign: TPoolCampaign,
  entry: { organization: { path: string }; recommendations: readonly { organizationId: string; decision: 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED' }[] },
): boolean {
  // An organization moved out from under the owner has no way up; it never reaches the owner's desk.
  if (!entry.organization.path.split('/').includes(campaign.ownerOrgId)) return false;
  if (campaign.program === 'CREATION') return true;
  const chain = recommendingChain(entry.organization.path, campaign.ownerOrgId, campaign.recommendingDepths);
  const decisions = new Map(entry.recommendations.map((row) => [row.organizationId, row.decision]));
  return entryPosition(chain, decisions).kind === 'QUALIFICATION';
}

/** The unit one level below the owner that an entry comes from (区委, 机关工委 …), or the declaring org itself. */
export function regionIdOf(path: string, ownerOrgId: string): string | undefined {
  const ids = path.split('/').filter(Boolean);
  const ownerIndex = ids.indexOf(ownerOrgId);
  return ownerIndex < 0 ? undefined : ids[ownerIndex + 1];
}

/**
 * The campaign's entries at 资格审查 (optionally only `applicationIds`), ordered by field, then region, then
 * submission. A campaign has at most a few thousand submitted entries, so the chain is worked out here, not in SQL.
 */
export async function loadQualificationPool(client: TDb | TTx, campaign: TPoolCampaign, applicationIds?: readonly string[]): Promise<TPoolEntry[]> {
  const rows = await client.application.findMany({
    where: { campaignId: campaign.id, status: 'SUBMITTED', ...(applicationIds && { id: { in: [...applicationIds] } }) },
    select: POOL_SELECT,
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const atQualification = rows.filter((row) => isAtQualification(campaign, row));
  const regionIds = [...new Set(atQualification.map((row) => regionIdOf(row.organization.path, campaign.ownerOrgId)).filter((id): id is string => !!id))];
  const regions = await client.organization.findMany({ where: { id: { in: regionIds } }, select: { id: true, name: true, sortOrder: true } });
  const regionById = new Map(regions.map((region) => [region.id, region]));
  const entries = atQualification.map(({ recommendations: _recommendations, ...row }) => {
    const region = regionById.get(regionIdOf(row.organization.path, campaign.ownerOrgId) ?? '') ?? { id: row.organization.id, name: row.organization.name, sortOrder: 0 };
    return { ...row, region };
  });
  const fieldOrder = (entry: (typeof entries)[number]) => entry.field?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable: equal keys keep the submission order of the query.
  entries.sort((a, b) => fieldOrder(a) - fieldOrder(b) || a.region.sortOrder - b.region.sortOrder || a.region.name.localeCompare(b.region.name, 'zh-Hans-CN'));
  return entries.map(({ region, ...entry }) => ({ ...entry, region: { id: region.id, name: region.name } }));
}
