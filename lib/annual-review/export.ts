// 年度考核 as Excel, written page by page of the table query and streamed (like the 台帐 grid export).
import { estimatedWorkbookBytes, streamWorkbook } from '@/lib/export/workbook';
import { annualRowTexts, loadAnnualPage, loadLedgerTallies } from '@/lib/annual-review/queries';

const EXPORT_PAGE = 200;

type TAnnualPage = Awaited<ReturnType<typeof loadAnnualPage>>;
type TLedgerTallies = Awaited<ReturnType<typeof loadLedgerTallies>>;

async function* rows(subtreePath: string, year: number, ledger: TLedgerTallies, first: TAnnualPage) {
  for (let page = 1, table = first; ; table = await loadAnnualPage({ subtreePath, year, page: ++page, pageSize: EXPORT_PAGE, ledger })) {
    for (const row of table.rows) {
      const text = annualRowTexts(row);
      yield [
        row.organizationName,
        row.lagging ? '是' : '',
        text.brands,
        row.ledger?.onTime ?? 0,
        row.ledger?.late ?? 0,
        row.ledger?.missing ?? 0,
        text.acceptance,
        text.sites,
        text.belts,
        text.pairings,
        row.events,
      ];
    }
    if (page * EXPORT_PAGE >= table.total) return;
  }
}

/** The streamed sheet with its row count (the first page is read before the stream starts, for the progress bar). */
export async function streamAnnualWorkbook(subtreePath: string, year: number) {
  const ledger = await loadLedgerTallies(subtreePath, year);
  const first = await loadAnnualPage({ subtreePath, year, page: 1, pageSize: EXPORT_PAGE, ledger });
  const columns = [
    { header: '组织', width: 28 },
    { header: '后进党支部', width: 10 },
    { header: '品牌状态', width: 30 },
    { header: '台帐按时（月）', width: 12 },
    { header: '台帐逾期（月）', width: 12 },
    { header: '台帐未报（月）', width: 12 },
    { header: '验收', width: 24 },
    { header: '示范点（级别、考评）', width: 36 },
    { header: '示范带', width: 24 },
    { header: '结对共建评议', width: 30 },
    { header: '举办宣传推广活动（次）', width: 14 },
  ];
  const body = streamWorkbook(`${year}年度考核`, columns, rows(subtreePath, year, ledger, first));
  return { body, rows: first.total, estimatedBytes: estimatedWorkbookBytes(first.total, columns.length) };
}
