import pg from 'pg';
import { throwawayRoles } from '../../scripts/lib/pg.mjs';

// Runs before every integration test file, in its worker: points DATABASE_URL and MIGRATE_DATABASE_URL at the
// worker's own database, a copy of the migrated template of global-setup.ts made the first time the worker needs it.
// Workers run at the same time and never share a database; files of one worker share it, one after another.

const adminUrl = process.env.TEST_PG_ADMIN_URL;
const template = process.env.TEST_DB_TEMPLATE;
if (!adminUrl || !template) throw new Error('TEST_PG_ADMIN_URL / TEST_DB_TEMPLATE are not set: run the integration tests through vitest (global-setup)');

const name = `${template}_w${process.env.VITEST_POOL_ID ?? '1'}`;
const roles = throwawayRoles(adminUrl);
const admin = new pg.Client({ connectionString: `${adminUrl}/postgres` });
await admin.connect();
try {
  // One copy at a time: a copy reads the template, which must have no other session meanwhile.
  await admin.query('SELECT pg_advisory_lock(727276)');
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)} OWNER ${admin.escapeIdentifier(roles.owner.name)}`);
} finally {
  await admin.end();
}

const { host } = new URL(adminUrl);
const url = (role: { name: string; password: string }) => `postgresql://${encodeURIComponent(role.name)}:${encodeURIComponent(role.password)}@${host}/${name}`;
process.env.DATABASE_URL = url(roles.app);
process.env.MIGRATE_DATABASE_URL = url(roles.owner);
