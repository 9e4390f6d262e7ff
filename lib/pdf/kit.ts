// Shared pdfkit pieces: the CJK font from npm, text fitting for page breaks, and collecting the output.
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
