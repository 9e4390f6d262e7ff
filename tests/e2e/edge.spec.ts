import http from 'node:http';
import { baseURL } from '../../playwright.config';
import { serverActions } from './support/app-manifest';
import { expect, test } from './support/test';

// proxy.ts (lib/http/edge.ts) in front of Next's own server, tried with raw HTTP as an attacker would: server-action
// posts that Next answered with a 500 (cross-site Origin, undecodable body, body over 6 MB) and forwarded headers sent
// by the client itself. What needs the socket (a streamed oversize body read to its end so the client reads the 413,
// the client address) is nginx's: the cluster tier tries it through nginx.

const { hostname, port } = new URL(baseURL);
const LIMIT = 6 * 1024 * 1024;
/** A harmless action (a name search) and a page that imports it (posted elsewhere, Next forwards it internally). */
const similarNames = () => serverActions().find((entry) => entry.exportedName === 'similarNamesAction')!;

type TReply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string; chunks?: number; agent?: http.Agent }): Promise<TReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent ?? false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may close while a refused body is still being sent; its answer has been read by then.
    req.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s')));
    req.end(options.body);
  });
}

const actionHeaders = () => ({ 'Next-Action': similarNames().id, Origin: baseURL, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' });

test('a server action from another site is refused with 403, also when it forges X-Forwarded-Host', async () => {
  const forged: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' }, { Origin: 'not a url' }];
  for (const headers of forged) {
    const reply = await send({ method: 'POST', path: '/applications', headers: { ...actionHeaders(), ...headers }, body: JSON.stringify([{ name: '党建' }]) });
    expect([reply.status, reply.headers.connection, reply.body]).toEqual([403, 'close', '请求来源不被允许']);
  }
});

test('an upload from another site cannot pass by forging X-Forwarded-Host', async () => {
  const reply = await send({ method: 'POST', path: '/api/files', headers: { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example', 'Content-Type': 'multipart/form-data; boundary=z' }, body: '--z--\r\n' });
  expect(reply.status).toBe(403);
});

test('a server-action body Next cannot decode is refused with 400', async () => {
  const notJson = await send({ method: 'POST', path: '/applications', headers: actionHeaders(), body: '[{"name":' });
  expect([notJson.status, notJson.headers.connection]).toEqual([400, 'close']);
  const brokenForm = await send({ method: 'POST', path: '/applications', headers: { Origin: baseURL, 'Content-Type': 'multipart/form-data; boundary=zzz' }, body: 'garbage' });
  expect(brokenForm.status).toBe(400);
  const noBoundary = await send({ method: 'POST', path: '/login', headers: { ...actionHeaders(), 'Content-Type': 'multipart/form-data' }, body: 'garbage' });
  expect(noBoundary.status).toBe(400);
  // A well-formed call still works.
  const fine = await send({ method: 'POST', path: similarNames().page, headers: actionHeaders(), body: JSON.stringify([{ name: '党建' }]) });
  expect(fine.status).toBe(200);
  expect(fine.body).toContain('"ok":false');
});

test('a server-action body declared over 6 MB is refused with 413 before Next reads it (nginx refuses it first in production)', async () => {
  const refused = await send({ method: 'POST', path: similarNames().page, headers: { ...actionHeaders(), 'Content-Length': LIMIT + 1 }, body: Buffer.alloc(LIMIT + 1, 0x20) });
  expect([refused.status, refused.body]).toEqual([413, '提交的内容过大']);
  expect((await send({ path: '/api/health' })).status).toBe(200);
});

test('an unusable next-auth callback-url cookie, plain or __Secure-, never gives a 500 nor a way off-site; nor does a bad callbackUrl', async () => {
  const values = ['%00%ff<script>', '%00', 'garbage', 'javascript:alert(1)', 'https://evil.example/x', '//evil.example', `/${'a'.repeat(3000)}`];
  const requests: { method: 'GET' | 'POST'; path: string }[] = [
    { method: 'GET', path: '/api/auth/session' },
    { method: 'GET', path: '/api/auth/csrf' },
    { method: 'GET', path: '/api/auth/providers' },
    { method: 'GET', path: '/api/auth/signin' },
    { method: 'GET', path: '/api/auth/signout' },
    { method: 'GET', path: '/login' },
    { method: 'POST', path: '/api/auth/signin/credentials' },
    { method: 'POST', path: '/api/auth/callback/credentials' },
    { method: 'POST', path: '/api/auth/signout' },
  ];
  const isOnSite = (location: string) => location.startsWith(`${baseURL}/`) || (location.startsWith('/') && !location.startsWith('//'));
  const failures: string[] = [];
  for (const name of ['next-auth.callback-url', '__Secure-next-auth.callback-url']) {
    for (const value of values) {
      for (const { method, path } of requests) {
        const form: Record<string, string> = method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL } : {};
        const reply = await send({ method, path, headers: { ...form, Cookie: `${name}=${value}` }, body: method === 'POST' ? 'csrfToken=x&json=true' : undefined });
        const label = `${method} ${path} with ${name}=${value.slice(0, 30)}`;
        if (reply.status >= 500) failures.push(`${label} → ${reply.status}`);
        if (reply.headers.location && !isOnSite(reply.headers.location)) failures.push(`${label} → Location ${reply.headers.location}`);
        if (/^application\/json/.test(reply.headers['content-type'] ?? '') && reply.body.includes('"url"') && !isOnSite(JSON.parse(reply.body).url)) failures.push(`${label} → url ${reply.body}`);
        if (!reply.headers['set-cookie']?.some((cookie) => cookie.startsWith(`${name}=;`) && /Max-Age=0/i.test(cookie))) failures.push(`${label}: cookie not cleared`);
      }
    }
  }
  // The callbackUrl of a sign-in or sign-out form: never thrown on, never followed off-site.
  for (const callbackUrl of ['garbage', 'https://evil.example/x', '//evil.example', 'javascript:alert(1)', `/${'a'.repeat(3000)}`]) {
    for (const path of ['/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/signout']) {
      const reply = await send({ method: 'POST', path, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL }, body: new URLSearchParams({ csrfToken: 'x', json: 'true', callbackUrl }).toString() });
      const label = `POST ${path} callbackUrl=${callbackUrl.slice(0, 30)}`;
      if (reply.status >= 500) failures.push(`${label} → ${reply.status}`);
      if (reply.headers.location && !isOnSite(reply.headers.location)) failures.push(`${label} → Location ${reply.headers.location}`);
      if (reply.body.includes('"url"') && !isOnSite(JSON.parse(reply.body).url)) failures.push(`${label} → url ${reply.body}`);
    }
  }
  expect(failures).toEqual([]);
});

test('forwarded headers from the client are dropped: no HSTS over plain HTTP', async () => {
  const reply = await send({ path: '/login', headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' } });
  expect(reply.status).toBe(200);
  expect(reply.headers['strict-transport-security']).toBeUndefined();
  expect(reply.body).not.toContain('evil.example');
});
