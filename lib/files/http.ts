import type { TFileKind } from '@/lib/files/check';

/**
 * Uploads change state with the session cookie, so a page on another site must not be able to post
 * one: the browser's Origin must name this host. Requests without Origin (not from a browser form or
 * script) are refused too.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads at most `limit` bytes of the body; null when it is larger (the rest is never buffered). */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** RFC 5987 value: encodeURIComponent leaves ' ( ) * ! as they are, which the header syntax does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A download with a Chinese file name (filename*) and an ASCII fallback for old clients. */
export function attachmentDisposition(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Documents always download; images may show inline. The UTF-8 name goes in filename* (RFC 5987). */
export function contentDisposition(kind: TFileKind, originalName: string, mimeType: string): string {
  const extension = mimeType === 'application/pdf' ? 'pdf' : mimeType === 'image/png' ? 'png' : 'jpg';
  const baseName = originalName.replace(/\.[^.]*$/, '');
  const fullName = `${baseName}.${extension}`;
  const asciiName = /^[A-Za-z0-9._ ()-]+$/.test(fullName) ? fullName : `file.${extension}`;
  return `${kind === 'DOCUMENT' ? 'attachment' : 'inline'}; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(fullName)}`;
}

const DOWNLOAD_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** A generated Excel or PDF file as a download, never cached. */
export function downloadResponse(body: Uint8Array, format: keyof typeof DOWNLOAD_TYPES, name: string, asciiFallback: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': DOWNLOAD_TYPES[format],
      'Content-Disposition': attachmentDisposition(name, asciiFallback),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

/** Why a download was refused, as plain text (the links are opened directly, not by scripts). */
export function textRefusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
