import ExcelJS from 'exceljs';
import { estimatedWorkbookBytes, pagedRows, streamWorkbook, workbookBuffer } from '@/lib/export/workbook';
import { formatDateTime } from '@/lib/format';
import {
  countStaffApplications,
  pageStaffApplications,
  STAFF_STATUS_LABELS,
  type TStaffApplicationRow,
  type TStaffApplicationSearch,
  type TStaffStatus,
} from '@/lib/application/staff-queries';

const HEADERS = ['序号', '品牌名称', '申报单位', '上级党组织', '领域', '状态', '书记', '联系电话', '提交时间', '品牌口号'];

/** Display width of a cell: CJK characters take two columns in Excel's default font. */
function textWidth(value: string): number {
  return [...value].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}

function rowValues(row: TStaffApplicationRow, index: number): (string | number)[] {
  return [
    index + 1,
    row.brandName,
    row.organization.name,
    row.organization.parent?.name ?? '',
    row.field?.name ?? '',
    STAFF_STATUS_LABELS[row.status as TStaffStatus] ?? row.status,
    row.secretaryName,
    row.contactPhone,
    row.submittedAt ? formatDateTime(row.submittedAt) : '',
    row.slogan,
  ];
}

/** The staff list as an .xlsx sheet: Chinese headers, frozen header row, widths fitted to the content. */
export async function buildApplicationsWorkbook(rows: readonly TStaffApplicationRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申报列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADERS).font = { bold: true };
  rows.forEach((row, index) => sheet.addRow(rowValues(row, index)));
  sheet.columns.forEach((column, index) => {
    const widths = [HEADERS[index], ...rows.map((_, rowIndex) => String(sheet.getRow(rowIndex + 2).getCell(index + 1).value ?? ''))].map(textWidth);
    column.width = Math.min(60, Math.max(6, ...widths) + 2);
  });
  return workbookBuffer(workbook);
}

const STREAM_WIDTHS = [6, 24, 30, 24, 14, 10, 12, 16, 20, 40];
const EXPORT_PAGE = 500;

/**
 * The whole filtered list, streamed: read in pages of 500 (keyset) and written row by row as the reader takes the
 * bytes, so a province-wide list never sits in memory. `rows` is the count for the download's progress bar.
 */
export async function streamApplicationsWorkbook(paths: readonly string[], search: TStaffApplicationSearch) {
  const rows = await countStaffApplications(paths, search);
  async function* values() {
    let index = 0;
    for await (const row of pagedRows((after: TStaffApplicationRow | null, size) => pageStaffApplications(paths, search, after, size), EXPORT_PAGE)) yield rowValues(row, index++);
  }
  const columns = HEADERS.map((header, index) => ({ header, width: STREAM_WIDTHS[index] }));
  return { body: streamWorkbook('申报列表', columns, values()), rows, estimatedBytes: estimatedWorkbookBytes(rows, columns.length) };
}
