import type { ZodError } from 'zod';
import { MAX_IMPORT_ROWS, type TColumn } from '@/lib/import/columns';

/** One problem of the uploaded file, shown as 第 N 行 · 列名 · 问题. */
export type TImportError = { row: number; column: string; message: string };

/** A worksheet as plain text: the header row and the non-empty data rows with their sheet row numbers. */
export type TRawSheet = { header: string[]; rows: { rowNumber: number; cells: string[] }[] };

export type TImportRow<K extends string> = { rowNumber: number; values: Record<K, string> };

// Tolerates "组织代码*" or "组织代码（必填）" written by hand.
const normalizeHeader = (text: string) => text.replace(/\s+/g, '').replace(/[*＊]|[（(]必填[)）]/g, '');

/** Maps cells to column keys by header text (column order does not matter); reports missing columns. */
export function mapSheetRows<K extends string>(
  sheet: TRawSheet,
  columns: readonly TColumn<K>[],
): { rows: TImportRow<K>[]; errors: TImportError[] } {
  const header = sheet.header.map(normalizeHeader);
  const errors: TImportError[] = [];
  const indexOf = new Map<K, number>();
  for (const column of columns) {
    const index = header.indexOf(column.header);
    if (index >= 0) indexOf.set(column.key, index);
    else if (column.required) errors.push({ row: 1, column: column.header, message: '缺少此列，请使用下载的模板' });
  }
  if (errors.length) return { rows: [], errors };
  const rows = sheet.rows
    .map((row) => ({
      rowNumber: row.rowNumber,
      values: Object.fromEntries(columns.map((column) => [column.key, (row.cells[indexOf.get(column.key) ?? -1] ?? '').trim()])) as Record<K, string>,
    }))
    .filter((row) => Object.values<string>(row.values).some(Boolean));
  if (rows.length === 0) return { rows, errors: [{ row: 2, column: columns[0].header, message: '文件中没有数据行' }] };
  if (rows.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: rows[MAX_IMPORT_ROWS].rowNumber, column: columns[0].header, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` }] };
  }
  return { rows, errors };
}

/** zod issues of one row, each under the header of the column it concerns. */
export function rowErrorsOf<K extends string>(rowNumber: number, error: ZodError, columns: readonly TColumn<K>[]): TImportError[] {
  return error.issues.map((issue) => ({
    row: rowNumber,
    column: columns.find((column) => column.key === issue.path[0])?.header ?? columns[0].header,
    message: issue.message,
  }));
}

export function sortErrors(errors: TImportError[]): TImportError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}
