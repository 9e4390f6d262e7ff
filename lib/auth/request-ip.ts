/**
 * The client's IP. Our server (scripts/server.mjs) overwrites X-Forwarded-For with the socket address
 * unless TRUST_PROXY=1, in which case the reverse proxy appends the client's address as the last entry.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return (forwarded || '127.0.0.1').slice(0, 64);
}
