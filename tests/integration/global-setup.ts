import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres, throwawayRoles } from '../../scripts/lib/pg.mjs';

/**
 * A real, throw-away PostgreSQL for the integration tier: a server from TEST_PG_SERVER_URL (set by
 * scripts/test.mjs) or an embedded one of our own, and a fresh database created and dropped here.
 * Set up like production: migrated by the owner role, the tests (and the code under test) connect as the app role.
 * Test set-up that needs more (migrations, DDL) uses MIGRATE_DATABASE_URL (tests/support/owner-db.ts).
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
  const database = await prepareEmbeddedDatabase({ adminUrl, roles: throwawayRoles(adminUrl) }, name);
  await migrate(database.migrateUrl, { log: () => {}, appRole: database.appRole });
  process.env.DATABASE_URL = database.url;
  process.env.MIGRATE_DATABASE_URL = database.migrateUrl;
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
  process.env.AUTH_DELAY_BASE_MS ??= '1000';
  return async () => {
    await dropDatabase(adminUrl, name);
    await stopServer?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
