import type { TFileKind } from '@/lib/files/check';
import { encodeRfc5987 } from '@/lib/http/response';

/** Documents always download; images may show inline. The UTF-8 name goes in filename* (RFC 5987). */
export function contentDisposition(kind: TFileKind, originalName: string, mimeType: string): string {
  const extension = mimeType === 'application/pdf' ? 'pdf' : mimeType === 'image/png' ? 'png' : 'jpg';
  const baseName = originalName.replace(/\.[^.]*$/, '');
  const fullName = `${baseName}.${extension}`;
  const asciiName = /^[A-Za-z0-9._ ()-]+$/.test(fullName) ? fullName : `file.${extension}`;
  return `${kind === 'DOCUMENT' ? 'attachment' : 'inline'}; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(fullName)}`;
}
