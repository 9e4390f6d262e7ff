// Recommendation fill: per recommending organization in the subtree, the entries it forwarded against its quota.
import { db } from '@/lib/db';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { count } from '@/lib/dashboard/sql';
import type { TQuotaRow } from '@/lib/dashboard/types';

type TCampaign = { id: string; ownerOrgId: string; program: string; defaultQuota: number; recommendingDepths: readonly number[] };

/**
 * The recommending organizations are those strictly below the owner, at a recommending depth (every depth when none is
 * named), with at least one child: the 党(工)委 and 区委 an entry passes on its way up.
 */
export async function quotaSection(campaign: TCampaign, rootPath: string): Promise<TQuotaRow[]> {
  if (campaign.program === 'CREATION') return [];
  const rows = await db.$queryRaw<{ id: string; name: string; quota: number; recommended: bigint; not_recommended: bigint }[]>`
    SELECT o.id, o.name, coalesce(q."limit", ${campaign.defaultQuota}::int) AS quota,
      count(r.id) FILTER (WHERE r.decision = 'RECOMMENDED') AS recommended,
      count(r.id) FILTER (WHERE r.decision = 'NOT_RECOMMENDED') AS not_recommended
    FROM organizations o
    LEFT JOIN quotas q ON q.campaign_id = ${campaign.id} AND q.organization_id = o.id
    LEFT JOIN recommendations r ON r.campaign_id = ${campaign.id} AND r.organization_id = o.id
    WHERE o.path LIKE ${subtreeLikePattern(rootPath)} AND o.path LIKE ${`%/${campaign.ownerOrgId}/%`} AND o.id <> ${campaign.ownerOrgId}
      AND o.is_active AND (cardinality(${[...campaign.recommendingDepths]}::int[]) = 0 OR o.depth = ANY(${[...campaign.recommendingDepths]}::int[]))
      AND EXISTS (SELECT 1 FROM organizations c WHERE c.parent_id = o.id)
    GROUP BY o.id, o.name, o.depth, o.sort_order, q."limit"
    ORDER BY o.depth, o.sort_order, o.name`;
  return rows.map((row) => ({ id: row.id, name: row.name, quota: count(row.quota), recommended: count(row.recommended), notRecommended: count(row.not_recommended) }));
}
