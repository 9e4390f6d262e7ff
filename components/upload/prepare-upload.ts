// Before a file leaves the phone: a too-large photo is scaled down and re-encoded, anything else over its limit is refused.
import { IMAGE_LIMIT_LABEL, IMAGE_MAX_BYTES, IMAGE_MAX_EDGE, PDF_LIMIT_LABEL, PDF_MAX_BYTES } from '@/lib/files/limits';
import { formatFileSize } from '@/lib/format';

export type TPrepared = { ok: true; file: File; isShrunk: boolean } | { ok: false; message: string };

const RASTER = /\.(jpe?g|png|webp)$/i;
const isRaster = (file: File) => ['image/jpeg', 'image/png', 'image/webp'].includes(file.type) || RASTER.test(file.name);
const isJpeg = (file: File) => file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name);
const isPdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/** Smaller and smaller until one fits: the long edge first, then the quality. */
const ATTEMPTS: { edge: number; quality: number }[] = [
  { edge: IMAGE_MAX_EDGE, quality: 0.85 },
  { edge: IMAGE_MAX_EDGE, quality: 0.72 },
  { edge: 1800, quality: 0.8 },
  { edge: 1280, quality: 0.75 },
];

function encode(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

function renamed(name: string, extension: string): string {
  const base = name.replace(/\.[^.]*$/, '') || '图片';
  return `${base}.${extension}`;
}

/**
 * The image scaled to at most IMAGE_MAX_EDGE on its long edge and re-encoded under the limit: JPEG stays JPEG; PNG and
 * WebP (which may be transparent) try PNG, then WebP, and only as a last resort JPEG on white. Null if nothing fits or
 * the browser cannot decode it.
 */
async function shrinkImage(file: File): Promise<File | null> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => null);
  if (!bitmap) return null;
  try {
    const formats: { type: string; extension: string; opaque?: boolean }[] = isJpeg(file)
      ? [{ type: 'image/jpeg', extension: 'jpg', opaque: true }]
      : [{ type: 'image/png', extension: 'png' }, { type: 'image/webp', extension: 'webp' }, { type: 'image/jpeg', extension: 'jpg', opaque: true }];
    for (const { edge, quality } of ATTEMPTS) {
      const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) return null;
      for (const format of formats) {
        context.clearRect(0, 0, canvas.width, canvas.height);
        if (format.opaque) {
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, canvas.width, canvas.height);
        }
        context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        const blob = await encode(canvas, format.type, quality);
        // A browser that cannot write the format hands back PNG instead: skip it.
        if (blob && blob.type === format.type && blob.size <= IMAGE_MAX_BYTES) {
          return new File([blob], renamed(file.name, format.extension), { type: format.type, lastModified: file.lastModified });
        }
      }
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** The file to send, or why it is refused; no byte is uploaded for a refused file. The server checks everything again. */
export async function prepareUpload(file: File): Promise<TPrepared> {
  if (isRaster(file)) {
    if (file.size <= IMAGE_MAX_BYTES) return { ok: true, file, isShrunk: false };
    const smaller = await shrinkImage(file);
    if (smaller) return { ok: true, file: smaller, isShrunk: true };
    return { ok: false, message: `图片不能超过 ${IMAGE_LIMIT_LABEL}（本图 ${formatFileSize(file.size)}），且无法在本机压缩，请缩小后再上传` };
  }
  if (file.size > PDF_MAX_BYTES) {
    return { ok: false, message: `${isPdf(file) ? 'PDF 文件' : '文件'}不能超过 ${PDF_LIMIT_LABEL}（本文件 ${formatFileSize(file.size)}），未上传` };
  }
  return { ok: true, file, isShrunk: false };
}
