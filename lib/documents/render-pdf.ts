// Every official document as an A4 PDF with the same header (issuing organization, title, 文号, date) and footer
// (第 X 页 / 共 Y 页 and the 文号 on every page), drawn with the shared pieces of lib/pdf.
import { stampPages } from '@/lib/pdf/kit';
import { contentWidth, createA4, drawTable, MARGIN_X, MARGIN_Y, setFont, signatureBox } from '@/lib/pdf/table';
import { documentDate } from '@/lib/documents/date';
import type { TDocumentCell, TDocumentContent, TDocumentHeader } from '@/lib/documents/types';

const text = (cell: TDocumentCell | undefined) => (cell === undefined ? '' : String(cell));

export async function renderDocumentPdf(content: TDocumentContent, header: TDocumentHeader): Promise<Buffer> {
  const { doc, done } = createA4({ title: content.title, subject: `${header.issuer} ${header.number}`, landscape: content.landscape });
  const width = contentWidth(doc);
  setFont(doc, false, 11);
  doc.text(header.issuer, MARGIN_X, MARGIN_Y, { width, align: 'center' });
  doc.moveDown(0.3);
  setFont(doc, true, 16);
  doc.text(content.title, MARGIN_X, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  setFont(doc, false, 10.5);
  const top = doc.y;
  doc.text(`文号：${header.number}`, MARGIN_X, top, { width: width * 0.65, lineBreak: false });
  doc.text(documentDate(header.issuedAt), MARGIN_X, top, { width, align: 'right', lineBreak: false });
  doc.y = top + doc.currentLineHeight(true) + 4;
  doc.moveTo(MARGIN_X, doc.y).lineTo(MARGIN_X + width, doc.y).lineWidth(0.8).stroke('#333333');
  doc.y += 6;
  if (content.subtitle) {
    doc.text(content.subtitle, MARGIN_X, doc.y, { width });
    doc.y += 4;
  }
  let first = true;
  for (const section of content.sections) {
    if (section.type === 'paragraph') {
      setFont(doc, false, 10.5);
      doc.text(section.text, MARGIN_X, doc.y, { width, lineGap: 2 });
      doc.y += 4;
    } else if (section.type === 'table') {
      if (!first) doc.moveDown(1);
      const columns = section.columns.map((column, index) => ({ ...column, value: (row: readonly TDocumentCell[]) => text(row[index]) }));
      drawTable(doc, columns, section.rows, { empty: section.empty, heading: section.heading });
      first = false;
    } else {
      signatureBox(doc, section.labels);
    }
  }
  stampPages(doc, { runningHeader: `${content.title} · ${header.number}`, marginX: MARGIN_X, marginY: MARGIN_Y, footerRight: header.number });
  doc.end();
  return done;
}
