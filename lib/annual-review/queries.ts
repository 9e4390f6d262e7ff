// 年度考核 results: one row per organization of a subtree for one year — brand status, 台帐 compliance of that year's
// cultivations (the compliance grid's own rule), acceptance, 示范点 level and latest score, 示范带, 结对共建 verdicts
// and 宣传推广 events hosted. One SQL query per page of organizations plus one grid query per campaign of the year.
// Reads only; callers pass a subtree they have checked the viewer may see (annualReviewScope).
import { db } from '@/lib/db';
import type { TSessionUser } from '@/lib/auth/session';
import { scopeRoots } from '@/lib/auth/scope';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';

export const REVIEW_PAGE_SIZE = 50;

export type TLedgerTally = { onTime: number; late: number; missing: number };
export type TAnnualRow = {
  organizationId: string;
  organizationName: string;
  brands: { name: string; status: 'cultivating' | 'recognised' | 'revoked' | 'ended' }[];
  ledger: TLedgerTally | null;
  acceptance: { brandName: string; status: 'WAITING' | 'REVIEWING' | 'PASSED' | 'FAILED' }[];
  sites: { name: string; level: 'CITY' | 'COUNTY'; status: 'ACTIVE' | 'REVOKED'; score: number | null; scoreYear: number | null }[];
  belts: { name: string; status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED' }[];
  pairings: { partner: string; verdict: 'EXCELLENT' | 'GOOD' | 'PASS' | 'FAIL' | null }[];
  events: number;
  lagging: boolean;
};
export type TAnnualPage = { rows: TAnnualRow[]; total: number; page: number; pageSize: number };

export const BRAND_STATUS_TEXT = { cultivating: '培育创建中', recognised: '已认定', revoked: '已摘牌', ended: '培育结束' } as const;
export const ACCEPTANCE_TEXT = { WAITING: '待验收', REVIEWING: '验收中', PASSED: '通过', FAILED: '未通过' } as const;
export const BELT_STATUS_TEXT = { DRAFT: '草稿', SUBMITTED: '已申报立项', APPROVED: '已立项', RETURNED: '退回' } as const;
export const VERDICT_TEXT = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' } as const;

type TRecord = {
  id: string;
  name: string;
  is_lagging: boolean;
  total: bigint;
  brands: TAnnualRow['brands'] | null;
  acceptance: TAnnualRow['acceptance'] | null;
  sites: { name: string; level: 'CITY' | 'COUNTY'; status: 'ACTIVE' | 'REVOKED'; score: number | null; score_year: number | null }[] | null;
  belts: TAnnualRow['belts'] | null;
  pairings: TAnnualRow['pairings'] | null;
  events: number;
};

/** The organizations that have something to show for the year: a brand, a site, a pairing, an event or a 后进 flag. */
export async function loadAnnualPage(input: { subtreePath: string; year: number; page?: number; pageSize?: number; ledger?: Map<string, TLedgerTally> }): Promise<TAnnualPage> {
  const pageSize = input.pageSize ?? REVIEW_PAGE_SIZE;
  const page = Math.max(1, input.page ?? 1);
  const yearStart = new Date(`${input.year}-01-01T00:00:00+08:00`);
  const yearEnd = new Date(`${input.year + 1}-01-01T00:00:00+08:00`);
  const firstDay = new Date(`${input.year}-01-01T00:00:00Z`);
  const lastDay = new Date(`${input.year}-12-31T00:00:00Z`);
  const records = await db.$queryRaw<TRecord[]>`
    WITH orgs AS (
      SELECT o.id, o.name, o.is_lagging, o.path, count(*) OVER () AS total
      FROM organizations o
      WHERE o.path LIKE ${subtreeLikePattern(input.subtreePath)} AND (
        o.is_lagging
        OR EXISTS (SELECT 1 FROM brands b JOIN cultivations cu ON cu.brand_id = b.id JOIN campaigns c ON c.id = cu.campaign_id WHERE b.organization_id = o.id AND c.year <= ${input.year})
        OR EXISTS (SELECT 1 FROM demo_sites s WHERE s.organization_id = o.id)
        OR EXISTS (SELECT 1 FROM pairings p WHERE (p.brand_org_id = o.id OR p.partner_org_id = o.id) AND p.starts_on <= ${lastDay} AND p.ends_on >= ${firstDay})
        OR EXISTS (SELECT 1 FROM promotion_events e WHERE e.owner_org_id = o.id AND e.held_at >= ${yearStart} AND e.held_at < ${yearEnd}))
      ORDER BY o.path, o.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT o.id, o.name, o.is_lagging, o.total,
      (SELECT json_agg(json_build_object('name', x.name, 'status', x.status) ORDER BY x.name) FROM (
        SELECT DISTINCT ON (b.id) b.name,
          CASE WHEN r.revoked_at IS NOT NULL AND r.revoked_at < ${yearEnd} THEN 'revoked'
               WHEN cu.status = 'RECOGNISED' THEN 'recognised'
               WHEN cu.status = 'ENDED' THEN 'ended' ELSE 'cultivating' END AS status
        FROM brands b JOIN cultivations cu ON cu.brand_id = b.id JOIN campaigns c ON c.id = cu.campaign_id
        LEFT JOIN recognitions r ON r.cultivation_id = cu.id
        WHERE b.organization_id = o.id AND c.year <= ${input.year}
        ORDER BY b.id, c.year DESC, cu.started_at DESC) x) AS brands,
      (SELECT json_agg(json_build_object('brandName', x.name, 'status', x.status) ORDER BY x.name) FROM (
        SELECT DISTINCT ON (cu.id) b.name, a.status
        FROM acceptance_requests a JOIN cultivations cu ON cu.id = a.cultivation_id JOIN brands b ON b.id = cu.brand_id
        WHERE b.organization_id = o.id AND a.requested_at >= ${yearStart} AND a.requested_at < ${yearEnd}
        ORDER BY cu.id, a.round DESC) x) AS acceptance,
      (SELECT json_agg(json_build_object('name', s.name, 'level', s.level, 'status', s.status, 'score', sa.total, 'score_year', sa.year) ORDER BY s.name)
        FROM demo_sites s
        LEFT JOIN LATERAL (SELECT a.total, a.year FROM site_assessments a WHERE a.site_id = s.id AND a.year <= ${input.year} ORDER BY a.year DESC, a.version DESC LIMIT 1) sa ON true
        WHERE s.organization_id = o.id) AS sites,
      (SELECT json_agg(DISTINCT jsonb_build_object('name', bl.name, 'status', bl.status))
        FROM belt_sites bs JOIN demo_sites s ON s.id = bs.site_id JOIN demo_belts bl ON bl.id = bs.belt_id WHERE s.organization_id = o.id) AS belts,
      (SELECT json_agg(json_build_object('partner', CASE WHEN p.brand_org_id = o.id THEN coalesce(po.name, p.partner_name) ELSE bo.name END, 'verdict', p.verdict) ORDER BY p.starts_on)
        FROM pairings p JOIN organizations bo ON bo.id = p.brand_org_id LEFT JOIN organizations po ON po.id = p.partner_org_id
        WHERE (p.brand_org_id = o.id OR p.partner_org_id = o.id) AND p.starts_on <= ${lastDay} AND p.ends_on >= ${firstDay}) AS pairings,
      (SELECT count(*)::int FROM promotion_events e WHERE e.owner_org_id = o.id AND e.held_at >= ${yearStart} AND e.held_at < ${yearEnd}) AS events
    FROM orgs o
    ORDER BY o.path, o.id`;
  const ledger = input.ledger ?? (await loadLedgerTallies(input.subtreePath, input.year));
  return {
    rows: records.map((record) => ({
      organizationId: record.id,
      organizationName: record.name,
      brands: record.brands ?? [],
      ledger: ledger.get(record.id) ?? null,
      acceptance: record.acceptance ?? [],
      sites: (record.sites ?? []).map((site) => ({ name: site.name, level: site.level, status: site.status, score: site.score, scoreYear: site.score_year })),
      belts: record.belts ?? [],
      pairings: record.pairings ?? [],
      events: record.events,
      lagging: record.is_lagging,
    })),
    total: Number(records[0]?.total ?? 0),
    page,
    pageSize,
  };
}

/**
 * 台帐 months on time / late / missing per organization, over the cultivations of the year's campaigns (campaign year
 * = the year) in the subtree: the compliance grid query of each campaign, all its rows.
 */
export async function loadLedgerTallies(subtreePath: string, year: number): Promise<Map<string, TLedgerTally>> {
  const campaigns = await db.campaign.findMany({
    where: { year, cultivations: { some: { brand: { organization: { path: { startsWith: subtreePath } } } } } },
    select: { id: true },
  });
  const tallies = new Map<string, TLedgerTally>();
  for (const { id } of campaigns) {
    const campaign = await loadGridCampaign(id);
    if (!campaign.months.length) continue;
    for (let page = 1; ; page++) {
      const grid = await loadComplianceGrid({ campaign, subtreePath, page, pageSize: 500 });
      for (const row of grid.rows) {
        const tally = tallies.get(row.organizationId) ?? { onTime: 0, late: 0, missing: 0 };
        for (const cell of row.cells) {
          if (cell.status === 'on-time') tally.onTime++;
          else if (cell.status === 'late') tally.late++;
          else if (cell.status === 'missing') tally.missing++;
        }
        tallies.set(row.organizationId, tally);
      }
      if (page * 500 >= grid.total) break;
    }
  }
  return tallies;
}

export type TReviewScope = { options: { id: string; name: string }[]; selected: { id: string; name: string; path: string } };

/** The staff's subtrees (organizations with children, for the scope select) and the chosen one; null when out of scope. */
export async function annualReviewScope(user: Pick<TSessionUser, 'roles'>, orgId?: string): Promise<TReviewScope | null> {
  const roots = scopeRoots(user.roles, ['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  if (!roots.length) return null;
  const inScope = roots.map((root) => ({ path: { startsWith: root.organizationPath } }));
  const options = await db.organization.findMany({
    where: { OR: inScope, isActive: true, children: { some: {} } },
    select: { id: true, name: true },
    orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }],
    take: 200,
  });
  if (!orgId) return { options, selected: { id: roots[0]!.organizationId, name: roots[0]!.organizationName, path: roots[0]!.organizationPath } };
  const selected = await db.organization.findUnique({ where: { id: orgId }, select: { id: true, name: true, path: true } });
  return selected && roots.some((root) => selected.path.startsWith(root.organizationPath)) ? { options, selected } : null;
}

/** The cells of one row as text (the page and the Excel file say the same). */
export function annualRowTexts(row: TAnnualRow) {
  return {
    brands: row.brands.map((brand) => `「${brand.name}」${BRAND_STATUS_TEXT[brand.status]}`).join('；'),
    ledger: row.ledger ? `按时 ${row.ledger.onTime} / 逾期 ${row.ledger.late} / 未报 ${row.ledger.missing}` : '',
    acceptance: row.acceptance.map((entry) => `「${entry.brandName}」${ACCEPTANCE_TEXT[entry.status]}`).join('；'),
    sites: row.sites
      .map((site) => `${site.name}（${site.level === 'CITY' ? '市级' : '县级'}${site.status === 'REVOKED' ? '，已摘牌' : ''}${site.score !== null ? `，${site.scoreYear}年 ${site.score} 分` : ''}）`)
      .join('；'),
    belts: row.belts.map((belt) => `${belt.name}（${BELT_STATUS_TEXT[belt.status]}）`).join('；'),
    pairings: row.pairings.map((pairing) => `与${pairing.partner}：${pairing.verdict ? VERDICT_TEXT[pairing.verdict] : '结对中'}`).join('；'),
  };
}
