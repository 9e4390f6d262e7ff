// 表彰决定 as a 红头文件 after GB/T 9704-2012 (党政机关公文格式): A4 with a 156 × 225 mm 版心 (天头 37 mm, 订口 28 mm),
// 22 lines of 28 characters of 三号 (16 pt) 仿宋-style text; the red 发文机关标志 35 mm below the top of the 版心, the
// 发文字号 two lines under it and a red rule 4 mm below that, the title in 二号 小标宋 style two lines further down,
// 主送, the body, the awards as 一、 headings in 黑体 with their numbered winners, the issuer and the 成文日期 in
// Chinese, and page numbers "— 1 —" 7 mm under the 版心, odd pages right, even pages left.
import PDFDocument from 'pdfkit';
import { collectPdf, loadDocumentFonts, type TDoc } from '@/lib/pdf/kit';
import { ANNOUNCEMENT_ADDRESSEE, awardHeading, chineseDate, issuerMark, paragraphsOf, winnerLine } from '@/lib/honors/document';
import type { TAnnouncement } from '@/lib/honors/queries';

const MM = 72 / 25.4;
const PAGE_WIDTH = 210 * MM;
const PAGE_HEIGHT = 297 * MM;
const TOP = 37 * MM;
const LEFT = 28 * MM;
const WIDTH = 156 * MM;
const HEIGHT = 225 * MM;
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** 三号, 二号, 四号. */
const BODY = 16;
const TITLE = 22;
const PAGE_NUMBER = 14;
/** One line and one character of the grid. */
const PITCH = HEIGHT / LINES_PER_PAGE - 0.001;
const CHAR = WIDTH / CHARS_PER_LINE;
// pdfkit counts the spacing once per character: 28 characters of 16 pt fill the 版心 when each gives up about 0.22 pt,
// as Word's character grid does.
const BODY_SPACING = (WIDTH - BODY * CHARS_PER_LINE) / CHARS_PER_LINE - 0.01;
const RED = '#e60012';

type TFace = 'song' | 'titleSong' | 'hei';

/** Body-style text on the line grid: `indent` characters in on the first line, wrapped lines 顶格. */
function gridText(doc: TDoc, text: string, options: { face?: TFace; indent?: number } = {}) {
  doc.font(options.face ?? 'song').fontSize(BODY).fillColor('black');
  const lineGap = PITCH - doc.currentLineHeight();
  doc.text(text, LEFT, doc.y, { width: WIDTH, indent: (options.indent ?? 2) * CHAR, lineGap, characterSpacing: BODY_SPACING });
}

/** Starts a new page unless `lines` more lines of the grid fit on this one. */
function keepLines(doc: TDoc, lines: number) {
  if (doc.y + lines * PITCH > TOP + HEIGHT + 0.5) doc.addPage();
}

/** The narrowest width that keeps the title on as few lines as the full width does: lines of even length, centred. */
function balancedWidth(doc: TDoc, text: string, lineGap: number) {
  const lines = doc.heightOfString(text, { width: WIDTH, lineGap });
  let low = WIDTH / 3;
  let high = WIDTH;
  for (let step = 0; step < 20; step++) {
    const middle = (low + high) / 2;
    if (doc.heightOfString(text, { width: middle, lineGap }) > lines + 0.5) low = middle;
    else high = middle;
  }
  return high;
}

/** The 版头: red issuer mark, 发文字号, red rule; returns where the title starts. */
function letterhead(doc: TDoc, data: TAnnouncement) {
  const mark = issuerMark(data.issuerName);
  const size = Math.min(40, (WIDTH * 0.95) / [...mark].length);
  doc.font('titleSong').fontSize(size).fillColor(RED);
  // The glyphs' top edge, not the line box's, sits 35 mm below the top of the 版心.
  const markTop = TOP + 35 * MM - size * 0.12;
  doc.text(mark, LEFT, markTop, { width: WIDTH, align: 'center', lineBreak: false });
  const markBottom = markTop + size * 1.1;
  doc.font('song').fontSize(BODY).fillColor('black');
  const numberTop = markBottom + 2 * PITCH;
  if (data.documentNo) doc.text(data.documentNo, LEFT, numberTop, { width: WIDTH, align: 'center', lineBreak: false });
  const ruleY = numberTop + BODY * 1.1 + 4 * MM;
  doc.save().lineWidth(1.5).moveTo(LEFT, ruleY).lineTo(LEFT + WIDTH, ruleY).stroke(RED).restore();
  return ruleY + 2 * PITCH;
}

