// Every Excel file we generate is written here, so no cell can start a formula: a text beginning with = + - @ (or a
// tab or carriage return, which Excel skips before them) is a formula once someone edits the cell or the sheet is
// saved as CSV, e.g. a brand named `=HYPERLINK("http://evil.example","点此查看")` (OWASP "CSV injection").
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

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

/**
 * A workbook of whole sheets (addTableSheet) written through ExcelJS's streaming writer: the sheet XML goes out row by
 * row and Node's zlib compresses it, where writeBuffer builds each sheet as one string and deflates it in JavaScript
 * (评审结果 Excel at province scale: 3.2 s before). No pass over the cells follows, so `fill` must write escaped
 * texts only, as addTableSheet does.
 */
export async function tableWorkbookBuffer(fill: (workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => (output.once('end', resolve), output.once('error', reject)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = '党建品牌选树平台';
  await fill(workbook);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

export type TStreamColumn = { header: string; width: number };

/** Rows between two looks at the reader: the writer then waits while the reader is behind (backpressure). */
const ROWS_PER_TURN = 200;

/**
 * A one-sheet .xlsx written row by row as the rows arrive (ExcelJS's streaming writer): a long list never sits whole in
 * memory, and each text cell is escaped like workbookBuffer's. The rows are pulled only as fast as the reader takes the
 * bytes, and a reader that cancels ends the row source (its `return`, e.g. the query pages stop).
 */
export function streamWorkbook(sheetName: string, columns: readonly TStreamColumn[], rows: AsyncIterable<readonly (string | number)[]>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  const readerCaughtUp = async () => {
    await new Promise(setImmediate); // lets the zip writer compress what was added
    while (output.writableNeedDrain && !output.destroyed) await new Promise((resolve) => (output.once('drain', resolve), output.once('close', resolve)));
  };
  void (async () => {
    try {
      let count = 0;
      for await (const values of rows) {
        if (output.destroyed) return; // the reader went away: leaving the loop closes the row source
        sheet.addRow(values.map((value) => (typeof value === 'string' ? escapeFormulaText(value) : value))).commit();
        if (++count % ROWS_PER_TURN === 0) await readerCaughtUp();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/**
 * The rows of a long list read page by page (keyset: each page starts after the last row of the previous one), so an
 * export holds one page at a time. `page(after, size)` returns up to `size` rows after the row `after` (null: the first).
 */
export async function* pagedRows<T>(page: (after: T | null, size: number) => Promise<T[]>, size = 500): AsyncGenerator<T> {
  let after: T | null = null;
  for (;;) {
    const rows = await page(after, size);
    yield* rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1];
  }
}

/** A guess of the streamed file's size for a progress bar (compressed sheet XML, ~9 bytes a cell, plus the package). */
export function estimatedWorkbookBytes(rows: number, columns: number): number {
  return 6_000 + rows * columns * 9;
}
