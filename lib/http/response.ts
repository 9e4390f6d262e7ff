/** RFC 5987 value: encodeURIComponent leaves ' ( ) * ! as they are, which the header syntax does not allow. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A download with a Chinese file name (filename*) and an ASCII fallback for old clients. */
export function attachmentDisposition(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
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

/**
 * The same download, streamed as it is written (long exports). `progress` feeds the download button's progress bar:
 * the rows the file will hold (X-Export-Rows) and a guess of its size (X-Export-Estimate, bytes); a stream has no
 * Content-Length.
 */
export function downloadStreamResponse(
  body: ReadableStream<Uint8Array>,
  format: keyof typeof DOWNLOAD_TYPES,
  name: string,
  asciiFallback: string,
  progress?: { rows: number; estimatedBytes: number },
): Response {
  return new Response(body, {
    headers: {
      'Content-Type': DOWNLOAD_TYPES[format],
      'Content-Disposition': attachmentDisposition(name, asciiFallback),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...(progress && { 'X-Export-Rows': String(progress.rows), 'X-Export-Estimate': String(Math.round(progress.estimatedBytes)) }),
    },
  });
}

/** A JSON answer that no cache keeps. */
export function jsonReply(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** Why a download was refused, as plain text (the links are opened directly, not by scripts). */
export function textRefusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
