import ExcelJS from 'exceljs';
import { workbookBuffer } from '@/lib/export/workbook';
import { addTableSheet, type TTableColumn } from '@/lib/export/table-sheet';
import type { TLevelEntry, TRecommendationLevel } from '@/lib/recommendation/queries';

/** The entries this level recommended, in its own order (the query sorts by rank, unranked last). */
export const recommendedEntries = (level: TRecommendationLevel) => level.entries.filter((entry) => entry.decision === 'RECOMMENDED');
export const notRecommendedEntries = (level: TRecommendationLevel) => level.entries.filter((entry) => entry.decision === 'NOT_RECOMMENDED');

export const summaryTitle = (level: TRecommendationLevel) => `${level.campaign.title} 推荐汇总表`;
export const summarySubtitle = (level: TRecommendationLevel) => `推荐单位：${level.organization.name}    已推荐 ${recommendedEntries(level).length} / ${level.limit}`;
export const EMPTY_SUMMARY = '（本级尚未推荐任何品牌）';
const SIGNATURE_LINES = ['推荐单位（盖章）：', '负责人签字：', '日期：      年    月    日'];

type TColumn = TTableColumn<TLevelEntry>;

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
  return workbookBuffer(workbook);
}
