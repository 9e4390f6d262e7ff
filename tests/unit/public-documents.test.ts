import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the production server, no type declarations
import { classify, createPublicDocuments, withoutClientRuntime } from '../../scripts/lib/public-documents.mjs';

const GENERATION_KEY = Symbol.for('dj.gallery.generation');
const bumpGeneration = () => {
  const holder = globalThis as { [GENERATION_KEY]?: number };
  holder[GENERATION_KEY] = (holder[GENERATION_KEY] ?? 0) + 1;
};

const PAGE = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<script id="text-size-script">document.documentElement.classList.add("text-large")</script>',
  '<script src="/_next/static/chunks/main.js" async=""></script><title>品牌风采</title></head>',
  '<body><main><h1>品牌风采</h1><a href="/gallery/b1">红心驿站</a></main>',
  '<script type="application/ld+json">{"@type":"Organization"}</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"<\\/script>"])</script>',
  '</body></html>',
];

describe('withoutClientRuntime', () => {
  it("removes Next's scripts and script preloads and keeps markup, stylesheet, JSON-LD and the 大字 script", () => {
    const html = withoutClientRuntime(PAGE.join(''));
    expect(html).not.toMatch(/_next\/static\/chunks\/(webpack|module|main)\.js/);
    expect(html).not.toContain('__next_f');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>');
    expect(html).toContain('<script type="application/ld+json">{"@type":"Organization"}</script>');
    expect(html).toContain('<script id="text-size-script">document.documentElement.classList.add("text-large")</script>');
    expect(html).toContain('<main><h1>品牌风采</h1><a href="/gallery/b1">红心驿站</a></main>');
    expect(html).toContain('<title>品牌风采</title>');
  });
});

describe('classify', () => {
  const of = (url: string, headers: Record<string, string> = {}, method = 'GET') => classify({ method, url, headers });
  it('takes plain GETs of the gallery pages and share images, keyed by path and canonical filters', () => {
    expect(of('/gallery')).toEqual({ pathname: '/gallery', key: '/gallery?' });
    expect(of('/gallery?region=%E4%B8%9C&year=2025&utm=x&field=')).toEqual({ pathname: '/gallery', key: '/gallery?year=2025&region=%E4%B8%9C' });
    expect(of('/gallery/abc123')).toEqual({ pathname: '/gallery/abc123', key: '/gallery/abc123?' });
    expect(of('/gallery/abc123/opengraph-image?0f1e2d')?.key).toBe('/gallery/abc123/opengraph-image?0f1e2d=');
    // A search is answered (without the runtime) but not stored.
    expect(of('/gallery?q=%E7%BA%A2')).toEqual({ pathname: '/gallery', key: null });
    expect(of(`/gallery?award=${'x'.repeat(300)}`)?.key).toBeNull();
  });
  it('takes the public demo pages, not their comment forms', () => {
    expect(of('/demo')).toEqual({ pathname: '/demo', key: '/demo?' });
    expect(of('/demo/belts/b1')).toEqual({ pathname: '/demo/belts/b1', key: '/demo/belts/b1?' });
    expect(of('/demo/sites/s1?x=1')).toEqual({ pathname: '/demo/sites/s1', key: '/demo/sites/s1?' });
    expect(of('/demo/sites/s1/comment')).toBeNull();
    expect(of('/demo/other/s1')).toBeNull();
  });
  it("leaves everything else to Next: other paths and methods, Next's own RSC, prefetch and action requests", () => {
    expect(of('/certificates')).toBeNull();
    expect(of('/gallery/a/b/c')).toBeNull();
    expect(of('/gallery', {}, 'POST')).toBeNull();
    expect(of('/gallery', { rsc: '1' })).toBeNull();
    expect(of('/gallery', { 'next-router-prefetch': '1' })).toBeNull();
    expect(of('/gallery', { 'next-action': 'abc' })).toBeNull();
  });
});

describe('createPublicDocuments in front of a handler', () => {
  let server: http.Server;
  let origin = '';
  const renders: string[] = [];
  const seenEncodings: (string | undefined)[] = [];

  beforeAll(async () => {
    const handle = createPublicDocuments();
    // Stands in for Next: writes the page in pieces, like a streamed render, or a 404.
    server = http.createServer((req, res) => {
      if (handle(req, res)) return;
      renders.push(req.url ?? '');
      seenEncodings.push(req.headers['accept-encoding']);
      if (req.url?.startsWith('/gallery/missing')) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end('<html><script src="/x.js"></script>未找到</html>');
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
      res.setHeader('content-security-policy', "default-src 'self'");
      for (const piece of PAGE) res.write(piece);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${origin}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('sends the page without the runtime, stores it, revalidates with the ETag and purges on a new generation', async () => {
    const first = await get('/gallery', { 'accept-encoding': 'gzip, br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(first.body).toString('utf8');
    expect(html).toContain('<h1>品牌风采</h1>');
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain('main.js');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['content-security-policy']).toBe("default-src 'self'");
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.headers['x-page-cache']).toBeUndefined();
    // The handler behind never saw the browser's Accept-Encoding, so it wrote plain text to rewrite.
    expect(seenEncodings.at(-1)).toBeUndefined();

    const plain = await get('/gallery');
    expect(plain.headers['x-page-cache']).toBe('hit');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(html);
    expect(plain.headers.etag).not.toBe(first.headers.etag);
    expect(renders.filter((url) => url === '/gallery')).toHaveLength(1);

    const unchanged = await get('/gallery', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toHaveLength(0);
    expect((await get('/gallery', { 'if-none-match': '"other"' })).status).toBe(200);

    bumpGeneration();
    const fresh = await get('/gallery');
    expect(fresh.headers['x-page-cache']).toBeUndefined();
    expect(renders.filter((url) => url === '/gallery')).toHaveLength(2);
  });

  it('keeps filtered views apart, renders searches every time and passes a 404 through untouched', async () => {
    await get('/gallery?year=2025');
    expect((await get('/gallery?year=2025&utm_source=wx')).headers['x-page-cache']).toBe('hit');
    expect((await get('/gallery?year=2024')).headers['x-page-cache']).toBeUndefined();
    await get('/gallery?q=%E7%BA%A2');
    const search = await get('/gallery?q=%E7%BA%A2');
    expect(search.headers['x-page-cache']).toBeUndefined();
    expect(search.body.toString('utf8')).not.toContain('__next_f');

    const missing = await get('/gallery/missing');
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe('<html><script src="/x.js"></script>未找到</html>');
    expect((await get('/gallery/missing')).headers['x-page-cache']).toBeUndefined();
  });
});