/** 发文机关署名 right-spaced two characters and the 成文日期 under it, two characters further right (or the date
 * right-spaced two characters and the issuer moved left when the date is the longer one). */
function signature(doc: TDoc, issuer: string, date: string) {
  doc.font('song').fontSize(BODY).fillColor('black');
  const options = { characterSpacing: BODY_SPACING, lineBreak: false } as const;
  const issuerWidth = doc.widthOfString(issuer, options);
  const dateWidth = doc.widthOfString(date, options);
  const right = LEFT + WIDTH - 2 * CHAR;
  const issuerLeft = Math.min(right - issuerWidth, right - dateWidth - 2 * CHAR);
  keepLines(doc, 3);
  const top = doc.y + PITCH;
  doc.text(issuer, issuerLeft, top, options);
  doc.text(date, issuerLeft + 2 * CHAR, top + PITCH, options);
  doc.y = top + 2 * PITCH;
}

/** "— 1 —" under the 版心 of every page: 一字线 either side, odd pages one character in from the right, even from the left. */
function pageNumbers(doc: TDoc) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const number = index - range.start + 1;
    const label = `— ${number} —`;
    doc.font('song').fontSize(PAGE_NUMBER).fillColor('black');
    const width = doc.widthOfString(label);
    const x = number % 2 === 1 ? LEFT + WIDTH - CHAR - width : LEFT + CHAR;
    doc.text(label, x, TOP + HEIGHT + 7 * MM - PAGE_NUMBER * 0.15, { lineBreak: false });
    doc.page.margins = margins;
  }
}

export async function renderAnnouncementPdf(data: TAnnouncement): Promise<Buffer> {
  const { song, titleSong, hei } = loadDocumentFonts();
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margins: { top: TOP, bottom: PAGE_HEIGHT - TOP - HEIGHT, left: LEFT, right: PAGE_WIDTH - LEFT - WIDTH },
    bufferPages: true,
    info: { Title: data.title, Subject: data.campaign.title, Author: data.issuerName, Keywords: data.documentNo, Creator: '党建品牌选树平台' },
  });
  doc.registerFont('song', song);
  doc.registerFont('titleSong', titleSong);
  doc.registerFont('hei', hei);
  const done = collectPdf(doc);

  const titleTop = letterhead(doc, data);
  doc.font('titleSong').fontSize(TITLE).fillColor('black');
  const titleGap = TITLE * 0.55;
  const titleWidth = balancedWidth(doc, data.title, titleGap);
  doc.text(data.title, LEFT + (WIDTH - titleWidth) / 2, titleTop, { width: titleWidth, align: 'center', lineGap: titleGap });
  // 主送 one blank line under the title, 顶格.
  doc.y += PITCH - titleGap;
  gridText(doc, ANNOUNCEMENT_ADDRESSEE, { indent: 0 });

  for (const text of paragraphsOf(data.preamble)) gridText(doc, text);
  data.groups.forEach((group, index) => {
    // A heading never ends a page: it keeps its first winner with it.
    keepLines(doc, 2);
    gridText(doc, awardHeading(index, group), { face: 'hei' });
    group.honors.forEach((honor, position) => gridText(doc, `${position + 1}.${winnerLine(honor)}`));
  });

  signature(doc, data.issuerName, chineseDate(data.issuedOn));
  pageNumbers(doc);
  doc.end();
  return done;
}
