// The 台帐 compliance heat map: per district (the root's children) and month of the 创建期, how many cultivations
// reported on time, late, not at all (past the due day) or are not due yet — the same rule as the grid
// (lib/cultivation/ledger-grid.ts), summed instead of paged.
import { db } from '@/lib/db';
import { loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { monthDate } from '@/lib/cultivation/ledger-schedule';
import { subtreeLikePattern } from '@/lib/org-tree/tree';
import { count } from '@/lib/dashboard/sql';
import type { TLedgerRow, TLedgerSection, TNamed } from '@/lib/dashboard/types';

type TRow = { district_id: string; district_name: string; month: Date; on_time: bigint; late: bigint; missing: bigint; not_due: bigint };

export async function ledgerSection(campaignId: string, root: TNamed & { path: string }, asOf?: Date): Promise<TLedgerSection> {
  const campaign = await loadGridCampaign(campaignId);
  if (!campaign.months.length) return { months: [], rows: [] };
  const rows = await db.$queryRaw<TRow[]>`
    WITH scoped AS (
      SELECT cu.id, coalesce(d.id, ${root.id}) AS district_id, coalesce(d.name, ${root.name}) AS district_name, coalesce(d.sort_order, -1) AS district_order
      FROM cultivations cu
      JOIN brands b ON b.id = cu.brand_id JOIN organizations o ON o.id = b.organization_id
      LEFT JOIN organizations d ON d.parent_id = ${root.id} AND o.path LIKE d.path || '%'
      WHERE cu.campaign_id = ${campaignId} AND o.path LIKE ${subtreeLikePattern(root.path)}
    ), cells AS (
      SELECT s.district_id, s.district_name, s.district_order, m.month,
        CASE
          WHEN r.id IS NOT NULL THEN CASE WHEN r.is_late THEN 'late' ELSE 'on-time' END
          WHEN coalesce(${asOf ?? null}::timestamptz, now()) >= ((m.month + ${campaign.ledgerDueDay}::int)::timestamp AT TIME ZONE 'Asia/Shanghai') THEN 'missing'
          ELSE 'not-due'
        END AS status
      FROM scoped s CROSS JOIN unnest(${campaign.months.map(monthDate)}::date[]) AS m(month)
      LEFT JOIN ledger_reports r ON r.cultivation_id = s.id AND r.month = m.month
    )
    SELECT district_id, district_name, month,
      count(*) FILTER (WHERE status = 'on-time') AS on_time, count(*) FILTER (WHERE status = 'late') AS late,
      count(*) FILTER (WHERE status = 'missing') AS missing, count(*) FILTER (WHERE status = 'not-due') AS not_due
    FROM cells GROUP BY district_id, district_name, district_order, month ORDER BY district_order, district_name, month`;
  const byDistrict = new Map<string, TLedgerRow>();
  for (const row of rows) {
    const entry = byDistrict.get(row.district_id) ?? { id: row.district_id, name: row.district_name, cells: [] };
    entry.cells.push({ month: row.month.toISOString().slice(0, 7), onTime: count(row.on_time), late: count(row.late), missing: count(row.missing), notDue: count(row.not_due) });
    byDistrict.set(row.district_id, entry);
  }
  return { months: campaign.months, rows: [...byDistrict.values()] };
}
