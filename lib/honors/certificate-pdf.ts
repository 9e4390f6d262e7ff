// 荣誉证书: one A4 landscape page per honor — red and gold frame, the brand and its award, the issuing organization and
// date, the number, and a QR code of the public verification page (drawn as vector modules, with a link on it).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate } from '@/lib/format';
import { collectPdf, loadFonts, type TDoc } from '@/lib/pdf/kit';

export type TCertificateData = {
  certificateNo: string;
  brandName: string;
  organizationName: string;
  awardName: string;
  campaignTitle: string;
  issuerName: string;
  issuedOn: Date;
  revokedAt: Date | null;
  /** Absolute address of the verification page (lib/honors/url.ts). */
  verificationUrl: string;
  /** The line before the award, default "在{campaignTitle}中被评为" (a recognition: "…中通过验收，予以"). */
  phrase?: string;
  /** The heading, default 荣誉证书 (a recognition: 认定证书). */
  title?: string;
};

const RED = '#a61b1b';
const DEEP_RED = '#7f1212';
const GOLD = '#c9a227';
const PAPER = '#fffbf2';
const INK = '#2b2118';
const MUTED = '#6b5d4f';

const QR_SIZE = 84;
const TITLE_SPACING = 18;

/** Largest size from `size` down to `min` at which `text` fits on one line of `width`. */
function fittedSize(doc: TDoc, text: string, width: number, size: number, min: number): number {
  for (let current = size; current > min; current -= 1) {
    doc.fontSize(current);
    if (doc.widthOfString(text) <= width) return current;
  }
  return min;
}

/** One centred line, shrunk to fit (and wrapped only past `min`); returns the y below it. */
function centred(doc: TDoc, text: string, y: number, options: { font: 'regular' | 'bold'; size: number; min?: number; color: string; spacing?: number }) {
  const left = 90;
  const width = doc.page.width - left * 2;
  doc.font(options.font);
  const size = fittedSize(doc, text, width, options.size, options.min ?? options.size);
  doc.fontSize(size).fillColor(options.color).text(text, left, y, { width, align: 'center', characterSpacing: options.spacing ?? 0, lineGap: 4 });
  return doc.y;
}

function diamond(doc: TDoc, x: number, y: number, radius: number, color: string) {
  doc.polygon([x, y - radius], [x + radius, y], [x, y + radius], [x - radius, y]).fill(color);
}

function frame(doc: TDoc) {
  const { width, height } = doc.page;
  doc.rect(0, 0, width, height).fill(PAPER);
  doc.lineWidth(10).rect(20, 20, width - 40, height - 40).stroke(RED);
  doc.lineWidth(2).rect(32, 32, width - 64, height - 64).stroke(GOLD);
  doc.lineWidth(0.75).rect(37, 37, width - 74, height - 74).stroke(GOLD);
  // Gold corner pieces inside the double rule.
  for (const [x, y, dx, dy] of [
    [37, 37, 1, 1],
    [width - 37, 37, -1, 1],
    [37, height - 37, 1, -1],
    [width - 37, height - 37, -1, -1],
  ]) {
    doc.lineWidth(2.5).moveTo(x + dx * 6, y + dy * 40).lineTo(x + dx * 6, y + dy * 6).lineTo(x + dx * 40, y + dy * 6).stroke(GOLD);
    diamond(doc, x + dx * 14, y + dy * 14, 4.5, RED);
  }
}

function ornamentRule(doc: TDoc, y: number) {
  const centre = doc.page.width / 2;
  doc.lineWidth(1).moveTo(centre - 150, y).lineTo(centre - 14, y).stroke(GOLD);
  doc.moveTo(centre + 14, y).lineTo(centre + 150, y).stroke(GOLD);
  diamond(doc, centre, y, 6, GOLD);
  diamond(doc, centre, y, 2.5, RED);
}

/** The QR code as filled runs of dark modules in module units, so it stays sharp at any zoom and in print. */
function qrCode(doc: TDoc, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 2;
  const unit = size / (count + quiet * 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.save().translate(x + quiet * unit, y + quiet * unit).scale(unit);
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      doc.rect(start, row, column - start, 1);
    }
  }
  doc.fill('#000000').restore();
  doc.link(x, y, size, size, url);
}

function revokedMark(doc: TDoc, revokedAt: Date) {
  const { width, height } = doc.page;
  const [boxWidth, boxHeight] = [440, 118];
  const [left, top] = [(width - boxWidth) / 2, (height - boxHeight) / 2];
  doc.save().rotate(-12, { origin: [width / 2, height / 2] });
  doc.fillOpacity(0.88).roundedRect(left, top, boxWidth, boxHeight, 12).fill(PAPER);
  doc.fillOpacity(1).strokeOpacity(0.9).lineWidth(4).roundedRect(left, top, boxWidth, boxHeight, 12).stroke('#c00000');
  doc.font('bold').fontSize(42).fillColor('#c00000').text('已摘牌 · 证书作废', left, top + 16, { width: boxWidth, align: 'center', lineBreak: false });
  doc.font('regular').fontSize(15).text(`自${formatDate(revokedAt)}起失效`, left, top + 78, { width: boxWidth, align: 'center', lineBreak: false });
  doc.restore();
}

