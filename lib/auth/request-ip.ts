/**
 * The client's IP: the last X-Forwarded-For entry. In production nginx sets it to the client's address (deploy/nginx.conf,
 * `proxy_set_header X-Forwarded-For $remote_addr`), and the app's instances are reachable only through it. Without a
 * proxy (npm run dev, the e2e tier) Next fills it from the socket when the client sent none.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return (forwarded || '127.0.0.1').slice(0, 64);
}
