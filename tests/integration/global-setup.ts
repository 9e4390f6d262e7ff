import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropDatabase, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres, throwawayRoles } from '../../scripts/lib/pg.mjs';

/**
 * A real, throw-away PostgreSQL for the integration tier: a server from TEST_PG_SERVER_URL (set by
 * scripts/test.mjs) or an embedded one of our own. Here one database is created and migrated, set up like production
 * (migrated by the owner role, the tests and the code under test connect as the app role); it is the template of the
 * databases the test workers use, one each (tests/integration/worker-database.ts: CREATE DATABASE … TEMPLATE copies it
 * in well under a second instead of migrating again). Files of one worker run one after another in its database.
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
  process.env.TEST_DB_TEMPLATE = name;
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
  process.env.AUTH_DELAY_BASE_MS ??= '1000';
  return async () => {
    const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${name}_w%`]).finally(() => client.end());
    for (const { datname } of rows) await dropDatabase(adminUrl, datname);
    await dropDatabase(adminUrl, name);
    await stopServer?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
