// 宣传画册 as an A4 PDF (pdfkit + Noto Sans SC, glyphs embedded as a subset): a cover, the contents (brand → page) and
// one page per brand with its logo, slogan, 内涵, up to two photos and its honours. One page per brand keeps the
// contents' page numbers known before the pages are drawn; a long 内涵 is cut to what fits, ending in "……".
import sharp from 'sharp';
import { fittingLength, stampPages, type TDoc } from '@/lib/pdf/kit';
import { contentWidth, createA4, MARGIN_X, MARGIN_Y, setFont } from '@/lib/pdf/table';

export type TBrochurePage = {
  name: string;
  organizationName: string;
  slogan: string;
  essence: string;
  logo: Buffer | null;
  photos: { bytes: Buffer; caption: string }[];
  honours: string[];
};

export type TBrochureInput = { title: string; subtitle: string; issuer: string; dateText: string; brands: TBrochurePage[] };

const RED = '#b91c1c';
const CONTENTS_PER_PAGE = 24;

/** pdfkit reads PNG and JPEG only: anything else (WebP) is converted; an unreadable image is left out. */
export async function pdfImage(bytes: Buffer, mimeType: string): Promise<Buffer | null> {
  if (mimeType === 'image/png' || mimeType === 'image/jpeg') return bytes;
  return sharp(bytes).png().toBuffer().catch(() => null);
}

function cover(doc: TDoc, input: TBrochureInput) {
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 180).fill(RED);
  doc.fillColor('black');
  setFont(doc, true, 30);
  doc.text(input.title, MARGIN_X, doc.page.height * 0.36, { width, align: 'center' });
  if (input.subtitle) {
    doc.moveDown(0.6);
    setFont(doc, false, 16);
    doc.fillColor('#444444').text(input.subtitle, MARGIN_X, doc.y, { width, align: 'center' });
  }
  setFont(doc, false, 14);
  doc.fillColor('black').text(`共收录 ${input.brands.length} 个党建品牌`, MARGIN_X, doc.page.height * 0.62, { width, align: 'center' });
  doc.text(input.issuer, MARGIN_X, doc.page.height - MARGIN_Y - 70, { width, align: 'center' });
  doc.text(input.dateText, MARGIN_X, doc.y + 6, { width, align: 'center' });
}

function contents(doc: TDoc, brands: readonly TBrochurePage[], firstBrandPage: number) {
  const width = contentWidth(doc);
  for (let start = 0; start < brands.length; start += CONTENTS_PER_PAGE) {
    doc.addPage();
    setFont(doc, true, 20);
    doc.fillColor('black').text(start === 0 ? '目录' : '目录（续）', MARGIN_X, MARGIN_Y + 10, { width, align: 'center' });
    doc.moveDown(1);
    brands.slice(start, start + CONTENTS_PER_PAGE).forEach((brand, offset) => {
      const index = start + offset;
      const top = doc.y;
      setFont(doc, false, 12);
      const label = `${index + 1}. ${brand.name}（${brand.organizationName}）`;
      doc.text(label, MARGIN_X, top, { width: width - 60, lineBreak: false, ellipsis: '…' });
      doc.text(`${firstBrandPage + index}`, MARGIN_X + width - 50, top, { width: 50, align: 'right', lineBreak: false });
      doc.moveTo(MARGIN_X, top + 20).lineTo(MARGIN_X + width, top + 20).lineWidth(0.3).dash(1, { space: 2 }).stroke('#999999').undash();
      doc.y = top + 26;
    });
  }
}

function heading(doc: TDoc, text: string) {
  doc.moveDown(0.6);
  setFont(doc, true, 12);
  doc.fillColor(RED).text(text, MARGIN_X, doc.y, { width: contentWidth(doc) });
  doc.fillColor('black').moveDown(0.2);
}

