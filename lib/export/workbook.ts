// Every Excel file we generate is written here, so no cell can start a formula: a text beginning with = + - @ (or a
// tab or carriage return, which Excel skips before them) is a formula once someone edits the cell or the sheet is
// saved as CSV, e.g. a brand named `=HYPERLINK("http://evil.example","点此查看")` (OWASP "CSV injection").
import type ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers in text (−1.5, +86, 12%) start a formula of nothing but themselves; they stay as they are. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/** The text as Excel must show it: a leading apostrophe keeps a would-be formula a text, as OWASP recommends. */
export function escapeFormulaText(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The workbook as .xlsx bytes, with every text cell escaped. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = escapeFormulaText(cell.value);
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
