import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTableSheet, type TTableColumn } from '@/lib/export/table-sheet';
import { tableWorkbookBuffer, workbookBuffer } from '@/lib/export/workbook';
import type { TVoteResults } from '@/lib/voting/results';
import { buildVoteResultsWorkbook } from '@/lib/voting/results-export';

type TRow = { place: string; brand: string; unit: string; score: number; comment: string };

const COLUMNS: TTableColumn<TRow>[] = [
  { header: '名次', width: 10, value: (row) => row.place },
  { header: '品牌名称', width: 22, value: (row) => row.brand },
  { header: '申报单位', width: 24, value: (row) => row.unit },
  { header: '综合得分', width: 9, value: (row) => row.score },
  { header: '评语', width: 16, value: (row) => row.comment },
];
const ROWS: TRow[] = [
  { place: '1', brand: '红色引擎', unit: '中共某某县委组织部', score: 92.5, comment: '材料翔实，特色鲜明，建议在全市推广经验做法' },
  { place: '并列第 2', brand: '=HYPERLINK("http://evil.example")', unit: '某某街道党工委', score: 88, comment: '' },
  { place: '并列第 2', brand: '党建+网格', unit: '某某社区党委', score: 88, comment: '第一行\n第二行' },
];
const TEXTS = { title: '2026 年度评选 评审排名', subtitle: '综合得分 = 专家评分 ÷ 100 × 80 + 有效票 ÷ 500 × 20', empty: '（暂无评审结果）' };

/** What a reader of the file sees of a sheet: values, styles, heights, merges, widths, print and view settings. */
async function appearance(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push({ value: cell.value, font: cell.font, alignment: cell.alignment, border: cell.border, fill: cell.fill }));
      rows.push({ number, height: row.height, cells });
    });
    return {
      name: sheet.name,
      rows,
      merges: sheet.model.merges,
      widths: sheet.columns.map((column) => column.width),
      printTitlesRow: sheet.pageSetup.printTitlesRow,
      orientation: sheet.pageSetup.orientation,
      fitToWidth: sheet.pageSetup.fitToWidth,
      views: sheet.views.map((view) => ({ state: view.state, ySplit: (view as { ySplit?: number }).ySplit })),
      footer: sheet.headerFooter.oddFooter,
    };
  });
}

describe('table sheets written by the streaming writer', () => {
  it('look the same as the same sheets written by the in-memory workbook', async () => {
    const fill = (workbook: ExcelJS.Workbook) => {
      addTableSheet(workbook, '综合排名', TEXTS, COLUMNS, ROWS);
      addTableSheet(workbook, '空表', TEXTS, COLUMNS, []);
    };
    const inMemory = new ExcelJS.Workbook();
    fill(inMemory);
    const streamed = await appearance(await tableWorkbookBuffer(fill));
    expect(streamed).toEqual(await appearance(await workbookBuffer(inMemory)));

    // And what that is: title, subtitle, the grey bordered header, centred first column, escaped formula text.
    const [sheet] = streamed;
    expect(sheet.printTitlesRow).toBe('3:3');
    expect(sheet.merges).toEqual(['A1:E1', 'A2:E2']);
    const [title, subtitle, header, first, second] = sheet.rows as { height: number; cells: { value: unknown; font?: { bold?: boolean; size?: number }; alignment?: { horizontal?: string }; border?: object; fill?: { fgColor?: { argb?: string } } }[] }[];
    expect(title.cells[0]).toMatchObject({ value: TEXTS.title, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
    expect(subtitle.cells[0].value).toBe(TEXTS.subtitle);
    expect(header.cells.map((cell) => cell.value)).toEqual(['名次', '品牌名称', '申报单位', '综合得分', '评语']);
    expect(header.cells.every((cell) => cell.font?.bold && cell.fill?.fgColor?.argb === 'FFF1F1F1' && cell.border)).toBe(true);
    expect(first.cells.map((cell) => cell.value)).toEqual(['1', '红色引擎', '中共某某县委组织部', 92.5, '材料翔实，特色鲜明，建议在全市推广经验做法']);
    expect(first.cells.map((cell) => cell.alignment?.horizontal)).toEqual(['center', 'left', 'left', 'left', 'left']);
    expect(first.height).toBe(49);
    expect(second.cells[1].value).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('keep the 投票结果 workbook readable: three sheets, the entries in rank order', async () => {
    const entry = (name: string, votes: number, rank: number) => ({
      applicationId: name,
      brandName: name,
      organizationName: `${name}党支部`,
      fieldName: '基层治理',
      regionName: '芙蓉区',
      isListed: true,
      validVotes: votes,
      invalidVotes: 1,
      share: (votes / 30) * 100,
      votePoints: (votes / 20) * 20,
      rank,
      isTied: false,
      fieldRank: rank,
      isFieldTied: false,
    });
    const rows = [entry('红色引擎', 20, 1), entry('初心驿站', 10, 2)];
    const results = {
      rows,
      fields: [{ fieldName: '基层治理', entries: 2, validVotes: 30, invalidVotes: 2, share: 100, leaders: ['红色引擎'], leaderVotes: 20 }],
      days: [],
      totals: { validVotes: 30, invalidVotes: 2, unlistedValidVotes: 0, entries: 2, days: 1, member: { votes: 10, voters: 4 }, public: { votes: 20, voters: 9 } },
      popularity: { awards: [{ name: '最佳人气奖', count: 1 }], candidates: { count: 1, cutoffVotes: 20, isTiedAtCutoff: false, rows: [{ ...rows[0], isTiedAtCutoff: false }] } },
      votingEnabled: true,
      topVotes: 20,
      voteWeight: 20,
    } satisfies TVoteResults;
    const sheets = await appearance(await buildVoteResultsWorkbook('2026 年度评选', results));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['按品牌', '按领域', '最佳人气候选']);
    const cells = (sheetIndex: number, rowIndex: number) => (sheets[sheetIndex].rows[rowIndex] as { cells: { value: unknown }[] }).cells.map((cell) => cell.value);
    expect(cells(0, 1)[0]).toBe('有效票 30 票（已作废 2 票不计入）；参与投票：党员 4 人、公众 9 人；投票 1 天');
    expect(cells(0, 3)).toEqual(['1', '红色引擎', '红色引擎党支部', '基层治理', '芙蓉区', '1', 20, 1, '66.67%', '20.00', '']);
    expect(cells(0, 4).slice(0, 2)).toEqual(['2', '初心驿站']);
    expect(cells(1, 3)).toEqual([1, '基层治理', 2, 30, 2, '100.00%', '红色引擎（20 票）']);
    expect(cells(2, 3).slice(0, 5)).toEqual(['1', '红色引擎', '红色引擎党支部', '基层治理', 20]);
  });
});
