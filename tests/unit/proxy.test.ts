import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES } from '@/lib/http/body-limit.mjs';
import { cleanRequestTarget, isDecodableReply } from '@/lib/http/edge';
import { edgeProxy } from '@/proxy';

const proxy = (req: NextRequest, trustProxy = false) => edgeProxy(req, { trustProxy });

// proxy.ts, called as Next calls it: a NextRequest in, a NextResponse out. The request headers it passes on to the
// page are in `x-middleware-request-*` headers of the response, a rewrite's target in `x-middleware-rewrite`.

const ORIGIN = 'http://dj.example.cn';

function request(target: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  const options = { method: init.method ?? 'GET', headers: { host: 'dj.example.cn', ...init.headers }, body: init.body, duplex: 'half' };
  return new NextRequest(new URL(target, ORIGIN), options as ConstructorParameters<typeof NextRequest>[1]);
}

/** What the page receives of one request header after the proxy. */
const passedOn = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

const action = { 'next-action': 'a'.repeat(42), origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' };
const post = (body: BodyInit, headers: Record<string, string> = action, path = '/applications') => proxy(request(path, { method: 'POST', headers, body }));

describe('proxy: the URL', () => {
  it('removes percent-encoded NUL and bidi controls from the path and the query, hidden ones too', async () => {
    expect(cleanRequestTarget('/admin/audit%00?actor=ad%00min&q=%E2%80%AEabc%e2%81%a6&x=%2500&y=%E2%80%A%00E1')).toBe('/admin/audit?actor=admin&q=abc&x=%2500&y=1');
    const response = await proxy(request('/gallery?q=%E2%80%AE%00abc'));
    expect(new URL(response.headers.get('x-middleware-rewrite')!).search).toBe('?q=abc');
    const clean = await proxy(request('/gallery?q=abc'));
    expect(clean.headers.get('x-middleware-rewrite')).toBeNull();
    expect(clean.headers.get('x-middleware-next')).toBe('1');
  });

  it('sends the unfiltered 品牌风采 and /demo to their cached pages, and a filtered list, a POST or another page nowhere', async () => {
    const rewrittenTo = async (target: string, method = 'GET') => {
      const rewrite = (await proxy(request(target, { method }))).headers.get('x-middleware-rewrite');
      return rewrite && new URL(rewrite).pathname + new URL(rewrite).search;
    };
    expect(await rewrittenTo('/gallery')).toBe('/gallery/page/1');
    expect(await rewrittenTo('/gallery?page=3')).toBe('/gallery/page/3?page=3');
    expect(await rewrittenTo('/gallery?_rsc=x1')).toBe('/gallery/page/1?_rsc=x1');
    expect(await rewrittenTo('/gallery', 'HEAD')).toBe('/gallery/page/1');
    expect(await rewrittenTo('/demo')).toBe('/demo/all');
    for (const target of ['/gallery?page=0', '/gallery?page=02', '/gallery?page=10000', '/gallery?page=2&year=2025', '/gallery?q=', '/gallery/abc', '/demo/sites/x']) {
      expect(await rewrittenTo(target), target).toBeNull();
    }
    expect(await rewrittenTo('/gallery', 'POST')).toBeNull();
    // A NUL is removed first: /gallery?page=2%00 is page 2.
    expect(await rewrittenTo('/gallery?page=2%00')).toBe('/gallery/page/2?page=2');
  });

  it('answers a path with broken percent-encoding with 400', async () => {
    const response = await proxy(request('/gallery/%E0%A4%A'));
    expect([response.status, await response.text()]).toEqual([400, '网址格式不正确']);
  });
});

describe('proxy: forwarded headers', () => {
  const spoofed = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'for=6.6.6.6' };

  it('without TRUST_PROXY the host and protocol are the request’s own; no HSTS', async () => {
    const response = await proxy(request('/', { headers: spoofed }));
    expect(passedOn(response, 'x-forwarded-host')).toBe('dj.example.cn');
    expect(passedOn(response, 'x-forwarded-proto')).toBe('http');
    expect(response.headers.get('x-middleware-override-headers')).not.toContain('forwarded,');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('behind a trusted proxy keeps them and sends HSTS over HTTPS only', async () => {
    const response = await proxy(request('/', { headers: spoofed }), true);
    expect(passedOn(response, 'x-forwarded-host')).toBe('evil.example');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const overHttp = await proxy(request('/', { headers: { 'x-forwarded-proto': 'http' } }), true);
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('proxy: next-auth callback-url cookies', () => {
  const GARBAGE = ['%00%ff<script>', '%00', 'garbage', ' /login', 'javascript:alert(1)', 'https://evil.example/x', '//evil.example', '/%5Cevil.example', `/${'a'.repeat(3000)}`, '%E2%80%AE/x'];

  it('removes an unusable one, plain or __Secure-, and clears it in the browser; other cookies stay byte for byte', async () => {
    for (const name of ['next-auth.callback-url', '__Secure-next-auth.callback-url']) {
      for (const value of GARBAGE) {
        const response = await proxy(request('/api/auth/session', { headers: { cookie: `a=1%2C2; ${name}=${value}; next-auth.session-token=t` } }));
        expect(passedOn(response, 'cookie'), `${name}=${value.slice(0, 40)}`).toBe('a=1%2C2; next-auth.session-token=t');
        const cleared = `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`;
        expect(response.headers.get('set-cookie')).toBe(cleared);
      }
    }
  });

  it('keeps a path on this site and a URL of this host', async () => {
    for (const value of ['%2Fdashboard', 'http%3A%2F%2Fdj.example.cn%2Fadmin']) {
      const response = await proxy(request('/api/auth/session', { headers: { cookie: `next-auth.callback-url=${value}` } }));
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(passedOn(response, 'cookie')).toBe(`next-auth.callback-url=${value}`);
    }
  });
});

describe('proxy: server actions', () => {
  it('passes a well-formed action on', async () => {
    const response = await post(JSON.stringify([{ name: '党建' }]));
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('refuses a cross-site or unparseable Origin with 403, also with a forged X-Forwarded-Host', async () => {
    const forged: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'not a url' }, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }];
    for (const headers of forged) {
      const response = await post('[]', { ...action, ...headers });
      expect([response.status, response.headers.get('connection'), await response.text()]).toEqual([403, 'close', '请求来源不被允许']);
    }
  });

  it('refuses a body over the limit with 413, declared or found', async () => {
    const declared = await proxy(request('/applications', { method: 'POST', headers: { ...action, 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1) }, body: 'x' }));
    expect([declared.status, await declared.text()]).toEqual([413, '提交的内容过大']);
    const found = await post('x'.repeat(ACTION_BODY_LIMIT_BYTES + 1));
    expect(found.status).toBe(413);
  });

  it('refuses a body that is neither JSON nor a well-formed form with 400', async () => {
    expect((await post('{"unterminated')).status).toBe(400);
    const multipart = { ...action, 'content-type': 'multipart/form-data; boundary=zzz' };
    expect((await post('garbage', multipart)).status).toBe(400);
    expect((await post('garbage', { origin: ORIGIN, 'content-type': 'multipart/form-data' })).status).toBe(400);
    const form = `--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--zzz\r\nContent-Disposition: form-data; name="1_name"\r\n\r\n党建\r\n--zzz--\r\n`;
    expect((await post(form, multipart)).headers.get('x-middleware-next')).toBe('1');
  });

  it('refuses what React cannot decode: references to missing rows, bad BigInts, streams, nesting deeper than 64', async () => {
    for (const body of ['["$@7"]', '[{"a":"$Q3"}]', '["$n1x"]', '["$R1"]', '["$T"]', '["$"]', '["$1:a"]', `${'['.repeat(100)}${']'.repeat(100)}`]) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect(isDecodableReply(new Map([['0', '["$$ok", "$D2020-01-01", "$undefined", "$NaN", "$-0", "$n-12", "$K1", {"nested": [[["x"]]]}]']]))).toBe(true);
  });

  it('leaves route handlers and plain form posts to Next (they have their own limits)', async () => {
    const big = 'x'.repeat(ACTION_BODY_LIMIT_BYTES + 10);
    const upload = await proxy(request('/api/files', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=z' }, body: big }));
    expect(upload.headers.get('x-middleware-next')).toBe('1');
    const login = await proxy(request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big }));
    expect(login.headers.get('x-middleware-next')).toBe('1');
  });
});
