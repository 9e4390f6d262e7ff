// 年度考核结果 as a filed document: every row of the 年度考核 table of one subtree and year (the page's own query,
// lib/annual-review/queries) with the totals an office reports upward. Reads only; the caller passes a subtree it has
// checked the viewer may see (annualReviewScope).
import { loadAnnualPage, loadLedgerTallies, type TAnnualRow } from '@/lib/annual-review/queries';

const REPORT_PAGE = 500;

export type TAnnualSummary = {
  organizations: number;
  lagging: number;
  recognised: number;
  cultivating: number;
  revoked: number;
  ledger: { onTime: number; late: number; missing: number };
  acceptancePassed: number;
  acceptanceFailed: number;
  sites: number;
  events: number;
};

/** The totals over the rows (pure). A brand counts once per organization row, in its status of the year. */
export function annualSummary(rows: readonly TAnnualRow[]): TAnnualSummary {
  const summary: TAnnualSummary = {
    organizations: rows.length,
    lagging: 0,
    recognised: 0,
    cultivating: 0,
    revoked: 0,
    ledger: { onTime: 0, late: 0, missing: 0 },
    acceptancePassed: 0,
    acceptanceFailed: 0,
    sites: 0,
    events: 0,
  };
  for (const row of rows) {
    if (row.lagging) summary.lagging++;
    for (const brand of row.brands) {
      if (brand.status === 'recognised') summary.recognised++;
      else if (brand.status === 'cultivating') summary.cultivating++;
      else if (brand.status === 'revoked') summary.revoked++;
    }
    if (row.ledger) {
      summary.ledger.onTime += row.ledger.onTime;
      summary.ledger.late += row.ledger.late;
      summary.ledger.missing += row.ledger.missing;
    }
    summary.acceptancePassed += row.acceptance.filter((entry) => entry.status === 'PASSED').length;
    summary.acceptanceFailed += row.acceptance.filter((entry) => entry.status === 'FAILED').length;
    summary.sites += row.sites.length;
    summary.events += row.events;
  }
  return summary;
}

/** The table's rows page by page (for a streamed sheet); the 台帐 tallies are computed once for the subtree. */
export async function* annualRows(subtreePath: string, year: number): AsyncGenerator<TAnnualRow> {
  const ledger = await loadLedgerTallies(subtreePath, year);
  for (let page = 1; ; page++) {
    const table = await loadAnnualPage({ subtreePath, year, page, pageSize: REPORT_PAGE, ledger });
    yield* table.rows;
    if (page * REPORT_PAGE >= table.total) return;
  }
}

/** Every row of the subtree's year with the summary (a PDF needs them all before it knows its page count). */
export async function loadAnnualReport(subtreePath: string, year: number): Promise<{ year: number; rows: TAnnualRow[]; summary: TAnnualSummary }> {
  const rows: TAnnualRow[] = [];
  for await (const row of annualRows(subtreePath, year)) rows.push(row);
  return { year, rows, summary: annualSummary(rows) };
}
