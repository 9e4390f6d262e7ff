// The compliance grid: organizations × months of one campaign's 台帐 (on time / late / missing / not yet due), for one
// subtree, one page of organizations at a time — one SQL query (bench/ledger.ts times it). Reads only; the caller
// passes a subtree it has already checked the viewer may see.
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { creationPeriod } from '@/lib/campaign/lifecycle';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { monthDate, periodMonths, type TLedgerMonth, type TMonthStatus } from '@/lib/cultivation/ledger-schedule';

export const GRID_PAGE_SIZE = 50;

export type TGridCampaign = { id: string; title: string; ledgerDueDay: number; months: TLedgerMonth[] };
export type TGridCell = { month: TLedgerMonth; status: TMonthStatus; entries: number; reportedAt: Date | null };
export type TGridRow = { cultivationId: string; organizationId: string; organizationName: string; brandName: string; cells: TGridCell[] };
export type TGrid = { campaign: TGridCampaign; rows: TGridRow[]; total: number; page: number; pageSize: number };

/** The campaign's 创建期 months (none when it holds no 培育创建 stage). */
export async function loadGridCampaign(campaignId: string, client: TTx | typeof db = db): Promise<TGridCampaign> {
  const campaign = await client.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      title: true,
      ledgerDueDay: true,
      cultivationEndsOn: true,
      stages: { where: { kind: 'CULTIVATION' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
    },
  });
  if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
  // cultivation_ends_on is a Shanghai calendar day: the 创建期 ends when the next day begins there.
  const creationEndsAt = campaign.cultivationEndsOn ? new Date(campaign.cultivationEndsOn.getTime() + 86_400_000 - 8 * 3_600_000) : null;
  const period = creationPeriod({ stages: campaign.stages as { kind: StageKind; isEnabled: boolean; startsAt: Date; endsAt: Date }[], creationEndsAt });
  return { id: campaign.id, title: campaign.title, ledgerDueDay: campaign.ledgerDueDay, months: period ? periodMonths(period) : [] };
}

type TGridRecord = {
  cultivation_id: string;
  organization_id: string;
  organization_name: string;
  brand_name: string;
  total: bigint;
  month: Date | null;
  status: TMonthStatus | null;
  entries: number | null;
  reported_at: Date | null;
};

/**
 * One page of the grid. `asOf` replaces the database clock (tests of the day boundary); otherwise `now()` decides
 * which unreported months are missing. A month is due at the end of its due day in Asia/Shanghai.
 */
export async function loadComplianceGrid(
  input: { campaign: TGridCampaign; subtreePath: string; page?: number; pageSize?: number; asOf?: Date },
  client: TTx | typeof db = db,
): Promise<TGrid> {
  const pageSize = input.pageSize ?? GRID_PAGE_SIZE;
  const page = Math.max(1, input.page ?? 1);
  const months = input.campaign.months.map(monthDate);
  const records = await client.$queryRaw<TGridRecord[]>`
    WITH page AS (
      SELECT cu.id, o.id AS organization_id, o.name AS organization_name, b.name AS brand_name, count(*) OVER () AS total
      FROM cultivations cu
      JOIN brands b ON b.id = cu.brand_id
      JOIN organizations o ON o.id = b.organization_id
      WHERE cu.campaign_id = ${input.campaign.id} AND o.path LIKE ${subtreeLikePattern(input.subtreePath)}
      ORDER BY o.name, cu.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT p.id AS cultivation_id, p.organization_id, p.organization_name, p.brand_name, p.total, m.month,
      CASE
        WHEN m.month IS NULL THEN NULL
        WHEN r.id IS NOT NULL THEN CASE WHEN r.is_late THEN 'late' ELSE 'on-time' END
        WHEN coalesce(${input.asOf ?? null}::timestamptz, now()) >= ((m.month + ${input.campaign.ledgerDueDay}::int)::timestamp AT TIME ZONE 'Asia/Shanghai') THEN 'missing'
        ELSE 'not-due'
      END AS status,
      (SELECT count(*)::int FROM ledger_entries e WHERE e.cultivation_id = p.id AND e.month = m.month) AS entries,
      r.reported_at
    FROM page p
    LEFT JOIN unnest(${months}::date[]) AS m(month) ON true
    LEFT JOIN ledger_reports r ON r.cultivation_id = p.id AND r.month = m.month
    ORDER BY p.organization_name, p.id, m.month`;
  const rows = new Map<string, TGridRow>();
  for (const record of records) {
    let row = rows.get(record.cultivation_id);
    if (!row) {
      row = { cultivationId: record.cultivation_id, organizationId: record.organization_id, organizationName: record.organization_name, brandName: record.brand_name, cells: [] };
      rows.set(record.cultivation_id, row);
    }
    if (record.month && record.status) {
      row.cells.push({ month: record.month.toISOString().slice(0, 7), status: record.status, entries: record.entries ?? 0, reportedAt: record.reported_at });
    }
  }
  return { campaign: input.campaign, rows: [...rows.values()], total: Number(records[0]?.total ?? 0), page, pageSize };
}
