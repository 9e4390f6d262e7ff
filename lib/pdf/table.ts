// A4 tables with pdfkit: bordered rows that break across pages with the header repeated, a signing box, the document
// set-up with the CJK font. Used by the 推荐汇总表 and the review decision sheets.
import PDFDocument from 'pdfkit';
import { collectPdf, fittingLength as fitLength, loadFonts, type TDoc } from '@/lib/pdf/kit';

const CM = 72 / 2.54;
export const MARGIN_X = 1.5 * CM;
export const MARGIN_Y = 1.6 * CM;
const PAD = 5;
const LINE_GAP = 2;
const BODY_SIZE = 9.5;
const BORDER = '#333333';
const SHADE = '#f1f1f1';
const HEADING_SIZE = 11;
const SIGNATURE_HEIGHT = 110;
/** Below this much room a row moves to the next page whole instead of starting here. */
const MIN_SPLIT_HEIGHT = 60;

/** `width` null takes what the other columns leave. */
export type TPdfColumn<T> = { header: string; width: number | null; center?: boolean; value: (row: T, index: number) => string };

export const contentWidth = (doc: TDoc) => doc.page.width - MARGIN_X * 2;
const bottomOf = (doc: TDoc) => doc.page.height - MARGIN_Y;

export function setFont(doc: TDoc, bold: boolean, size = BODY_SIZE) {
  doc.font(bold ? 'bold' : 'regular').fontSize(size);
}

function columnWidths(doc: TDoc, columns: readonly { width: number | null }[]): number[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  return columns.map((column) => column.width ?? contentWidth(doc) - fixed);
}

function rowHeight(doc: TDoc, texts: readonly string[], widths: readonly number[], bold = false): number {
  setFont(doc, bold);
  const lines = texts.map((text, index) => (text ? doc.heightOfString(text, { width: widths[index] - PAD * 2, lineGap: LINE_GAP }) : 0));
  return Math.max(doc.currentLineHeight(true), ...lines) + PAD * 2;
}

function drawRow(doc: TDoc, texts: readonly string[], widths: readonly number[], options: { header?: boolean; centered?: readonly boolean[] } = {}) {
  const height = rowHeight(doc, texts, widths, !!options.header);
  const top = doc.y;
  let left = MARGIN_X;
  texts.forEach((text, index) => {
    const width = widths[index];
    if (options.header) doc.rect(left, top, width, height).fillAndStroke(SHADE, BORDER);
    else doc.rect(left, top, width, height).stroke(BORDER);
    const align = options.header || options.centered?.[index] ? 'center' : 'left';
    doc.fillColor('black').text(text, left + PAD, top + PAD, { width: width - PAD * 2, lineGap: LINE_GAP, align });
    left += width;
  });
  doc.y = top + height;
}

const fittingLength = (doc: TDoc, text: string, width: number, height: number) => fitLength(doc, text, width, height, LINE_GAP);

/**
 * A bordered table that breaks across pages and repeats its header row on each; an optional heading stays with the
 * header and first row. A row taller than what is left of the page (a long 推荐意见) continues on the next page
 * rather than leaving the rest of this one empty.
 */
export function drawTable<T>(doc: TDoc, columns: readonly TPdfColumn<T>[], entries: readonly T[], options: { empty: string; heading?: string }) {
  const widths = columnWidths(doc, columns);
  const headers = columns.map((column) => column.header);
  const rows = entries.map((entry, index) => columns.map((column) => column.value(entry, index)));
  const centered = columns.map((column) => !!column.center);
  const full = [contentWidth(doc)];
  setFont(doc, true, HEADING_SIZE);
  const headingHeight = options.heading ? doc.heightOfString(options.heading, { width: contentWidth(doc) }) + 4 : 0;
  const firstHeight = rows.length ? Math.min(rowHeight(doc, rows[0], widths), MIN_SPLIT_HEIGHT) : rowHeight(doc, [options.empty], full);
  if (doc.y + headingHeight + rowHeight(doc, headers, widths, true) + firstHeight > bottomOf(doc)) doc.addPage();
  if (options.heading) {
    setFont(doc, true, HEADING_SIZE);
    doc.text(options.heading, MARGIN_X, doc.y, { width: contentWidth(doc) });
    doc.y += 4;
  }
  drawRow(doc, headers, widths, { header: true });
  if (!rows.length) drawRow(doc, [options.empty], full, { centered: [true] });
  for (const row of rows) {
    let rest = row;
    for (;;) {
      const available = bottomOf(doc) - doc.y;
      if (rowHeight(doc, rest, widths) <= available) break;
      if (available >= MIN_SPLIT_HEIGHT) {
        const lengths = rest.map((text, index) => fittingLength(doc, text, widths[index] - PAD * 2, available - PAD * 2));
        drawRow(doc, rest.map((text, index) => text.slice(0, lengths[index])), widths, { centered });
        rest = rest.map((text, index) => text.slice(lengths[index]).replace(/^\n/, ''));
      }
      doc.addPage();
      drawRow(doc, headers, widths, { header: true });
    }
    drawRow(doc, rest, widths, { centered });
  }
}

/** Boxes side by side with room to sign or stamp (e.g. 推荐单位（盖章） | 负责人签字 | 日期); never split across pages. */
export function signatureBox(doc: TDoc, labels: readonly string[] = ['推荐单位（盖章）：', '负责人签字：', '日期：______年____月____日']) {
  doc.moveDown(1);
  if (doc.y + SIGNATURE_HEIGHT > bottomOf(doc)) doc.addPage();
  const top = doc.y;
  const width = contentWidth(doc) / labels.length;
  setFont(doc, false, 11);
  labels.forEach((label, index) => {
    const left = MARGIN_X + index * width;
    doc.rect(left, top, width, SIGNATURE_HEIGHT).stroke(BORDER);
    doc.fillColor('black').text(label, left + PAD * 2, top + PAD * 2, { width: width - PAD * 4, lineBreak: false });
  });
  doc.y = top + SIGNATURE_HEIGHT;
}




/** An A4 document with the CJK fonts registered as 'regular' and 'bold', buffered so pages can be stamped at the end. */
export function createA4(info: { title: string; subject: string; landscape?: boolean }) {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject, Creator: '党建品牌选树平台' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  return { doc, done: collectPdf(doc) };
}

/** The centred title, then one line with text on the left and on the right. */
export function titleBlock(doc: TDoc, title: string, left: string, right: string) {
  setFont(doc, true, 16);
  doc.text(title, MARGIN_X, MARGIN_Y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.5);
  setFont(doc, false, 10.5);
  const top = doc.y;
  doc.text(left, MARGIN_X, top, { width: contentWidth(doc) * 0.7, lineBreak: false });
  doc.text(right, MARGIN_X, top, { width: contentWidth(doc), align: 'right', lineBreak: false });
  doc.y = top + doc.currentLineHeight(true) + 6;
}
