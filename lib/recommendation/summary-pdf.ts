import PDFDocument from 'pdfkit';
import { collectPdf, fittingLength as fitLength, loadFonts, stampPages, type TDoc } from '@/lib/pdf/kit';
import type { TLevelEntry, TRecommendationLevel } from '@/lib/recommendation/queries';
import { EMPTY_SUMMARY, notRecommendedEntries, recommendedEntries, summaryTitle } from '@/lib/recommendation/summary-export';

const CM = 72 / 2.54;
const MARGIN_X = 1.5 * CM;
const MARGIN_Y = 1.6 * CM;
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
type TColumn = { header: string; width: number | null; center?: boolean; value: (entry: TLevelEntry, index: number) => string };

const ENTRY_COLUMNS: TColumn[] = [
  { header: '序号', width: 34, center: true, value: (_, index) => String(index + 1) },
  { header: '品牌名称', width: 108, value: (entry) => entry.brandName },
  { header: '申报单位', width: 110, value: (entry) => entry.organizationName },
  { header: '上级党组织', width: 100, value: (entry) => entry.parentName },
  { header: '领域', width: 62, value: (entry) => entry.fieldName },
];

const SUMMARY_COLUMNS: TColumn[] = [
  ...ENTRY_COLUMNS,
  { header: '党组织书记', width: 62, value: (entry) => entry.secretaryName },
  { header: '联系电话', width: 80, value: (entry) => entry.contactPhone },
  { header: '推荐意见', width: null, value: (entry) => entry.opinion },
];

const NOT_RECOMMENDED_COLUMNS: TColumn[] = [...ENTRY_COLUMNS, { header: '不推荐理由', width: null, value: (entry) => entry.reason ?? '' }];

const contentWidth = (doc: TDoc) => doc.page.width - MARGIN_X * 2;
const bottomOf = (doc: TDoc) => doc.page.height - MARGIN_Y;

function setFont(doc: TDoc, bold: boolean, size = BODY_SIZE) {
  doc.font(bold ? 'bold' : 'regular').fontSize(size);
}

function columnWidths(doc: TDoc, columns: readonly TColumn[]): number[] {
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
function drawTable(doc: TDoc, columns: readonly TColumn[], entries: readonly TLevelEntry[], options: { empty: string; heading?: string }) {
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

/** 推荐单位（盖章） | 负责人签字 | 日期, each with room to sign or stamp; never split across pages. */
function signatureBox(doc: TDoc) {
  doc.moveDown(1);
  if (doc.y + SIGNATURE_HEIGHT > bottomOf(doc)) doc.addPage();
  const top = doc.y;
  const labels = ['推荐单位（盖章）：', '负责人签字：', '日期：______年____月____日'];
  const width = contentWidth(doc) / labels.length;
  setFont(doc, false, 11);
  labels.forEach((label, index) => {
    const left = MARGIN_X + index * width;
    doc.rect(left, top, width, SIGNATURE_HEIGHT).stroke(BORDER);
    doc.fillColor('black').text(label, left + PAD * 2, top + PAD * 2, { width: width - PAD * 4, lineBreak: false });
  });
  doc.y = top + SIGNATURE_HEIGHT;
}



/** The 推荐汇总表 as an A4 landscape PDF: recommended entries in rank order, the entries not recommended, the signing box. */
export async function renderRecommendationSummaryPdf(level: TRecommendationLevel): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const title = summaryTitle(level);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    info: { Title: `${level.organization.name} - ${title}`, Subject: level.campaign.title, Creator: '党建品牌选树平台' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const done = collectPdf(doc);

  setFont(doc, true, 16);
  doc.text(title, MARGIN_X, MARGIN_Y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.5);
  setFont(doc, false, 10.5);
  const top = doc.y;
  doc.text(`推荐单位：${level.organization.name}`, MARGIN_X, top, { width: contentWidth(doc) * 0.7, lineBreak: false });
  doc.text(`已推荐 ${recommendedEntries(level).length} / ${level.limit}`, MARGIN_X, top, { width: contentWidth(doc), align: 'right', lineBreak: false });
  doc.y = top + doc.currentLineHeight(true) + 6;

  drawTable(doc, SUMMARY_COLUMNS, recommendedEntries(level), { empty: EMPTY_SUMMARY });

  const rejected = notRecommendedEntries(level);
  if (rejected.length) {
    doc.moveDown(1.2);
    drawTable(doc, NOT_RECOMMENDED_COLUMNS, rejected, { empty: '', heading: `未推荐（${rejected.length} 个）` });
  }

  signatureBox(doc);
  stampPages(doc, { runningHeader: `${title} · ${level.organization.name}`, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
