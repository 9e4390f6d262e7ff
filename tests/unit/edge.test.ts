import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the production server, no type declarations
import { edgeHandler } from '../../scripts/lib/edge.mjs';

const LIMIT = 1000;

/** Stands in for Next: reads the whole body from the request stream, then describes what it received. */
function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  let size = 0;
  let text = '';
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    text += chunk.toString('utf8');
  });
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, headers: req.headers, size, text: text.slice(0, 200) }));
  });
}

function start(trustProxy: boolean) {
  const server = http.createServer(edgeHandler({ trustProxy, actionBodyLimit: LIMIT }, fakeNext));
  return new Promise<{ server: http.Server; port: number }>((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

type TReply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[]; agent?: http.Agent }): Promise<TReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The server may close while a refused body is still being sent; the answer was already read.
    req.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    req.setTimeout(5000, () => req.destroy(new Error('timed out')));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

/** Sends raw bytes on a fresh socket and returns everything received until the server closes or goes quiet. */
function raw(port: number, bytes: string, { end = true } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (end ? socket.end(Buffer.from(bytes, 'latin1')) : socket.write(Buffer.from(bytes, 'latin1'))));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('close', () => resolve(received));
    setTimeout(() => socket.destroy(), 2000);
  });
}

const action = (port: number) => ({ 'Next-Action': 'a'.repeat(42), Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'text/plain;charset=UTF-8' });

