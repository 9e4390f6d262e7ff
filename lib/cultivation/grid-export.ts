// The compliance grid as Excel: one row per organization, a column per month (按时/逾期/未报/未到 and the entry count),
// written page by page of the grid query and streamed, so a city-wide export never builds the whole sheet in memory.
import { estimatedWorkbookBytes, streamWorkbook } from '@/lib/export/workbook';
import { formatDateTime } from '@/lib/format';
import { loadComplianceGrid, type TGridCampaign } from '@/lib/cultivation/ledger-grid';
import { monthLabel, MONTH_STATUS_LABELS } from '@/lib/cultivation/ledger-schedule';

const EXPORT_PAGE = 200;

type TGridPage = Awaited<ReturnType<typeof loadComplianceGrid>>;

async function* gridRows(campaign: TGridCampaign, subtreePath: string, first: TGridPage) {
  for (let page = 1, grid = first; ; grid = await loadComplianceGrid({ campaign, subtreePath, page: ++page, pageSize: EXPORT_PAGE })) {
    for (const row of grid.rows) {
      const cells = row.cells.map((cell) => `${MONTH_STATUS_LABELS[cell.status]}（${cell.entries}条${cell.reportedAt ? `，${formatDateTime(cell.reportedAt)}` : ''}）`);
      const reported = row.cells.filter((cell) => cell.status === 'on-time' || cell.status === 'late').length;
      const late = row.cells.filter((cell) => cell.status === 'late').length;
      const missing = row.cells.filter((cell) => cell.status === 'missing').length;
      yield [row.organizationName, row.brandName, ...cells, reported, late, missing];
    }
    if (page * EXPORT_PAGE >= grid.total) return;
  }
}

/** The streamed sheet with its row count (the first page is read before the stream starts, for the progress bar). */
export async function streamGridWorkbook(campaign: TGridCampaign, subtreePath: string) {
  const first = await loadComplianceGrid({ campaign, subtreePath, page: 1, pageSize: EXPORT_PAGE });
  const columns = [
    { header: '组织', width: 28 },
    { header: '品牌', width: 20 },
    ...campaign.months.map((month) => ({ header: monthLabel(month), width: 22 })),
    { header: '已上报（月）', width: 12 },
    { header: '其中逾期', width: 10 },
    { header: '未上报', width: 10 },
  ];
  const body = streamWorkbook('台帐上报情况', columns, gridRows(campaign, subtreePath, first));
  return { body, rows: first.total, estimatedBytes: estimatedWorkbookBytes(first.total, columns.length) };
}
