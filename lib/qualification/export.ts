import ExcelJS from 'exceljs';
import { workbookBuffer } from '@/lib/export/workbook';
import { textWidth } from '@/lib/export/table-sheet';
import { formatDateTime } from '@/lib/format';
import type { TQualificationRow } from '@/lib/qualification/queries';


const RESULT_TEXT = { PASSED: '通过', FAILED: '不通过' } as const;

/** The campaign's 资格审查表: one row per entry at qualification or failed by it, one column per checklist item. */
export async function buildQualificationWorkbook(title: string, checklist: readonly string[], rows: readonly TQualificationRow[]): Promise<Buffer> {
  const headers = ['序号', '品牌名称', '申报单位', '所属地区', '领域', ...checklist, '审查结果', '审查意见', '审查人', '审查时间'];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('资格审查表', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${title} 资格审查表`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const headerRow = sheet.addRow(headers);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  rows.forEach((row, index) => {
    sheet.addRow([
      index + 1,
      row.brandName,
      row.organizationName,
      row.regionName,
      row.fieldName,
      ...checklist.map((item) => (row.result && item in row.checks ? (row.checks[item] ? '符合' : '不符合') : '')),
      row.result ? RESULT_TEXT[row.result] : '待审查',
      row.reason ?? '',
      row.reviewerName ?? '',
      row.reviewedAt ? formatDateTime(row.reviewedAt) : '',
    ]);
  });
  sheet.columns.forEach((column, index) => {
    const isChecklistColumn = index >= 5 && index < 5 + checklist.length;
    const cells = rows.map((_, rowIndex) => String(sheet.getRow(rowIndex + 3).getCell(index + 1).value ?? ''));
    // Checklist headers are long sentences: wrap them instead of widening the sheet.
    const widths = [isChecklistColumn ? 12 : textWidth(headers[index]), ...cells.map(textWidth)];
    column.width = Math.min(50, Math.max(6, ...widths) + 2);
  });
  return workbookBuffer(workbook);
}
