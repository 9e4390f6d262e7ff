import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { formatDate } from '@/lib/format';
import { collectPdf, fittingLength, loadFonts, stampPages, type TDoc } from '@/lib/pdf/kit';
import { opinionDateText, printTextSections, type TApplicationPrintData, type TOpinionBox } from '@/lib/application/print-data';

const CM = 72 / 2.54;
const MARGIN = 2 * CM;
const PAD = 6;
const LABEL_WIDTH = 88;
const BORDER = '#333333';
const SHADE = '#f1f1f1';
const BODY_SIZE = 10.5;

const contentWidth = (doc: TDoc) => doc.page.width - MARGIN * 2;
const bottomOf = (doc: TDoc) => doc.page.height - MARGIN;

function ensureSpace(doc: TDoc, height: number) {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function setFont(doc: TDoc, bold: boolean, size = BODY_SIZE) {
  doc.font(bold ? 'bold' : 'regular').fontSize(size);
}

/** A shaded title bar; `keepWithNext` is the height of what must stay on the same page below it. */
function sectionTitle(doc: TDoc, title: string, keepWithNext = 40) {
  setFont(doc, true, 11);
  const height = doc.currentLineHeight() + PAD * 2;
  ensureSpace(doc, height + keepWithNext);
  const top = doc.y;
  doc.rect(MARGIN, top, contentWidth(doc), height).fillAndStroke(SHADE, BORDER);
  doc.fillColor('black').text(title, MARGIN + PAD, top + PAD, { width: contentWidth(doc) - PAD * 2 });
  doc.y = top + height;
}

/** Bordered body text below a title; when it runs past the page it continues in a new box on the next page. */
function boxedText(doc: TDoc, text: string, options: { bold?: boolean; placeholder?: string } = {}) {
  const width = contentWidth(doc) - PAD * 2;
  let rest = text.trim() || options.placeholder || '（未填写）';
  setFont(doc, options.bold ?? false);
  while (rest) {
    const available = bottomOf(doc) - doc.y - PAD * 2;
    if (available < doc.currentLineHeight(true) + 2) {
      doc.addPage();
      continue;
    }
    const length = Math.max(1, fittingLength(doc, rest, width, available));
    const chunk = rest.slice(0, length);
    const top = doc.y;
    const height = doc.heightOfString(chunk, { width, lineGap: 2 });
    doc.rect(MARGIN, top, contentWidth(doc), height + PAD * 2).stroke(BORDER);
    doc.text(chunk, MARGIN + PAD, top + PAD, { width, lineGap: 2 });
    doc.y = top + height + PAD * 2;
    rest = rest.slice(length).replace(/^\n/, '');
  }
}

type TCell = { label: string; value: string };

/** One row of the basic-information table: one or two label/value pairs side by side. */
function tableRow(doc: TDoc, cells: TCell[]) {
  const cellWidth = contentWidth(doc) / cells.length;
  const valueWidth = cellWidth - LABEL_WIDTH - PAD * 2;
  setFont(doc, false);
  const height = Math.max(...cells.map((cell) => doc.heightOfString(cell.value || '—', { width: valueWidth, lineGap: 2 }))) + PAD * 2;
  ensureSpace(doc, height);
  const top = doc.y;
  cells.forEach((cell, index) => {
    const left = MARGIN + index * cellWidth;
    doc.rect(left, top, LABEL_WIDTH, height).fillAndStroke(SHADE, BORDER);
    doc.rect(left + LABEL_WIDTH, top, cellWidth - LABEL_WIDTH, height).stroke(BORDER);
    setFont(doc, true);
    doc.fillColor('black').text(cell.label, left + PAD, top + PAD, { width: LABEL_WIDTH - PAD * 2 });
    setFont(doc, false);
    doc.text(cell.value || '—', left + LABEL_WIDTH + PAD, top + PAD, { width: valueWidth, lineGap: 2 });
  });
  doc.y = top + height;
}

async function logoPng(logo: NonNullable<TApplicationPrintData['logo']>): Promise<Buffer | null> {
  // pdfkit reads only PNG and JPEG; anything else (WebP) is converted first.
  if (logo.mimeType === 'image/png' || logo.mimeType === 'image/jpeg') return logo.bytes;
  return sharp(logo.bytes).png().toBuffer().catch(() => null);
}

async function logoSection(doc: TDoc, logo: TApplicationPrintData['logo']) {
  sectionTitle(doc, '品牌标识');
  const image = logo ? await logoPng(logo) : null;
  if (!image) {
    boxedText(doc, '', { placeholder: '（未上传品牌标识）' });
    return;
  }
  const height = 130;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.rect(MARGIN, top, contentWidth(doc), height).stroke(BORDER);
  doc.image(image, MARGIN + PAD, top + PAD, { fit: [contentWidth(doc) - PAD * 2, height - PAD * 2], align: 'center', valign: 'center' });
  doc.y = top + height;
}

/**
 * A signing box: what the level recorded online (decision, order, 推荐意见) on top, the signer, signature and date at
 * the bottom right; the box grows with a long opinion and never leaves its title behind on the previous page.
 */
function opinionBox(doc: TDoc, box: TOpinionBox) {
  const width = contentWidth(doc);
  const textWidth = width - PAD * 4;
  const signWidth = 230;
  const recorded = [box.decision && `${box.kind === 'APPROVAL' ? '审核结果' : '推荐决定'}：${box.decision}`, box.opinion].filter(Boolean).join('\n');
  setFont(doc, false);
  const textHeight = recorded ? doc.heightOfString(recorded, { width: textWidth, lineGap: 3 }) + PAD * 2 : 0;
  const signLines = [`${box.signer}（盖章）`, '签字：____________', opinionDateText(box.date)];
  const signHeight = signLines.reduce((sum, line) => sum + doc.heightOfString(line, { width: signWidth }) + 6, 0);
  const height = Math.max(150, textHeight + signHeight + PAD * 4);
  sectionTitle(doc, box.title, height);
  setFont(doc, false);
  const top = doc.y;
  doc.rect(MARGIN, top, width, height).stroke(BORDER);
  if (recorded) doc.fillColor('black').text(recorded, MARGIN + PAD * 2, top + PAD * 2, { width: textWidth, lineGap: 3 });
  let y = top + height - PAD * 2 - signHeight;
  for (const line of signLines) {
    doc.text(line, MARGIN + width - signWidth - PAD * 2, y, { width: signWidth });
    y = doc.y + 6;
  }
  doc.y = top + height;
}

/** The 申报表 as an A4 PDF laid out like the paper form, ready to print, sign and stamp. */
export async function renderApplicationPdf(data: TApplicationPrintData): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${data.brandName || '未命名品牌'} - 党建品牌选树申报表`, Subject: data.campaignTitle, Creator: '党建品牌选树平台' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const done = collectPdf(doc);

  setFont(doc, true, 20);
  doc.text('党建品牌选树申报表', MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  setFont(doc, false, 11);
  doc.moveDown(0.3).text(data.campaignTitle, { width: contentWidth(doc), align: 'center' });
  if (data.submittedAt) {
    setFont(doc, false, 9);
    doc.fillColor('#555555').text(`提交时间：${formatDate(data.submittedAt)}`, { width: contentWidth(doc), align: 'right' }).fillColor('black');
  }
  doc.moveDown(0.6);

  tableRow(doc, [{ label: '品牌名称', value: data.brandName }]);
  tableRow(doc, [{ label: '所属领域', value: data.fieldName }]);
  tableRow(doc, [{ label: '申报单位', value: data.organizationName }]);
  tableRow(doc, [{ label: '上级党组织', value: data.parentOrganizationName }]);
  tableRow(doc, [
    { label: '党组织书记', value: data.secretaryName },
    { label: '联系人及电话', value: [data.contactName, data.contactPhone].filter(Boolean).join(' ') },
  ]);
  tableRow(doc, [{ label: '品牌口号', value: data.slogan }]);
  doc.moveDown(0.8);

  await logoSection(doc, data.logo);
  const texts = printTextSections(data);
  for (const [title, text] of texts) {
    doc.moveDown(0.8);
    sectionTitle(doc, title);
    boxedText(doc, text);
  }

  doc.moveDown(0.8);
  sectionTitle(doc, '对照评选标准自评');
  if (!data.criteria.length) boxedText(doc, '', { placeholder: '（本次活动未设评选标准）' });
  data.criteria.forEach((criterion, index) => {
    boxedText(doc, `${index + 1}. ${criterion.name}（${criterion.maxPoints} 分）`, { bold: true });
    boxedText(doc, criterion.selfAssessment);
  });

  doc.moveDown(0.8);
  sectionTitle(doc, '附件清单');
  boxedText(doc, data.attachmentNames.map((name, index) => `${index + 1}. ${name}`).join('\n'), { placeholder: '（无附件）' });

  for (const box of data.opinionBoxes) {
    doc.moveDown(0.8);
    opinionBox(doc, box);
  }

  stampPages(doc, { runningHeader: `党建品牌选树申报表 · ${data.brandName || '未命名品牌'}`, marginX: MARGIN, marginY: MARGIN });
  doc.end();
  return done;
}
