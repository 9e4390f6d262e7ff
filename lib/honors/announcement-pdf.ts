// 表彰决定 as an A4 portrait document in the manner of an official notice: the issuer in red over a red rule, the 文号,
// the title, the preamble, the winners as numbered lists under each award, the issuer and date, page numbers.
import PDFDocument from 'pdfkit';
import { formatDate } from '@/lib/format';
import { collectPdf, loadFonts, stampPages, type TDoc } from '@/lib/pdf/kit';
import { awardHeading, paragraphsOf, winnerLine } from '@/lib/honors/document';
import type { TAnnouncement } from '@/lib/honors/queries';

const CM = 72 / 2.54;
const MARGIN_X = 2.6 * CM;
const MARGIN_Y = 2.5 * CM;
const RED = '#b31b1b';
const BODY = 12;
const LINE_GAP = 7;

const contentWidth = (doc: TDoc) => doc.page.width - MARGIN_X * 2;
const bottomOf = (doc: TDoc) => doc.page.height - MARGIN_Y;

function ensureSpace(doc: TDoc, height: number) {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function paragraph(doc: TDoc, text: string) {
  doc.font('regular').fontSize(BODY).fillColor('black');
  doc.text(text, MARGIN_X, doc.y, { width: contentWidth(doc), indent: BODY * 2, lineGap: LINE_GAP, align: 'justify' });
  doc.moveDown(0.3);
}

/** A numbered line with a hanging indent, so wrapped names line up after the number. */
function numberedLine(doc: TDoc, number: number, text: string) {
  doc.font('regular').fontSize(BODY);
  const label = `${number}. `;
  const labelWidth = Math.max(doc.widthOfString('00. '), doc.widthOfString(label));
  const left = MARGIN_X + BODY * 2;
  const width = contentWidth(doc) - BODY * 2 - labelWidth;
  const height = doc.heightOfString(text, { width, lineGap: LINE_GAP });
  ensureSpace(doc, Math.min(height, doc.currentLineHeight(true) * 2));
  const top = doc.y;
  doc.text(label, left, top, { width: labelWidth, lineBreak: false });
  doc.text(text, left + labelWidth, top, { width, lineGap: LINE_GAP });
}

export async function renderAnnouncementPdf(data: TAnnouncement): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    info: { Title: data.title, Subject: data.campaign.title, Author: data.issuerName, Creator: '党建品牌选树平台' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const done = collectPdf(doc);
  const width = contentWidth(doc);

  doc.font('bold').fontSize(24).fillColor(RED).text(data.issuerName, MARGIN_X, MARGIN_Y, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.4);
  if (data.documentNo) doc.font('regular').fontSize(BODY).fillColor('black').text(data.documentNo, { width, align: 'center' });
  const ruleY = doc.y + 8;
  doc.lineWidth(2).moveTo(MARGIN_X, ruleY).lineTo(MARGIN_X + width, ruleY).stroke(RED);
  doc.lineWidth(0.6).moveTo(MARGIN_X, ruleY + 4).lineTo(MARGIN_X + width, ruleY + 4).stroke(RED);
  doc.y = ruleY + 28;

  doc.font('bold').fontSize(18).fillColor('black').text(data.title, MARGIN_X, doc.y, { width, align: 'center', lineGap: 6 });
  doc.moveDown(1);

  for (const text of paragraphsOf(data.preamble)) paragraph(doc, text);
  doc.moveDown(0.5);

  data.groups.forEach((group, index) => {
    doc.font('bold').fontSize(BODY + 1);
    // A heading never ends a page: it keeps at least its first winner with it.
    ensureSpace(doc, doc.currentLineHeight(true) * 3 + LINE_GAP * 2);
    doc.fillColor('black').text(awardHeading(index, group), MARGIN_X + BODY * 2, doc.y, { width: width - BODY * 2, lineGap: LINE_GAP });
    group.honors.forEach((honor, position) => numberedLine(doc, position + 1, winnerLine(honor)));
    doc.moveDown(0.6);
  });

  doc.font('regular').fontSize(BODY + 1);
  ensureSpace(doc, doc.currentLineHeight(true) * 3 + 24);
  doc.moveDown(1.5);
  const signWidth = Math.max(doc.widthOfString(data.issuerName), doc.widthOfString(formatDate(data.issuedOn))) + BODY * 2;
  const signLeft = MARGIN_X + width - Math.min(signWidth, width);
  doc.text(data.issuerName, signLeft, doc.y, { width: Math.min(signWidth, width), align: 'center' });
  doc.moveDown(0.3);
  doc.text(formatDate(data.issuedOn), signLeft, doc.y, { width: Math.min(signWidth, width), align: 'center' });

  stampPages(doc, { runningHeader: `${data.title}${data.documentNo ? `（${data.documentNo}）` : ''}`, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