let plain: { server: http.Server; port: number };
let proxied: { server: http.Server; port: number };
beforeAll(async () => {
  plain = await start(false);
  proxied = await start(true);
});
afterAll(async () => {
  await Promise.all([plain, proxied].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

describe('edge: the URL', () => {
  it('removes percent-encoded NUL and bidi controls from the path and the query (Node refuses them raw)', async () => {
    const seen = JSON.parse((await request(plain.port, { path: '/admin/audit%00?actor=ad%00min&q=%E2%80%AEabc%e2%81%a6&x=%2500&y=%E2%80%A%00E1' })).body);
    expect(seen.url).toBe('/admin/audit?actor=admin&q=abc&x=%2500&y=1');
    const response = await raw(plain.port, `GET /search?q=a\u00E2\u0080\u00AEb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1.1 400 /);
  });

  it('answers a path with broken percent-encoding with 400', async () => {
    expect((await request(plain.port, { path: '/gallery/%E0%A4%A' })).status).toBe(400);
  });
});

describe('edge: forwarded headers', () => {
  const spoofed = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '6.6.6.6', Forwarded: 'for=6.6.6.6', 'x-middleware-subrequest': 'middleware' };

  it('drops X-Forwarded-* and Forwarded without TRUST_PROXY and takes the address from the socket; no HSTS', async () => {
    const reply = await request(plain.port, { path: '/', headers: spoofed });
    const { headers } = JSON.parse(reply.body);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-host']).toBeUndefined();
    expect(headers['x-forwarded-proto']).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-middleware-subrequest']).toBeUndefined();
    expect(reply.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps them from a trusted proxy and sends HSTS when the proxy says HTTPS', async () => {
    const reply = await request(proxied.port, { path: '/', headers: spoofed });
    const { headers } = JSON.parse(reply.body);
    expect(headers['x-forwarded-for']).toBe('6.6.6.6');
    expect(headers['x-forwarded-host']).toBe('evil.example');
    expect(headers['x-middleware-subrequest']).toBeUndefined();
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
    const overHttp = await request(proxied.port, { path: '/', headers: { 'X-Forwarded-Proto': 'http' } });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('edge: next-auth callback-url cookies', () => {
  const GARBAGE = ['%00%ff<script>', '%00', 'garbage', ' /login', 'javascript:alert(1)', 'https://evil.example/x', '//evil.example', '/%5Cevil.example', '"/login"', `/${'a'.repeat(3000)}`, '%E2%80%AE/x'];

  it('removes an unusable one, plain or __Secure-, from the request and clears it in the browser; other cookies stay', async () => {
    for (const name of ['next-auth.callback-url', '__Secure-next-auth.callback-url']) {
      for (const value of GARBAGE) {
        const reply = await request(plain.port, { path: '/api/auth/session', headers: { Cookie: `a=1; ${name}=${value}; next-auth.session-token=t` } });
        expect(JSON.parse(reply.body).headers.cookie, `${name}=${value.slice(0, 40)}`).toBe('a=1; next-auth.session-token=t');
        const cleared = `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`;
        expect(reply.headers['set-cookie']).toEqual([cleared]);
      }
    }
    const alone = await request(plain.port, { path: '/login', headers: { Cookie: 'next-auth.callback-url=%00' } });
    expect(JSON.parse(alone.body).headers.cookie).toBeUndefined();
  });

  it('keeps a path on this site and a URL of this host (as next-auth writes it), and from a trusted proxy one of its forwarded host', async () => {
    const keep = ['%2Fapplications%3Fq%3D1', '/login', `http%3A%2F%2F127.0.0.1%3A${plain.port}%2Fdashboard`];
    for (const value of keep) {
      const reply = await request(plain.port, { path: '/api/auth/session', headers: { Cookie: `next-auth.callback-url=${value}` } });
      expect(JSON.parse(reply.body).headers.cookie).toBe(`next-auth.callback-url=${value}`);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    const viaProxy = await request(proxied.port, { path: '/api/auth/session', headers: { 'X-Forwarded-Host': 'dj.example.cn', Cookie: '__Secure-next-auth.callback-url=https%3A%2F%2Fdj.example.cn%2Fdashboard' } });
    expect(JSON.parse(viaProxy.body).headers.cookie).toBe('__Secure-next-auth.callback-url=https%3A%2F%2Fdj.example.cn%2Fdashboard');
    // Without a trusted proxy the forwarded host is dropped first: the URL is not of this host.
    const forged = await request(plain.port, { path: '/api/auth/session', headers: { 'X-Forwarded-Host': 'dj.example.cn', Cookie: 'next-auth.callback-url=https%3A%2F%2Fdj.example.cn%2F' } });
    expect(JSON.parse(forged.body).headers.cookie).toBeUndefined();
  });
});

describe('edge: server actions', () => {
  it('passes a well-formed action on with its whole body', async () => {
    const body = JSON.stringify([{ name: '党建'.repeat(100) }]);
    const reply = await request(plain.port, { method: 'POST', path: '/applications', headers: action(plain.port), body });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).size).toBe(Buffer.byteLength(body));
  });

  it('refuses a cross-site or unparseable Origin with 403 and closes the connection', async () => {
    for (const origin of ['https://evil.example', '::not a url', 'null']) {
      const reply = await request(plain.port, { method: 'POST', path: '/applications', headers: { ...action(plain.port), Origin: origin }, body: '[]' });
      expect(reply.status).toBe(403);
      expect(reply.headers.connection).toBe('close');
      expect(reply.body).toBe('请求来源不被允许');
    }
    // A forwarded host is believed only from a trusted proxy.
    const forged = await request(plain.port, { method: 'POST', path: '/applications', headers: { ...action(plain.port), Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' }, body: '[]' });
    expect(forged.status).toBe(403);
    const viaProxy = await request(proxied.port, { method: 'POST', path: '/applications', headers: { ...action(proxied.port), Origin: 'https://dj.example.cn', 'X-Forwarded-Host': 'dj.example.cn' }, body: '[]' });
    expect(viaProxy.status).toBe(200);
  });

  it('refuses a body that is neither JSON nor a well-formed form with 400', async () => {
    const port = plain.port;
    expect((await request(port, { method: 'POST', path: '/x', headers: action(port), body: '{"unterminated' })).status).toBe(400);
    const multipart = { ...action(port), 'Content-Type': 'multipart/form-data; boundary=zzz' };
    expect((await request(port, { method: 'POST', path: '/x', headers: multipart, body: 'garbage' })).status).toBe(400);
    const noNextAction = { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'multipart/form-data' };
    expect((await request(port, { method: 'POST', path: '/x', headers: noNextAction, body: 'garbage' })).status).toBe(400);
    const wellFormed = '--zzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--zzz--\r\n';
    expect((await request(port, { method: 'POST', path: '/x', headers: multipart, body: wellFormed })).status).toBe(200);
  });

  it('refuses what React cannot decode: references to missing rows, bad BigInts, streams, nesting deeper than 64', async () => {
    const port = plain.port;
    const post = async (body: string, headers: Record<string, string> = action(port)) => (await request(port, { method: 'POST', path: '/x', headers, body })).status;
    for (const body of ['["$@7"]', '[{"a":"$Q3"}]', '["$n1x"]', '["$R1"]', '["$T"]', '["$"]', '["$1:a"]', `${'['.repeat(100)}${']'.repeat(100)}`]) expect(await post(body), body).toBe(400);
    expect(await post('["$$ok", "$D2020-01-01", "$undefined", "$NaN", "$-0", "$n-12", "$K1", {"nested": [[["x"]]]}]')).toBe(200);
    const multipart = { ...action(port), 'Content-Type': 'multipart/form-data; boundary=zzz' };
    const part = (name: string, value: string, file = '') => `--zzz\r\nContent-Disposition: form-data; name="${name}"${file && `; filename="${file}"`}\r\n\r\n${value}\r\n`;
    expect(await post(`${part('0', '["$@1", "$K2"]')}${part('1', '{"a":"$Q3"}')}${part('3', '[]')}${part('2_file', 'x', 'a.pdf')}--zzz--\r\n`, multipart)).toBe(200);
    expect(await post(`${part('0', '["$@1"]')}${part('1', '{"a":"$Q3"}')}--zzz--\r\n`, multipart)).toBe(400);
    expect(await post(`${part('0', '["$K1"]')}${part('1_file', 'x', 'a\u0000b.pdf')}--zzz--\r\n`, multipart)).toBe(400);
  });

  it('refuses a body over the limit with 413 once it has been read (declared or streamed), and the connection can be replaced at once', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const port = plain.port;
    expect((await request(port, { path: '/first', agent })).status).toBe(200);
    const declared = await request(port, { method: 'POST', path: '/x', headers: { ...action(port), 'Content-Length': LIMIT + 1 }, body: 'x'.repeat(LIMIT + 1), agent });
    expect([declared.status, declared.headers.connection]).toEqual([413, 'close']);
    expect((await request(port, { path: '/after-declared', agent })).status).toBe(200);
    const streamed = await request(port, { method: 'POST', path: '/x', headers: action(port), chunks: [Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)], agent });
    expect([streamed.status, streamed.headers.connection]).toEqual([413, 'close']);
    const after = await request(port, { path: '/after-streamed', agent });
    expect([after.status, JSON.parse(after.body).url]).toEqual([200, '/after-streamed']);
    agent.destroy();
  });

  it('answers a refused body at once, then drains it for a bounded time and amount before closing', async () => {
    const server = http.createServer(edgeHandler({ trustProxy: false, actionBodyLimit: LIMIT, drainLimit: 20_000, drainTimeoutMs: 300 }, fakeNext));
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    /** A client that declares 1 GB and sends `bytesPerTick` every 5 ms; when the answer came and when the server closed. */
    const endless = (bytesPerTick: number) =>
      new Promise<{ answer: string; answeredMs: number; closedMs: number }>((resolve) => {
        const started = Date.now();
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        let answeredMs = -1;
        socket.on('data', (chunk) => {
          answer += chunk.toString('utf8');
          if (answeredMs < 0 && answer.endsWith('提交的内容过大')) answeredMs = Date.now() - started;
        });
        socket.on('error', () => undefined);
        const ticker = setInterval(() => bytesPerTick && socket.writable && socket.write(Buffer.alloc(bytesPerTick, 0x20)), 5);
        socket.on('close', () => {
          clearInterval(ticker);
          resolve({ answer, answeredMs, closedMs: Date.now() - started });
        });
        socket.write(`POST /x HTTP/1.1\r\nHost: x\r\nNext-Action: a\r\nContent-Type: text/plain\r\nContent-Length: ${1024 ** 3}\r\n\r\n`);
        setTimeout(() => socket.destroy(), 5000);
      });
    try {
      // Nothing sent after the headers: the 413 comes at once, the connection closes when the drain time is up.
      const silent = await endless(0);
      expect(silent.answer).toMatch(/^HTTP\/1\.1 413 [^]*\r\nConnection: close\r\n/);
      expect(silent.answer).toMatch(/\r\nContent-Length: 21\r\n/);
      expect(silent.answeredMs).toBeLessThan(250);
      expect(silent.closedMs).toBeGreaterThanOrEqual(290);
      expect(silent.closedMs).toBeLessThan(2000);
      // Sending on and on: the connection closes once the drained amount is passed, well before the drain time.
      const flood = await endless(2000);
      expect(flood.answeredMs).toBeLessThan(250);
      expect(flood.closedMs).toBeLessThan(290);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('leaves route handlers and other POSTs to Next (they have their own limits)', async () => {
    const big = 'x'.repeat(LIMIT * 3);
    expect(JSON.parse((await request(plain.port, { method: 'POST', path: '/api/files', headers: { 'Content-Type': 'multipart/form-data; boundary=z' }, body: big })).body).size).toBe(big.length);
    expect(JSON.parse((await request(plain.port, { method: 'POST', path: '/login', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: big })).body).size).toBe(big.length);
  });
});

describe('edge: a body over the real 6 MB limit is answered 413, and a client that sends all of it reads the 413', () => {
  const MB = 1024 * 1024;
  let real: { server: http.Server; port: number };
  beforeAll(async () => {
    const server = http.createServer(edgeHandler({ trustProxy: false }, fakeNext));
    real = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
  });
  afterAll(() => new Promise((resolve) => real.server.close(resolve)));

  /**
   * A client that sends the whole body before it reads anything (as many HTTP clients do): reading is paused until the
   * last byte is handed to the kernel. Resolves with what the server sent until it closed, or fails with the error that
   * came first: ECONNRESET or EPIPE is the reset that used to destroy the 413 before the client could read it.
   */
  function postWhole(port: number, body: { declared: number } | { chunked: number }): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.pause();
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('error', reject);
      socket.on('end', () => resolve(received));
      socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
      const head = `POST /x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nNext-Action: ${'a'.repeat(42)}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: text/plain;charset=UTF-8\r\n`;
      const megabyte = Buffer.alloc(MB, 0x20);
      const pieces: Buffer[] = [];
      if ('declared' in body) {
        pieces.push(Buffer.from(`${head}Content-Length: ${body.declared}\r\n\r\n`));
        for (let sent = 0; sent < body.declared; sent += MB) pieces.push(megabyte.subarray(0, Math.min(MB, body.declared - sent)));
      } else {
        pieces.push(Buffer.from(`${head}Transfer-Encoding: chunked\r\n\r\n`));
        for (let sent = 0; sent < body.chunked; sent += MB) pieces.push(Buffer.from(`${MB.toString(16)}\r\n`), megabyte, Buffer.from('\r\n'));
        pieces.push(Buffer.from('0\r\n\r\n'));
      }
      const last = pieces.pop()!;
      for (const piece of pieces) socket.write(piece);
      socket.write(last, () => socket.resume());
    });
  }

  const answer = (received: string) => [received.match(/^HTTP\/1\.1 \d+/)?.[0], /\r\nConnection: close\r\n/i.test(received), received.includes('提交的内容过大')];

  it('answers a body declared with Content-Length over the limit (18 MB and more) with 413, every time', async () => {
    for (const size of [18 * MB + 1, 18_000_000, 20 * MB, 7 * MB]) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(answer(await postWhole(real.port, { declared: size })), `${size} bytes, attempt ${attempt}`).toEqual(['HTTP/1.1 413', true, true]);
      }
    }
  });

  it('answers a chunked body that passes the limit mid-stream with 413, every time', async () => {
    for (const size of [20 * MB, 8 * MB]) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(answer(await postWhole(real.port, { chunked: size })), `${size} bytes chunked, attempt ${attempt}`).toEqual(['HTTP/1.1 413', true, true]);
      }
    }
  });
});
