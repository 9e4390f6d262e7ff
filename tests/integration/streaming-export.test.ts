import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { streamApplicationsWorkbook } from '@/lib/application/export';
import { parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';
import { pagedRows, streamWorkbook } from '@/lib/export/workbook';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { staffUserWith } from '../support/print-applications';

const ROWS = 20_000;
/** The list export reads real rows in pages of 500: six pages and a part are enough to prove the paging and the order. */
const LIST_ROWS = 3_250;

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function sheetRows(file: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A row source that tells how far the writer has pulled it and whether it was closed. */
function countedSource(total: number) {
  const seen = { pulled: 0, closed: false, pages: 0 };
  async function* rows() {
    try {
      for await (const n of pagedRows(async (after: number | null, size) => {
        seen.pages++;
        const from = (after ?? 0) + 1;
        return Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, index) => from + index);
      }, 500)) {
        seen.pulled++;
        yield [n, `第${n}行`, n % 3 === 0 ? '=HYPERLINK("x")' : '正常'] as const;
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, rows: rows() };
}

const COLUMNS = [
  { header: '序号', width: 8 },
  { header: '名称', width: 20 },
  { header: '备注', width: 20 },
];

describe('streamed Excel exports', () => {
  it('sends the first bytes long before the rows are all read, and waits for a slow reader (no whole-file buffering)', async () => {
    const { seen, rows } = countedSource(ROWS);
    const reader = streamWorkbook('表', COLUMNS, rows).getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    const pulledAtFirstBytes = seen.pulled;
    expect(pulledAtFirstBytes).toBeLessThan(ROWS / 2);
    // The reader pauses: the writer stops pulling rows once the unread bytes fill the pipe (a few buffers' worth).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(seen.pulled).toBeLessThan(ROWS / 2);
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(seen).toMatchObject({ pulled: ROWS, closed: true, pages: ROWS / 500 + 1 });
    // Bounded: far less than the sheet's cells held as ExcelJS objects (~20 MB) on top of what was there.
    expect(peak - heapBefore).toBeLessThan(64 * 1024 * 1024);
    const sheet = await sheetRows(Buffer.concat(chunks));
    expect(sheet).toHaveLength(ROWS + 1);
    expect(sheet[0]).toEqual(['序号', '名称', '备注']);
    expect(sheet[1]).toEqual([1, '第1行', '正常']);
    expect(sheet[3]).toEqual([3, '第3行', `'=HYPERLINK("x")`]);
    expect(sheet[ROWS]).toEqual([ROWS, `第${ROWS}行`, ROWS % 3 === 0 ? `'=HYPERLINK("x")` : '正常']);
  });

  it('stops reading rows when the download is cancelled', async () => {
    const { seen, rows } = countedSource(ROWS);
    const reader = streamWorkbook('表', COLUMNS, rows).getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.closed).toBe(true);
    expect(seen.pulled).toBeLessThan(ROWS);
  });

  it(`streams the staff application list page by page: ${LIST_ROWS} rows equal the database's, in list order`, async () => {
    const scope = await createCampaignScope();
    const { campaign } = await createTestCampaign({ ownerOrgId: scope.east.id, actorId: scope.eastAdmin.id, publish: true });
    const tag = campaign.id.slice(-6);
    await db.$executeRawUnsafe(
      `INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at)
       SELECT $1 || '-o' || g, $2, $3 || $1 || '-o' || g || '/', $4, '导出支部' || g, $1 || '-O' || g, '支部', now() FROM generate_series(1, ${LIST_ROWS}) g`,
      tag,
      scope.eastCommittee.id,
      scope.eastCommittee.path,
      scope.eastCommittee.depth + 1,
    );
    await db.$executeRawUnsafe(
      // With bigrams of their own (no two alike): the similar-name backfill test, running beside this file, leaves them be.
      `INSERT INTO applications (id, campaign_id, organization_id, status, brand_name, brand_name_bigrams, slogan, submitted_at, updated_at)
       SELECT $1 || '-a' || g, $2, $1 || '-o' || g, 'SUBMITTED', CASE WHEN g = 7 THEN '=1+1' ELSE '导出品牌' || g END, ARRAY[$1 || g], '口号',
         now() - g * interval '1 minute', now()
       FROM generate_series(1, ${LIST_ROWS}) g`,
      tag,
      campaign.id,
    );
    const committee = await staffUserWith([{ role: 'COMMITTEE_ADMIN', organizationId: scope.eastCommittee.id }]);
    const exported = await streamApplicationsWorkbook(staffScopePaths(committee.roles), parseStaffSearch({ campaign: campaign.id }));
    expect(exported.rows).toBe(LIST_ROWS);
    expect(exported.estimatedBytes).toBeGreaterThan(0);
    const sheet = await sheetRows(await readAll(exported.body));
    expect(sheet).toHaveLength(LIST_ROWS + 1);
    expect(sheet[0]).toEqual(['序号', '品牌名称', '申报单位', '上级党组织', '领域', '状态', '书记', '联系电话', '提交时间', '品牌口号']);
    // Newest first: row n is application n; every row once, and the formula-looking name escaped.
    expect(sheet.slice(1).map((row) => row[0])).toEqual(Array.from({ length: LIST_ROWS }, (_, index) => index + 1));
    expect(sheet[1].slice(1, 3)).toEqual(['导出品牌1', '导出支部1']);
    expect(sheet[7][1]).toBe(`'=1+1`);
    expect(sheet[LIST_ROWS].slice(1, 3)).toEqual([`导出品牌${LIST_ROWS}`, `导出支部${LIST_ROWS}`]);
    expect(new Set(sheet.slice(1).map((row) => row[2])).size).toBe(LIST_ROWS);
    // Thousands of rows would slow the tests that scan every application or organization after this one.
    await db.$executeRawUnsafe(`DELETE FROM applications WHERE campaign_id = $1`, campaign.id);
    await db.$executeRawUnsafe(`DELETE FROM organizations WHERE id LIKE $1 || '-o%'`, tag);
  });
});
