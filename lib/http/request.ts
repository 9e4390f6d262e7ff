/**
 * State-changing requests carry the session cookie, so a page on another site must not be able to send one: the
 * browser's Origin must name this host. Requests without Origin (not from a browser form or script) are refused too.
 * X-Forwarded-Host only reaches here from a trusted proxy: proxy.ts sets it to the Host header otherwise.
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
