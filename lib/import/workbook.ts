import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { SHEET_NAMES, type TImportKind } from '@/lib/import/columns';
import type { TRawSheet } from '@/lib/import/rows';

const INSTRUCTIONS_SHEET = '说明';

/** The text a person sees in a cell, whatever exceljs stored (number, rich text, formula, hyperlink, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  return '';
}

/** Reads the data sheet of an uploaded .xlsx (the one named 组织 / 用户, else the first that is not 说明). */
export async function readImportSheet(data: Uint8Array, kind: TImportKind): Promise<TRawSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('INVALID_INPUT', '文件无法读取，请确认是用 Excel 或 WPS 保存的 .xlsx 文件');
  }
  const sheet = workbook.getWorksheet(SHEET_NAMES[kind]) ?? workbook.worksheets.find((item) => item.name !== INSTRUCTIONS_SHEET);
  if (!sheet) throw new AppError('INVALID_INPUT', `文件中没有“${SHEET_NAMES[kind]}”工作表`);
  const headerRow = sheet.getRow(1);
  const header = Array.from({ length: headerRow.cellCount }, (_, index) => cellText(headerRow.getCell(index + 1).value));
  const rows: TRawSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = header.map((_, index) => cellText(row.getCell(index + 1).value));
    if (cells.some(Boolean)) rows.push({ rowNumber, cells });
  });
  return { header, rows };
}
