import ExcelJS from 'exceljs';
import type { TLevelEntry, TRecommendationLevel } from '@/lib/recommendation/queries';

/** The entries this level recommended, in its own order (the query sorts by rank, unranked last). */
export const recommendedEntries = (level: TRecommendationLevel) => level.entries.filter((entry) => entry.decision === 'RECOMMENDED');
export const notRecommendedEntries = (level: TRecommendationLevel) => level.entries.filter((entry) => entry.decision === 'NOT_RECOMMENDED');

export const summaryTitle = (level: TRecommendationLevel) => `${level.campaign.title} 推荐汇总表`;
export const summarySubtitle = (level: TRecommendationLevel) => `推荐单位：${level.organization.name}    已推荐 ${recommendedEntries(level).length} / ${level.limit}`;
export const EMPTY_SUMMARY = '（本级尚未推荐任何品牌）';
const SIGNATURE_LINES = ['推荐单位（盖章）：', '负责人签字：', '日期：      年    月    日'];

type TColumn = { header: string; width: number; value: (entry: TLevelEntry, index: number) => string | number };

const ENTRY_COLUMNS: TColumn[] = [
  { header: '序号', width: 6, value: (_, index) => index + 1 },
  { header: '品牌名称', width: 22, value: (entry) => entry.brandName },
  { header: '申报单位', width: 24, value: (entry) => entry.organizationName },
  { header: '上级党组织', width: 22, value: (entry) => entry.parentName },
  { header: '领域', width: 12, value: (entry) => entry.fieldName },
];

const SUMMARY_COLUMNS: TColumn[] = [
  ...ENTRY_COLUMNS,
  { header: '党组织书记', width: 11, value: (entry) => entry.secretaryName },
  { header: '联系电话', width: 14, value: (entry) => entry.contactPhone },
  { header: '推荐意见', width: 50, value: (entry) => entry.opinion },
];

const NOT_RECOMMENDED_COLUMNS: TColumn[] = [...ENTRY_COLUMNS, { header: '不推荐理由', width: 50, value: (entry) => entry.reason ?? '' }];

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LINE_HEIGHT = 15;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/** Display width of a text: CJK characters take two columns in Excel's default font. */
function textWidth(value: string): number {
  return [...value].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

/** Excel does not grow rows for wrapped text it did not lay out itself, so the height is estimated here. */
function rowHeight(values: readonly (string | number)[], columns: readonly TColumn[]): number {
  const lines = values.map((value, index) =>
    String(value)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / (columns[index].width - 1))), 0),
  );
  return Math.min(MAX_ROW_HEIGHT, Math.max(20, Math.max(...lines) * LINE_HEIGHT + 4));
}

function mergedRow(sheet: ExcelJS.Worksheet, columnCount: number, text: string, style: Partial<ExcelJS.Style>, height: number) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, columnCount);
  Object.assign(row.getCell(1), style);
  row.height = height;
  return row;
}

/** Title, subtitle, a bordered table with a frozen header row that repeats on every printed page. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  texts: { title: string; subtitle: string; empty: string },
  columns: readonly TColumn[],
  entries: readonly TLevelEntry[],
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:3',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页 / 共 &N 页' },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  mergedRow(sheet, columns.length, texts.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 30);
  mergedRow(sheet, columns.length, texts.subtitle, { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } }, 22);
  const header = sheet.addRow(columns.map((column) => column.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } };
    cell.border = BORDER;
  });
  entries.forEach((entry, index) => {
    const values = columns.map((column) => column.value(entry, index));
    const row = sheet.addRow(values);
    row.height = rowHeight(values, columns);
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: columnNumber === 1 ? 'center' : 'left' };
      cell.border = BORDER;
    });
  });
  if (entries.length === 0) {
    const row = mergedRow(sheet, columns.length, texts.empty, { alignment: { horizontal: 'center', vertical: 'middle' } }, 24);
    for (let column = 1; column <= columns.length; column++) row.getCell(column).border = BORDER;
  }
  return sheet;
}

/** The 推荐汇总表 of one recommending organization: recommended entries in rank order, then the signing rows. */
export async function buildRecommendationSummaryWorkbook(level: TRecommendationLevel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建品牌选树平台';
  const sheet = addTableSheet(
    workbook,
    '推荐汇总表',
    { title: summaryTitle(level), subtitle: summarySubtitle(level), empty: EMPTY_SUMMARY },
    SUMMARY_COLUMNS,
    recommendedEntries(level),
  );
  sheet.addRow([]);
  for (const line of SIGNATURE_LINES) {
    const row = sheet.addRow([]);
    // From the middle of the sheet to its right edge, where a seal goes on paper.
    sheet.mergeCells(row.number, 5, row.number, SUMMARY_COLUMNS.length);
    row.getCell(5).value = line;
    row.getCell(5).font = { size: 12 };
    row.getCell(5).alignment = { vertical: 'middle' };
    row.height = 30;
  }
  const rejected = notRecommendedEntries(level);
  if (rejected.length) {
    addTableSheet(
      workbook,
      '未推荐',
      { title: `${level.campaign.title} 未推荐品牌`, subtitle: `推荐单位：${level.organization.name}    未推荐 ${rejected.length} 个`, empty: '' },
      NOT_RECOMMENDED_COLUMNS,
      rejected,
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
