// The HTTP server for `npm run dev` and `npm start`: Next.js behind Node's http server, so the client address comes
// from the socket, and the edge (scripts/lib/edge.mjs) sees every request before Next: forwarded headers only from a
// trusted proxy (TRUST_PROXY=1), NUL and bidi controls removed from the URL, HSTS over HTTPS, and server-action
// requests Next would answer with a 500 refused with 400/403/413.
import http from 'node:http';
import next from 'next';
import { edgeHandler } from './lib/edge.mjs';
import { createPublicDocuments } from './lib/public-documents.mjs';

export async function startNextServer({ dev, port, hostname = '0.0.0.0' }) {
  const app = next({ dev, port, hostname, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  // 品牌风采 pages go out without Next's client runtime and are answered from memory once rendered
  // (scripts/lib/public-documents.mjs); not in dev, where they hydrate like any page.
  const publicDocuments = dev ? null : createPublicDocuments();
  const trustProxy = ['1', 'true'].includes(process.env.TRUST_PROXY ?? '');
  const server = http.createServer(
    edgeHandler({ trustProxy }, (req, res) => {
      if (publicDocuments?.(req, res)) return;
      handle(req, res);
    }),
  );
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  return {
    async close() {
      // The job worker (started by instrumentation.ts in this process) stops first, while the database still runs.
      await globalThis.stopJobWorker?.().catch(() => {});
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