/** A landscape A4 document for certificates with the CJK fonts registered as 'regular' and 'bold'; no page yet. */
function certificateDocument(info: { Title: string; Subject: string; Author: string }) {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: false, info: { ...info, Creator: '党建品牌选树平台' } });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  return doc;
}

/** Adds one page to `doc` and draws one certificate on it: the single download and the batch share this drawing. */
export function drawCertificatePage(doc: TDoc, data: TCertificateData) {
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  const { width, height } = doc.page;

  frame(doc);
  // Letter spacing follows every character, the last one too: shift by half a space to stay centred.
  doc.font('bold').fontSize(46).fillColor(RED).text(data.title ?? '荣誉证书', TITLE_SPACING / 2, 74, { width, align: 'center', characterSpacing: TITLE_SPACING, lineBreak: false });
  ornamentRule(doc, 150);

  let y = centred(doc, data.organizationName, 184, { font: 'regular', size: 22, min: 14, color: INK });
  y = centred(doc, `“${data.brandName}”党建品牌`, y + 6, { font: 'bold', size: 30, min: 18, color: DEEP_RED });
  y = centred(doc, data.phrase ?? `在${data.campaignTitle}中被评为`, y + 12, { font: 'regular', size: 17, min: 12, color: INK });
  y = centred(doc, data.awardName, y + 8, { font: 'bold', size: 34, min: 20, color: RED, spacing: 2 });
  centred(doc, '特发此证，以资鼓励。', y + 14, { font: 'regular', size: 16, color: INK });

  // Issuer and date on the right, above the QR code's row; number bottom left.
  const qrX = width - 64 - QR_SIZE;
  const qrY = height - 64 - QR_SIZE - 14;
  const signRight = qrX - 36;
  doc.font('regular').fontSize(17).fillColor(INK).text(data.issuerName, signRight - 320, qrY + 8, { width: 320, align: 'right', lineGap: 2 });
  doc.fontSize(15).text(formatDate(data.issuedOn), signRight - 320, doc.y + 6, { width: 320, align: 'right', lineBreak: false });

  doc.font('regular').fontSize(11).fillColor(MUTED).text(`证书编号：${data.certificateNo}`, 70, height - 84, { lineBreak: false });
  doc.fontSize(8).text('扫描右侧二维码可查验证书真伪', 70, height - 66, { lineBreak: false });

  qrCode(doc, data.verificationUrl, qrX, qrY, QR_SIZE);
  doc.font('regular').fontSize(6).fillColor(MUTED).text(data.verificationUrl, qrX - 120, qrY + QR_SIZE + 3, { width: QR_SIZE + 120, align: 'right', lineBreak: false });

  if (data.revokedAt) revokedMark(doc, data.revokedAt);
}

export async function renderCertificatePdf(data: TCertificateData): Promise<Buffer> {
  const doc = certificateDocument({ Title: `${data.title ?? '荣誉证书'} ${data.certificateNo}`, Subject: `${data.brandName} · ${data.awardName}`, Author: data.issuerName });
  const done = collectPdf(doc);
  drawCertificatePage(doc, data);
  doc.end();
  return done;
}

/** Bytes the stream holds before drawing waits for the reader (a few pages). */
const STREAM_HIGH_WATER = 256 * 1024;

/**
 * Many certificates in ONE PDF, one page each, written as the pages are drawn: each page is flushed when the next one
 * starts, and drawing waits whenever the reader is behind (the queue holds at most STREAM_HIGH_WATER bytes), so 500
 * certificates never sit whole in memory; a reader that goes away stops the drawing. The fonts are embedded once, at
 * the end, with the glyphs of every page.
 */
export function streamCertificatesPdf(info: { title: string; issuerName: string }, certificates: AsyncIterable<TCertificateData> | Iterable<TCertificateData>): ReadableStream<Uint8Array> {
  let wake: (() => void) | null = null;
  let cancelled = false;
  const resume = () => {
    wake?.();
    wake = null;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        void (async () => {
          try {
            const doc = certificateDocument({ Title: info.title, Subject: info.title, Author: info.issuerName });
            // Paused mode: the bytes of each finished page are taken from pdfkit right after it is drawn.
            const take = () => {
              for (let chunk: Buffer | null = doc.read(); chunk !== null; chunk = doc.read()) if (!cancelled) controller.enqueue(new Uint8Array(chunk));
            };
            for await (const certificate of certificates) {
              if (cancelled) return;
              drawCertificatePage(doc, certificate);
              take();
              if ((controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wake = resolve));
              // Let other requests run between pages.
              else await new Promise<void>((resolve) => setImmediate(resolve));
            }
            if (cancelled) return;
            const ended = new Promise<void>((resolve, reject) => {
              doc.on('end', resolve);
              doc.on('error', reject);
            });
            doc.end();
            take();
            doc.on('data', (chunk: Buffer) => {
              if (!cancelled) controller.enqueue(new Uint8Array(chunk));
            });
            await ended;
            controller.close();
          } catch (error) {
            if (!cancelled) controller.error(error);
          }
        })();
      },
      pull: resume,
      cancel() {
        cancelled = true;
        resume();
      },
    },
    { highWaterMark: STREAM_HIGH_WATER, size: (chunk) => chunk.byteLength },
  );
}
