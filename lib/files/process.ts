import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS, type TFileKind } from '@/lib/files/check';

export const VARIANT_NAMES = ['thumb', 'medium'] as const;
export type TVariantName = (typeof VARIANT_NAMES)[number];

const MAX_ORIGINAL_EDGE = 2400;
const VARIANT_EDGES: Record<TVariantName, number> = { thumb: 320, medium: 1024 };

export type TProcessedObject = { key: string; bytes: Buffer; width: number | null; height: number | null };

export type TProcessedFile = {
  kind: TFileKind;
  mimeType: string;
  sha256: string;
  main: TProcessedObject;
  variants: Partial<Record<TVariantName, TProcessedObject>>;
};

/** Storage keys come from the date and a random id only, never from the user's file name. */
function newBaseKey(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Images are decoded and written anew: EXIF orientation is applied, then every metadata block (GPS,
 * camera, embedded thumbnails, comments) is dropped, and anything appended to the file is lost.
 * JPEG for opaque images and PNG for transparent ones, so the PDF export can embed them too.
 */
export async function processUpload(bytes: Buffer, kind: TFileKind, mimeType: string): Promise<TProcessedFile> {
  const base = newBaseKey();
  if (kind === 'DOCUMENT') {
    return { kind, mimeType, sha256: sha256Of(bytes), main: { key: `${base}.pdf`, bytes, width: null, height: null }, variants: {} };
  }
  const { hasAlpha } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  const extension = hasAlpha ? 'png' : 'jpg';
  const encode = async (edge: number, suffix: string): Promise<TProcessedObject> => {
    // rotate() without an angle applies the EXIF orientation, before the resize.
    const pipeline = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate().resize(edge, edge, { fit: 'inside', withoutEnlargement: true });
    const encoded = hasAlpha ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { key: `${base}${suffix}.${extension}`, bytes: data, width: info.width, height: info.height };
  };
  const main = await encode(MAX_ORIGINAL_EDGE, '');
  const variants: Partial<Record<TVariantName, TProcessedObject>> = {};
  for (const name of VARIANT_NAMES) variants[name] = await encode(VARIANT_EDGES[name], `-${name}`);
  return { kind, mimeType: hasAlpha ? 'image/png' : 'image/jpeg', sha256: sha256Of(main.bytes), main, variants };
}
