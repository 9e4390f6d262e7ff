// The HTTP server for `npm run dev` and `npm start`: Next.js behind Node's http server, so the
// client address comes from the socket. X-Forwarded-For is overwritten unless TRUST_PROXY=1.
import http from 'node:http';
import next from 'next';
import { createPublicPageCache } from './lib/public-page-cache.mjs';

export async function startNextServer({ dev, port, hostname = '0.0.0.0' }) {
  const app = next({ dev, port, hostname, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  // 品牌风采 pages are answered from memory once rendered (see scripts/lib/public-page-cache.mjs); not in dev.
  const pageCache = dev ? null : createPublicPageCache();
  const trustProxy = ['1', 'true'].includes(process.env.TRUST_PROXY ?? '');
  const server = http.createServer((req, res) => {
    const socketIp = req.socket.remoteAddress ?? '127.0.0.1';
    if (!trustProxy || !req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = socketIp;
    // Internal Next headers must never come from outside (CVE-2025-29927 class of bypass).
    delete req.headers['x-middleware-subrequest'];
    if (pageCache?.(req, res)) return;
    handle(req, res);
  });
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
