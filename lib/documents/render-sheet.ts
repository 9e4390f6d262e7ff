// Every official document as an Excel workbook: each table a sheet with the same header rows as the PDF (issuing
// organization, title, 文号 and date) and the 文号 in the printed footer, built with lib/export's table sheet.
import ExcelJS from 'exceljs';
import { addTableSheet, mergedRow } from '@/lib/export/table-sheet';
import { workbookBuffer } from '@/lib/export/workbook';
import { documentDate } from '@/lib/documents/date';
import type { TDocumentCell, TDocumentContent, TDocumentHeader } from '@/lib/documents/types';

/** The second header row of every sheet: 文号 and date. */
export const sheetNumberLine = (header: TDocumentHeader) => `文号：${header.number}    日期：${documentDate(header.issuedAt)}`;

/** Excel refuses sheet names longer than 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '表';
  let candidate = base;
  for (let count = 2; taken.has(candidate); count++) candidate = `${base}${count}`;
  taken.add(candidate);
  return candidate;
}

export async function buildDocumentWorkbook(content: TDocumentContent, header: TDocumentHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建品牌选树平台';
  workbook.title = content.title;
  const taken = new Set<string>();
  let notes: string[] = content.subtitle ? [content.subtitle] : [];
  // Signing rows go under the first table, the sheet that is printed and stamped.
  let first: { sheet: ExcelJS.Worksheet; columns: number } | null = null;
  for (const section of content.sections) {
    if (section.type === 'paragraph') {
      notes.push(section.text);
    } else if (section.type === 'table') {
      const columns = section.columns.map((column, index) => ({ header: column.header, width: column.sheetWidth, value: (row: readonly TDocumentCell[]) => row[index] ?? '' }));
      const sheet = addTableSheet(
        workbook,
        sheetName(section.sheetName ?? section.heading ?? content.title, taken),
        { above: [header.issuer], title: taken.size > 1 ? `${content.title}（${section.sheetName ?? section.heading}）` : content.title, subtitle: sheetNumberLine(header), below: notes, empty: section.empty, footer: header.number, portrait: !content.landscape },
        columns,
        section.rows,
      );
      first ??= { sheet, columns: columns.length };
      notes = [];
    } else if (first) {
      first.sheet.addRow([]);
      for (const label of section.labels) {
        // Right-aligned across the sheet, where a seal goes on paper.
        mergedRow(first.sheet, first.columns, label, { font: { size: 12 }, alignment: { horizontal: 'right', vertical: 'middle', indent: 8 } }, 30);
      }
    }
  }
  if (!first) addTableSheet(workbook, sheetName(content.title, taken), { above: [header.issuer], title: content.title, subtitle: sheetNumberLine(header), below: notes, empty: '', footer: header.number }, [{ header: '', width: 80, value: () => '' }], []);
  return workbookBuffer(workbook);
}
