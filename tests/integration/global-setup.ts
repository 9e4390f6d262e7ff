import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase, migrate, startEmbeddedPostgres } from '../../scripts/lib/pg.mjs';

/**
 * A real, throw-away PostgreSQL for the integration tier: a server from TEST_PG_SERVER_URL (set by
 * scripts/test.mjs) or an embedded one of our own, and a fresh database created and dropped here.
 */
export default async function setup() {
  let adminUrl = process.env.TEST_PG_SERVER_URL;
  let stopServer: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dj-it-'));
    const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), persistent: false });
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  const name = `it_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(adminUrl, name);
  await migrate(url, { log: () => {} });
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
  process.env.AUTH_DELAY_BASE_MS ??= '1000';
  return async () => {
    await dropDatabase(adminUrl, name);
    await stopServer?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
