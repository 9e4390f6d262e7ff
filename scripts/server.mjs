// The HTTP server for `npm run dev` and `npm start`: Next.js behind Node's http server, so the
// client address comes from the socket. X-Forwarded-For is overwritten unless TRUST_PROXY=1.
import http from 'node:http';
import next from 'next';
import { createPublicDocuments } from './lib/public-documents.mjs';

/** False for a path with broken percent-encoding (`/gallery/%E0%A4%A`), which Next answers with a 500 in a dynamic segment. */
function hasDecodablePath(url = '/') {
  const queryAt = url.indexOf('?');
  try {
    decodeURIComponent(queryAt < 0 ? url : url.slice(0, queryAt));
    return true;
  } catch {
    return false;
  }
}

export async function startNextServer({ dev, port, hostname = '0.0.0.0' }) {
  const app = next({ dev, port, hostname, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  // 品牌风采 pages go out without Next's client runtime and are answered from memory once rendered
  // (scripts/lib/public-documents.mjs); not in dev, where they hydrate like any page.
  const publicDocuments = dev ? null : createPublicDocuments();
  const trustProxy = ['1', 'true'].includes(process.env.TRUST_PROXY ?? '');
  const server = http.createServer((req, res) => {
    const socketIp = req.socket.remoteAddress ?? '127.0.0.1';
    if (!trustProxy || !req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = socketIp;
    // Internal Next headers must never come from outside (CVE-2025-29927 class of bypass).
    delete req.headers['x-middleware-subrequest'];
    if (!hasDecodablePath(req.url)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Request');
      return;
    }
    if (publicDocuments?.(req, res)) return;
    handle(req, res);
  });
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
