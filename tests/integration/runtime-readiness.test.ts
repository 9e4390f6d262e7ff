import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { db, getPool } from '@/lib/db';
import { env } from '@/lib/env';
import { checkReadiness, newestMigration } from '@/lib/runtime/readiness';
import { registerShutdown, resetRuntimeForTests, runtimeState, shutdown, type TRuntimeState } from '@/lib/runtime/shutdown';
import { startServerWorker } from '@/lib/worker/start';

// Liveness and readiness on the real database, and the shutdown sequence with the real pool and job worker:
// ready → draining (readiness 503 "draining", requests in flight still reach the database) → stopped.

const BASE = 'http://localhost:3000';
const silentServers: net.Server[] = [];

/** A TCP server that accepts connections and never answers: a database that hangs. */
async function hangingDatabase(): Promise<string> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  server.on('close', () => sockets.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  silentServers.push(server);
  const { port } = server.address() as net.AddressInfo;
  return `postgresql://dangjian_app:not-the-password@127.0.0.1:${port}/dangjian`;
}

afterEach(() => resetRuntimeForTests());
afterAll(() => {
  for (const server of silentServers) server.close();
});

describe('health and readiness', () => {
  it('/api/health answers 200 without the database; /api/ready answers 200 on a migrated database, never cached', async () => {
    const live = await health(new Request(`${BASE}/api/health`));
    expect([live.status, await live.json()]).toEqual([200, { ok: true }]);
    const response = await ready(new Request(`${BASE}/api/ready`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true });
    expect(newestMigration()).toMatch(/^\d{4}_/);
  });

  it('an unreachable database: 503 database-unreachable at once, without the address or the password', async () => {
    const url = 'postgresql://dangjian_app:s3cret-password@127.0.0.1:1/dangjian';
    const started = performance.now();
    const readiness = await checkReadiness({ connectionString: url, timeoutMs: 2000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(readiness).toEqual({ ok: false, reason: 'database-unreachable', message: '数据库无法连接' });
    expect(JSON.stringify(readiness)).not.toMatch(/s3cret|127\.0\.0\.1|dangjian_app/);
  });

  it('a database that does not answer: 503 database-timeout within the timeout', async () => {
    const started = performance.now();
    const readiness = await checkReadiness({ connectionString: await hangingDatabase(), timeoutMs: 300 });
    const elapsed = performance.now() - started;
    expect(readiness).toMatchObject({ ok: false, reason: 'database-timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
  });

  it('a database without this build’s newest migration: 503 migrations-pending', async () => {
    expect(await checkReadiness({ migration: '9999_not_yet_applied' })).toMatchObject({ ok: false, reason: 'migrations-pending' });
    expect(await checkReadiness({ migration: newestMigration() })).toEqual({ ok: true });
    // The app role reads the migrations' names for this, nothing else of the table.
    await expect(db.$queryRawUnsafe('SELECT checksum FROM _app_migrations LIMIT 1')).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe("DELETE FROM _app_migrations WHERE name = 'x'")).rejects.toThrow(/permission denied/);
  });
});

describe('graceful shutdown', () => {
  it('ready → draining (503 draining while the pool still serves) → worker and pool stopped', async () => {
    const worker = await startServerWorker();
    expect(worker).not.toBeNull();
    let workerStopped = false;
    worker!.boss.on('stopped', () => (workerStopped = true));
    const pool = getPool();
    await db.$queryRaw`SELECT 1`;
    expect(runtimeState()).toBe('running');

    const steps: TRuntimeState[] = [];
    const done = shutdown({ drainMs: 400, onStep: (state) => steps.push(state) });
    expect(steps).toEqual(['draining']);
    const response = await ready(new Request(`${BASE}/api/ready`));
    expect([response.status, await response.json()]).toEqual([503, { ok: false, reason: 'draining', message: '正在停止，不再接收新请求' }]);
    // Requests in flight during the drain still reach the database.
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect([pool.ended, workerStopped]).toEqual([false, false]);

    await done;
    expect(steps).toEqual(['draining', 'stopped']);
    expect(runtimeState()).toBe('stopped');
    expect([pool.ended, workerStopped]).toEqual([true, true]);
    // A second signal waits for the same shutdown instead of starting another.
    expect(shutdown()).toBe(done);
    // The next test file gets a fresh pool.
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(getPool()).not.toBe(pool);
  });

  it('SIGTERM starts the shutdown; the handler exits only when no other handler of the signal is installed', async () => {
    const exits: number[] = [];
    registerShutdown((code) => exits.push(code));
    registerShutdown((code) => exits.push(code * 1000));
    const hook = (globalThis as { shutdownGracefully?: () => Promise<void> }).shutdownGracefully;
    expect(hook).toBeTypeOf('function');
    const others = process.listeners('SIGTERM').length - 1;
    process.emit('SIGTERM');
    expect(runtimeState()).toBe('draining');
    expect(env().SHUTDOWN_DRAIN_MS ?? 0).toBe(0);
    await hook!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual(others === 0 ? [143] : []);
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
