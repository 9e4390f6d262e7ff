// Excel tables for printing: title rows, a bordered table whose header repeats on every page, row heights that fit
// wrapped Chinese text. Used by the 推荐汇总表 and the review exports. Texts are escaped as they are written, so a sheet
// is safe in a streamed workbook too (tableWorkbookBuffer), where no pass over the cells follows.
import type ExcelJS from 'exceljs';
import { escapeFormulaText } from '@/lib/export/workbook';

export type TTableColumn<T> = { header: string; width: number; value: (row: T, index: number) => string | number };

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/**
 * One style object per kind of cell, shared by every cell of that kind: ExcelJS recognises a style object it has seen
 * (by identity) and skips serialising it again, which for per-cell objects took most of a large export's time
 * (评审结果 Excel, 3.2 s at province scale). Never mutate a cell's font, border … after assigning these.
 */
const HEADER_STYLE = Object.freeze<Partial<ExcelJS.Style>>({
  font: { bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } },
  border: BORDER,
});
const FIRST_CELL_STYLE = Object.freeze<Partial<ExcelJS.Style>>({ alignment: { vertical: 'top', wrapText: true, horizontal: 'center' }, border: BORDER });
const CELL_STYLE = Object.freeze<Partial<ExcelJS.Style>>({ alignment: { vertical: 'top', wrapText: true, horizontal: 'left' }, border: BORDER });
const LINE_HEIGHT = 15;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/** Display width of a text: CJK characters take two columns in Excel's default font. */
export function textWidth(value: string): number {
  let width = 0;
  for (const char of value) width += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Excel does not grow rows for wrapped text it did not lay out itself, so the height is estimated here. */
function rowHeight(values: readonly (string | number)[], columns: readonly { width: number }[]): number {
  const lines = values.map((value, index) =>
    String(value)
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / (columns[index].width - 1))), 0),
  );
  return Math.min(MAX_ROW_HEIGHT, Math.max(20, Math.max(...lines) * LINE_HEIGHT + 4));
}

export function mergedRow(sheet: ExcelJS.Worksheet, columnCount: number, text: string, style: Partial<ExcelJS.Style>, height: number) {
  const row = sheet.addRow([escapeFormulaText(text)]);
  sheet.mergeCells(row.number, 1, row.number, columnCount);
  Object.assign(row.getCell(1), style);
  row.height = height;
  return row;
}

/**
 * Title, subtitle, a bordered table with a frozen header row that repeats on every printed page (A4 landscape).
 * `above` are lines over the title (the issuing organization of an official document), `below` lines between the
 * subtitle and the table, `footer` is printed after the page numbers (the 文号).
 */
export function addTableSheet<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  texts: { title: string; subtitle: string; empty: string; above?: readonly string[]; below?: readonly string[]; footer?: string; portrait?: boolean },
  columns: readonly TTableColumn<T>[],
  entries: readonly T[],
) {
  const headerRow = 3 + (texts.above?.length ?? 0) + (texts.below?.length ?? 0);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: texts.portrait ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: texts.footer ? `&C第 &P 页 / 共 &N 页&R${texts.footer.replace(/&/g, '&&')}` : '第 &P 页 / 共 &N 页' },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  for (const line of texts.above ?? []) mergedRow(sheet, columns.length, line, { font: { size: 12 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 22);
  mergedRow(sheet, columns.length, texts.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 30);
  mergedRow(sheet, columns.length, texts.subtitle, { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } }, 22);
  for (const line of texts.below ?? []) mergedRow(sheet, columns.length, line, { font: { size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }, 22);
  const header = sheet.addRow(columns.map((column) => escapeFormulaText(column.header)));
  header.height = 22;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  entries.forEach((entry, index) => {
    const values = columns.map((column) => column.value(entry, index));
    const row = sheet.addRow(values.map((value) => (typeof value === 'string' ? escapeFormulaText(value) : value)));
    row.height = rowHeight(values, columns);
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cell.style = columnNumber === 1 ? FIRST_CELL_STYLE : CELL_STYLE;
    });
    // A streamed workbook writes the row out now (and the rows above it); in a workbook in memory this does nothing.
    row.commit();
  });
  if (entries.length === 0) {
    const row = mergedRow(sheet, columns.length, texts.empty, { alignment: { horizontal: 'center', vertical: 'middle' } }, 24);
    for (let column = 1; column <= columns.length; column++) row.getCell(column).border = BORDER;
  }
  return sheet;
}

