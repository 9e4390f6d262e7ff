// 台帐上报情况 as a filed document: every row of the compliance grid of one campaign in one subtree (organization ×
// month: on time / late / missing / not yet due), with each row's and the whole subtree's tallies. The grid query
// (lib/cultivation/ledger-grid) decides every cell, so the page, the Excel file and the document never disagree.
// Reads only; the caller passes a subtree it has checked the viewer may see (gridExportScope).
import { db, type TTx } from '@/lib/db';
import { loadComplianceGrid, type TGridCampaign, type TGridCell, type TGridRow } from '@/lib/cultivation/ledger-grid';

const REPORT_PAGE = 500;

export type TComplianceTally = { onTime: number; late: number; missing: number; notDue: number };
export type TComplianceRow = TGridRow & { tally: TComplianceTally };
export type TComplianceReport = { campaign: TGridCampaign; rows: TComplianceRow[]; totals: TComplianceTally };

/** How many of the cells are on time, late, missing and not yet due. */
export function tallyCells(cells: readonly Pick<TGridCell, 'status'>[]): TComplianceTally {
  const tally: TComplianceTally = { onTime: 0, late: 0, missing: 0, notDue: 0 };
  for (const cell of cells) {
    if (cell.status === 'on-time') tally.onTime++;
    else if (cell.status === 'late') tally.late++;
    else if (cell.status === 'missing') tally.missing++;
    else tally.notDue++;
  }
  return tally;
}

export function addTallies(tallies: readonly TComplianceTally[]): TComplianceTally {
  return tallies.reduce((sum, tally) => ({ onTime: sum.onTime + tally.onTime, late: sum.late + tally.late, missing: sum.missing + tally.missing, notDue: sum.notDue + tally.notDue }), {
    onTime: 0,
    late: 0,
    missing: 0,
    notDue: 0,
  });
}

/** Share of the due months reported on time, e.g. "75%"; "—" while no month is due yet. */
export function onTimeRate(tally: TComplianceTally): string {
  const due = tally.onTime + tally.late + tally.missing;
  return due ? `${Math.round((tally.onTime / due) * 100)}%` : '—';
}

/** The grid's rows, page by page of its query (for a streamed sheet). */
export async function* complianceRows(campaign: TGridCampaign, subtreePath: string, options: { asOf?: Date; client?: TTx | typeof db } = {}): AsyncGenerator<TComplianceRow> {
  for (let page = 1; ; page++) {
    const grid = await loadComplianceGrid({ campaign, subtreePath, page, pageSize: REPORT_PAGE, asOf: options.asOf }, options.client);
    for (const row of grid.rows) yield { ...row, tally: tallyCells(row.cells) };
    if (page * REPORT_PAGE >= grid.total) return;
  }
}

/** The whole report of a subtree (a PDF needs every row before it knows its page count). */
export async function loadComplianceReport(campaign: TGridCampaign, subtreePath: string, options: { asOf?: Date; client?: TTx | typeof db } = {}): Promise<TComplianceReport> {
  const rows: TComplianceRow[] = [];
  for await (const row of complianceRows(campaign, subtreePath, options)) rows.push(row);
  return { campaign, rows, totals: addTallies(rows.map((row) => row.tally)) };
}
