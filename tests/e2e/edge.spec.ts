import http from 'node:http';
import net from 'node:net';
import { baseURL } from '../../playwright.config';
import { serverActions } from './support/app-manifest';
import { expect, test } from './support/test';

// The server in front of Next (scripts/lib/edge.mjs), tried with raw HTTP as an attacker would: server-action posts
// that Next answered with a 500 (cross-site Origin, undecodable body, body over 6 MB, which also left the rest of the
// body on a keep-alive connection to be read as the next request) and forwarded headers sent by the client itself.

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

/**
 * One raw connection, as a keep-alive client would use it: a POST whose body is over the limit, declared (Content-Length)
 * or streamed chunked a MB at a time (8 MB). Resolves with everything the server sent once it closes the connection
 * (or after 15 s, when it neither answers nor closes).
 */
function oversize(path: string, headers: string, mode: 'declared' | 'streamed'): Promise<{ received: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    let closedByServer = false;
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('end', () => (closedByServer = true));
    socket.on('close', () => resolve({ received, closedByServer }));
    const start = `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${headers}`;
    if (mode === 'declared') {
      socket.write(`${start}Content-Length: ${LIMIT + 1}\r\n\r\n`);
      socket.write(Buffer.alloc(LIMIT + 1, 0x20));
    } else {
      socket.write(`${start}Transfer-Encoding: chunked\r\n\r\n`);
      const megabyte = Buffer.alloc(1024 * 1024, 0x20);
      for (let index = 0; index < 8; index++) socket.write(Buffer.concat([Buffer.from(`${megabyte.length.toString(16)}\r\n`), megabyte, Buffer.from('\r\n')]));
      socket.write('0\r\n\r\n');
    }
    setTimeout(() => socket.destroy(), 15_000);
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

test('a body over 6 MB is refused with 413 and Connection: close, declared or streamed; the rest is never read as a request', async () => {
  const multipart = `Origin: ${baseURL}\r\nContent-Type: multipart/form-data; boundary=zzz\r\n`;
  const action = `Origin: ${baseURL}\r\nNext-Action: ${similarNames().id}\r\nContent-Type: text/plain;charset=UTF-8\r\n`;
  for (const [headers, mode] of [[multipart, 'declared'], [multipart, 'streamed'], [action, 'declared'], [action, 'streamed']] as const) {
    const { received, closedByServer } = await oversize('/applications', headers, mode);
    // One answer, the 413, then the server closes: nothing of the body can be read as a next request.
    expect(received.match(/HTTP\/1\.1 \d+/g), `${mode} ${headers}`).toEqual(['HTTP/1.1 413']);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
    expect(closedByServer).toBe(true);
  }
  // A keep-alive client opens a new connection after the close, and is answered at once.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  expect((await send({ path: '/api/health', agent })).status).toBe(200);
  const refused = await send({ method: 'POST', path: similarNames().page, headers: { ...actionHeaders(), 'Content-Length': LIMIT + 1 }, body: Buffer.alloc(LIMIT + 1, 0x20), agent });
  expect([refused.status, refused.headers.connection]).toEqual([413, 'close']);
  const after = await send({ path: '/api/health', agent });
  expect([after.status, after.body]).toEqual([200, '{"ok":true}']);
  agent.destroy();
});

/**
 * A client that sends the whole body before it reads anything (reading paused until the last byte is handed over):
 * resolves with what the server sent until it closed, or fails with the error that came first (ECONNRESET or EPIPE:
 * the reset that destroyed the 413 when the server closed while the body was still arriving).
 */
function postWhole(path: string, body: { declared: number } | { chunked: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    socket.pause();
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => resolve(received));
    socket.setTimeout(60_000, () => socket.destroy(new Error('no answer within 60 s')));
    const head = `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${baseURL}\r\nNext-Action: ${similarNames().id}\r\nContent-Type: text/plain;charset=UTF-8\r\n`;
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    const pieces: Buffer[] = [];
    if ('declared' in body) {
      pieces.push(Buffer.from(`${head}Content-Length: ${body.declared}\r\n\r\n`));
      for (let sent = 0; sent < body.declared; sent += megabyte.length) pieces.push(megabyte.subarray(0, Math.min(megabyte.length, body.declared - sent)));
    } else {
      pieces.push(Buffer.from(`${head}Transfer-Encoding: chunked\r\n\r\n`));
      for (let sent = 0; sent < body.chunked; sent += megabyte.length) pieces.push(Buffer.from(`${megabyte.length.toString(16)}\r\n`), megabyte, Buffer.from('\r\n'));
      pieces.push(Buffer.from('0\r\n\r\n'));
    }
    const last = pieces.pop()!;
    for (const piece of pieces) socket.write(piece);
    socket.write(last, () => socket.resume());
  });
}

test('a client that sends an 18 MB body whole reads the 413, declared or chunked, every time', async () => {
  test.setTimeout(120_000);
  const MB = 1024 * 1024;
  const cases = [{ declared: 18 * MB + 1 }, { declared: 18_000_000 }, { declared: 20 * MB }, { chunked: 20 * MB }, { chunked: 8 * MB }];
  for (const body of cases) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const received = await postWhole('/applications', body);
      expect([received.match(/^HTTP\/1\.1 \d+/)?.[0], /\r\nConnection: close\r\n/i.test(received), received.endsWith('提交的内容过大')], `${JSON.stringify(body)}, attempt ${attempt}`).toEqual(['HTTP/1.1 413', true, true]);
    }
  }
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
