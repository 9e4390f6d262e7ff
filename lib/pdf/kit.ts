// Shared pdfkit pieces: the CJK fonts from npm, text fitting for page breaks, and collecting the output.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type TDoc = PDFKit.PDFDocument;

const FONT_DIR = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc');
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Noto Sans SC regular and bold, read once per process (~10 MB each); pdfkit embeds only the glyphs a document uses. */
export function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, '400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(path.join(FONT_DIR, '700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

const SERIF_DIR = path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-serif-sc');
let documentFonts: { song: Buffer; titleSong: Buffer; hei: Buffer } | undefined;

/**
 * The faces of an official document (公文), from npm: no 仿宋 or 小标宋 is published there, so Noto Serif SC regular
 * stands for the 仿宋 body, Noto Serif SC bold for the 小标宋 titles, Noto Sans SC medium for 黑体. Read once per process.
 */
export function loadDocumentFonts() {
  documentFonts ??= {
    song: readFileSync(path.join(SERIF_DIR, '400Regular/NotoSerifSC_400Regular.ttf')),
    titleSong: readFileSync(path.join(SERIF_DIR, '700Bold/NotoSerifSC_700Bold.ttf')),
    hei: readFileSync(path.join(FONT_DIR, '500Medium/NotoSansSC_500Medium.ttf')),
  };
  return documentFonts;
}

/** The longest prefix of `text` that fits in `height` at `width`; CJK text may break between any two characters. */
export function fittingLength(doc: TDoc, text: string, width: number, height: number, lineGap = 2): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.heightOfString(text.slice(0, mid), { width, lineGap }) <= height) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Collects the document's output; resolves once `doc.end()` has been called and everything flushed. */
export function collectPdf(doc: TDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Once the page count is known (the document is created with `bufferPages: true`): a small running header on every
 * page after the first and 第 X 页 / 共 Y 页 on every page (with `footerRight`, e.g. the 文号, at the right), inside the
 * margins. Expects a font registered as 'regular'.
 */
export function stampPages(doc: TDoc, layout: { runningHeader: string; marginX: number; marginY: number; footerRight?: string }) {
  const { runningHeader, marginX, marginY, footerRight } = layout;
  const width = doc.page.width - marginX * 2;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const margins = doc.page.margins;
    // Writing inside the margins would otherwise make pdfkit start a new page.
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    doc.font('regular').fontSize(8).fillColor('#555555');
    if (index > range.start) {
      doc.text(runningHeader, marginX, marginY / 2 - 4, { width, align: 'left', lineBreak: false });
      doc.moveTo(marginX, marginY / 2 + 8).lineTo(marginX + width, marginY / 2 + 8).lineWidth(0.5).stroke('#999999');
    }
    doc.text(`第 ${index - range.start + 1} 页 / 共 ${range.count} 页`, marginX, doc.page.height - marginY / 2 - 6, { width, align: 'center', lineBreak: false });
    if (footerRight) doc.text(footerRight, marginX, doc.page.height - marginY / 2 - 6, { width, align: 'right', lineBreak: false });
    doc.page.margins = margins;
    doc.fillColor('black').lineWidth(1);
  }
}
