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

test('forwarded headers from the client are dropped: no HSTS over plain HTTP', async () => {
  const reply = await send({ path: '/login', headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' } });
  expect(reply.status).toBe(200);
  expect(reply.headers['strict-transport-security']).toBeUndefined();
  expect(reply.body).not.toContain('evil.example');
});