function brandPage(doc: TDoc, brand: TBrochurePage, index: number) {
  doc.addPage();
  const width = contentWidth(doc);
  const bottom = doc.page.height - MARGIN_Y - 10;
  const logoSize = 80;
  const top = MARGIN_Y + 10;
  if (brand.logo) {
    try {
      doc.image(brand.logo, MARGIN_X + width - logoSize, top, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
    } catch {
      // An image pdfkit cannot read is left out rather than failing the whole brochure.
    }
  }
  const textWidth = width - (brand.logo ? logoSize + 12 : 0);
  setFont(doc, false, 10);
  doc.fillColor('#666666').text(`${String(index + 1).padStart(2, '0')}`, MARGIN_X, top, { width: textWidth });
  setFont(doc, true, 22);
  doc.fillColor(RED).text(brand.name, MARGIN_X, doc.y, { width: textWidth });
  setFont(doc, false, 11);
  doc.fillColor('#333333').text(brand.organizationName, MARGIN_X, doc.y + 2, { width: textWidth });
  doc.y = Math.max(doc.y, brand.logo ? top + logoSize : 0) + 4;
  doc.moveTo(MARGIN_X, doc.y).lineTo(MARGIN_X + width, doc.y).lineWidth(1).stroke(RED);

  if (brand.slogan) {
    heading(doc, '品牌口号');
    setFont(doc, false, 12);
    doc.text(brand.slogan, MARGIN_X, doc.y, { width, lineGap: 2 });
  }
  const photoHeight = brand.photos.length ? 170 : 0;
  const honoursHeight = brand.honours.length ? 30 + brand.honours.length * 18 : 0;
  if (brand.essence) {
    heading(doc, '品牌内涵');
    setFont(doc, false, 11);
    const room = Math.max(40, bottom - doc.y - photoHeight - honoursHeight - 20);
    const length = fittingLength(doc, brand.essence, width, room, 3);
    const shown = length < brand.essence.length ? `${brand.essence.slice(0, Math.max(0, length - 2))}……` : brand.essence;
    doc.text(shown, MARGIN_X, doc.y, { width, lineGap: 3 });
  }
  if (brand.photos.length) {
    doc.moveDown(0.6);
    const photoTop = doc.y;
    const gap = 10;
    const photoWidth = (width - gap) / 2;
    brand.photos.slice(0, 2).forEach((photo, photoIndex) => {
      const left = MARGIN_X + photoIndex * (photoWidth + gap);
      try {
        doc.image(photo.bytes, left, photoTop, { fit: [photoWidth, photoHeight - 22], align: 'center', valign: 'center' });
      } catch {
        doc.rect(left, photoTop, photoWidth, photoHeight - 22).stroke('#cccccc');
      }
      setFont(doc, false, 9);
      doc.fillColor('#555555').text(photo.caption || '活动照片', left, photoTop + photoHeight - 18, { width: photoWidth, align: 'center', lineBreak: false, ellipsis: '…' });
    });
    doc.fillColor('black');
    doc.y = photoTop + photoHeight;
  }
  if (brand.honours.length) {
    heading(doc, '所获荣誉');
    setFont(doc, false, 11);
    for (const honour of brand.honours) {
      if (doc.y > bottom - 16) break;
      doc.text(`★ ${honour}`, MARGIN_X, doc.y, { width, lineBreak: false, ellipsis: '…' });
      doc.moveDown(0.3);
    }
  }
}

export async function renderBrochurePdf(input: TBrochureInput): Promise<Buffer> {
  const { doc, done } = createA4({ title: input.title, subject: input.subtitle || '党建品牌宣传画册' });
  cover(doc, input);
  const contentsPages = Math.max(1, Math.ceil(input.brands.length / CONTENTS_PER_PAGE));
  if (input.brands.length) contents(doc, input.brands, 2 + contentsPages);
  input.brands.forEach((brand, index) => brandPage(doc, brand, index));
  stampPages(doc, { runningHeader: input.title, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
