// Objections by status and the acceptance pipeline (培育中 → 待验收 → 验收中 → 通过 / 不通过), within the subtree.
import { db } from '@/lib/db';
import { OBJECTION_STATUS_LABELS } from '@/lib/objections/status';
import { ACCEPTANCE_STATUS_LABELS } from '@/lib/acceptance/schema';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { applicationInSubtree, count } from '@/lib/dashboard/sql';
import type { TAcceptanceCount, TAcceptanceStage, TObjectionCount } from '@/lib/dashboard/types';

const OBJECTION_ORDER = ['RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED'] as const;

export async function objectionSection(campaignId: string, rootPath: string): Promise<TObjectionCount[]> {
  const rows = await db.$queryRaw<{ status: string; count: bigint }[]>`
    SELECT ob.status::text AS status, count(*) AS count FROM objections ob
    WHERE ob.campaign_id = ${campaignId} AND ${applicationInSubtree('ob.application_id', rootPath)} GROUP BY 1`;
  return OBJECTION_ORDER.map((status) => ({ status, label: OBJECTION_STATUS_LABELS[status], count: count(rows.find((row) => row.status === status)?.count) }));
}

export const ACCEPTANCE_STAGE_LABELS: Record<TAcceptanceStage, string> = { CULTIVATING: '培育中（未申请）', ...ACCEPTANCE_STATUS_LABELS };
const ACCEPTANCE_ORDER: TAcceptanceStage[] = ['CULTIVATING', 'WAITING', 'REVIEWING', 'PASSED', 'FAILED'];

/** Each cultivation of the campaign counts once, at the status of its latest acceptance request. */
export async function acceptanceSection(campaignId: string, rootPath: string): Promise<TAcceptanceCount[]> {
  const rows = await db.$queryRaw<{ stage: string; count: bigint }[]>`
    SELECT coalesce(latest.status::text, 'CULTIVATING') AS stage, count(*) AS count
    FROM cultivations cu
    JOIN brands b ON b.id = cu.brand_id JOIN organizations o ON o.id = b.organization_id
    LEFT JOIN LATERAL (SELECT ar.status FROM acceptance_requests ar WHERE ar.cultivation_id = cu.id ORDER BY ar.round DESC LIMIT 1) latest ON true
    WHERE cu.campaign_id = ${campaignId} AND o.path LIKE ${subtreeLikePattern(rootPath)}
    GROUP BY 1`;
  return ACCEPTANCE_ORDER.map((stage) => ({ stage, label: ACCEPTANCE_STAGE_LABELS[stage], count: count(rows.find((row) => row.stage === stage)?.count) }));
}
