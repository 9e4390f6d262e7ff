// The campaign funnel (declared → recommended → listed → reviewed → decided → honoured → recognised): how far each
// entry of a subtree got. One SQL query reads the facts of every entry; the 逐级推荐 chain is worked out here (as the
// 资格审查 pool does), since a campaign has at most a few thousand entries. The staff dashboard counts these stages
// and the applications list filters by them (?stage=), so a number on the dashboard and its list always agree.
import { db, type TDb, type TTx } from '@/lib/db';
import type { CampaignProgram } from '@/lib/generated/prisma/enums';
import { entryPosition, recommendingChain } from '@/lib/campaign/recommendation-chain';
import { subtreeLikePattern } from '@/lib/org-tree/tree';

export const FUNNEL_STAGES = ['declared', 'recommended', 'listed', 'reviewed', 'decided', 'honoured', 'recognised'] as const;
export type TFunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<TFunnelStage, string> = {
  declared: '申报',
  recommended: '推荐至组织部',
  listed: '列入品牌清单',
  reviewed: '已评审',
  decided: '已审定',
  honoured: '已表彰',
  recognised: '已认定',
};

export type TFunnelCampaign = { id: string; ownerOrgId: string; program: CampaignProgram; recommendingDepths: readonly number[] };

export type TFunnelEntry = { id: string; fieldId: string | null; organizationId: string; path: string; reached: number };

type TFactsRow = {
  id: string;
  field_id: string | null;
  organization_id: string;
  path: string;
  status: string;
  decisions: string[] | null;
  listed: boolean;
  reviewed: boolean;
  decided: boolean;
  honoured: boolean;
  recognised: boolean;
};

function isRecommendedToTop(campaign: TFunnelCampaign, row: TFactsRow): boolean {
  if (!row.path.split('/').includes(campaign.ownerOrgId)) return false;
  if (campaign.program === 'CREATION') return true;
  const chain = recommendingChain(row.path, campaign.ownerOrgId, campaign.recommendingDepths);
  const decisions = new Map((row.decisions ?? []).map((pair) => pair.split(':') as [string, 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED']));
  return entryPosition(chain, decisions).kind === 'QUALIFICATION';
}

/** The index in FUNNEL_STAGES of the furthest stage the entry reached (a later fact implies the earlier stages). */
function reachedOf(campaign: TFunnelCampaign, row: TFactsRow): number {
  if (row.status !== 'SUBMITTED') return 0;
  const facts = [true, isRecommendedToTop(campaign, row), row.listed, row.reviewed, row.decided, row.honoured, row.recognised];
  return facts.lastIndexOf(true);
}

/**
 * Every declared entry (submitted, or returned to the branch) of the campaign whose organization lies in the subtree
 * at `rootPath`, with the furthest funnel stage it reached.
 */
export async function loadFunnelEntries(campaign: TFunnelCampaign, rootPath: string, client: TDb | TTx = db): Promise<TFunnelEntry[]> {
  const rows = await client.$queryRaw<TFactsRow[]>`
    SELECT a.id, a.field_id, a.organization_id, o.path, a.status::text AS status,
      (SELECT array_agg(r.organization_id || ':' || r.decision::text) FROM recommendations r WHERE r.application_id = a.id) AS decisions,
      a.status = 'SUBMITTED' AND is_listed_entry(a.id) AS listed,
      EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.application_id = a.id AND ra.submitted_at IS NOT NULL) AS reviewed,
      EXISTS (SELECT 1 FROM decision_items di JOIN decisions d ON d.id = di.decision_id
              WHERE di.application_id = a.id AND d.kind = 'FINAL' AND d.signed_at IS NOT NULL) AS decided,
      EXISTS (SELECT 1 FROM honors h WHERE h.application_id = a.id AND h.revoked_at IS NULL) AS honoured,
      EXISTS (SELECT 1 FROM cultivations cu JOIN recognitions rc ON rc.cultivation_id = cu.id
              WHERE cu.application_id = a.id AND rc.revoked_at IS NULL) AS recognised
    FROM applications a JOIN organizations o ON o.id = a.organization_id
    WHERE a.campaign_id = ${campaign.id} AND a.status IN ('SUBMITTED', 'RETURNED') AND o.path LIKE ${subtreeLikePattern(rootPath)}`;
  return rows.map((row) => ({ id: row.id, fieldId: row.field_id, organizationId: row.organization_id, path: row.path, reached: reachedOf(campaign, row) }));
}

/** The ids of the campaign's entries in the subtree that reached `stage`. */
export async function applicationIdsAtStage(campaign: TFunnelCampaign, rootPath: string, stage: TFunnelStage, client: TDb | TTx = db): Promise<string[]> {
  const index = FUNNEL_STAGES.indexOf(stage);
  return (await loadFunnelEntries(campaign, rootPath, client)).filter((entry) => entry.reached >= index).map((entry) => entry.id);
}
