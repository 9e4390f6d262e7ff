import net from 'node:net';
import { expect, test } from '@playwright/test';
import { PUBLIC_URL } from './support';

// nginx's own rules (deploy/nginx.conf.template), tried with raw HTTP as a client would send it.

const { hostname, port } = new URL(PUBLIC_URL);
const LIMIT = 6 * 1024 * 1024;

/** Sends a POST whose body is over 6 MB on one connection; resolves with what came back once the server closes it. */
function oversize(mode: 'declared' | 'streamed'): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    const start = `POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${PUBLIC_URL}\r\nContent-Type: text/plain;charset=UTF-8\r\n`;
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

test('a body over 6 MB is answered 413 by nginx, and the client reads the answer', async () => {
  for (const mode of ['declared', 'streamed'] as const) {
    const received = await oversize(mode);
    expect(received, mode).toMatch(/^HTTP\/1\.1 413 /);
    // nginx's own page: the body never reached an instance.
    expect(received, mode).toContain('<center>nginx</center>');
  }
});

test('a body under 6 MB passes nginx to the app', async ({ request }) => {
  const response = await request.post('/api/health', { headers: { Origin: PUBLIC_URL, 'Content-Type': 'text/plain' }, data: 'x'.repeat(5 * 1024 * 1024) });
  expect(response.status()).not.toBe(413);
});

test('nginx keeps a public page as its Cache-Control allows, and never a signed-in or private one', async ({ request }) => {
  const first = await request.get('/gallery');
  expect(first.headers()['cache-control']).toContain('s-maxage=');
  const again = await request.get('/gallery');
  expect(['HIT', 'STALE', 'UPDATING']).toContain(again.headers()['x-cache-status']);
  // A session cookie (any value) passes the cache by.
  const signedIn = await request.get('/gallery', { headers: { Cookie: 'next-auth.session-token=x' } });
  expect(signedIn.headers()['x-cache-status']).toBe('BYPASS');
  // The sign-in page is private (no-store): asked again, it is never served from the cache.
  await request.get('/login');
  expect((await request.get('/login')).headers()['x-cache-status']).toBe('MISS');
});
