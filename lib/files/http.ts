import type { TFileKind } from '@/lib/files/check';
import { cleanText } from '@/lib/http/clean';
import { encodeRfc5987 } from '@/lib/http/response';

/**
 * Documents always download; images may show inline. The UTF-8 name goes in filename* (RFC 5987), without bidi
 * controls, so the name a browser saves is the name it shows.
 */
export function contentDisposition(kind: TFileKind, originalName: string, mimeType: string): string {
  const extension = mimeType === 'application/pdf' ? 'pdf' : mimeType === 'image/png' ? 'png' : 'jpg';
  const baseName = cleanText(originalName).replace(/\.[^.]*$/, '');
  const fullName = `${baseName}.${extension}`;
  const asciiName = /^[A-Za-z0-9._ ()-]+$/.test(fullName) ? fullName : `file.${extension}`;
  return `${kind === 'DOCUMENT' ? 'attachment' : 'inline'}; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(fullName)}`;
}
