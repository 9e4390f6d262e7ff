import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { dropDatabase, ensureDatabase, migrate, prepareEmbeddedDatabase, throwawayRoles } from '../../scripts/lib/pg.mjs';
import { createOrg } from '../support/factories';
import { ownerUrl, withOwner } from '../support/owner-db';

// The integration suite runs as the app role (global-setup), like npm run dev and production: these tests pin down
// what that role can and cannot do, so a forgotten grant or a superuser connection fails here.
const ownerRole = decodeURIComponent(new URL(ownerUrl()).username);

let app: pg.Client;
beforeEach(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
});
afterEach(() => app.end());

const dir = mkdtempSync(path.join(os.tmpdir(), 'dj-priv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function auditRow() {
  const org = await createOrg();
  await db.$transaction((tx) => recordAudit(tx, { actorId: null }, { action: 'update-organization', entityType: 'Organization', entityId: org.id }));
  return db.auditLog.findFirstOrThrow({ where: { entityId: org.id } });
}

describe('the app role', () => {
  it('is no superuser, owns no table, sequence, function or type, and cannot become the owner', async () => {
    const { rows } = await app.query(`
      SELECT current_user AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
        (SELECT count(*)::int FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner = r.oid) AS relations,
        (SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proowner = r.oid) AS functions,
        (SELECT count(*)::int FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typowner = r.oid) AS types,
        (SELECT datdba = r.oid FROM pg_database WHERE datname = current_database()) AS owns_database,
        pg_has_role(current_user, $1, 'MEMBER') AS in_owner_role
      FROM pg_roles r WHERE r.rolname = current_user`, [ownerRole]);
    expect(rows[0]).toEqual({
      role: 'dangjian_app',
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      rolreplication: false,
      relations: 0,
      functions: 0,
      types: 0,
      owns_database: false,
      in_owner_role: false,
    });
    const tables = await withOwner((owner) => owner.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [ownerRole]));
    expect(tables.rows[0].n).toBeGreaterThan(30);
    await expect(app.query(`SET ROLE ${ownerRole}`)).rejects.toThrow(/permission denied to set role/);
  });

  it('cannot update, delete or truncate the audit log, nor disable, drop or bypass its triggers', async () => {
    const row = await auditRow();
    const refusals: [string, RegExp][] = [
      [`UPDATE audit_logs SET action = 'forged' WHERE id = ${row.id}`, /permission denied for table audit_logs/],
      [`DELETE FROM audit_logs WHERE id = ${row.id}`, /permission denied for table audit_logs/],
      ['TRUNCATE audit_logs', /permission denied for table audit_logs/],
      ['ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete', /must be owner of table audit_logs/],
      ['ALTER TABLE audit_logs DISABLE TRIGGER ALL', /must be owner of table audit_logs/],
      ['DROP TRIGGER audit_logs_no_update_delete ON audit_logs', /must be owner of (table|relation) audit_logs/],
      ['DROP TABLE audit_logs', /must be owner of table audit_logs/],
      ['ALTER TABLE audit_logs OWNER TO current_user', /must be owner of table audit_logs/],
      [`CREATE OR REPLACE FUNCTION audit_logs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`, /permission denied for schema public/],
      ['SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['CREATE TABLE forged (id int)', /permission denied for schema public/],
    ];
    for (const [sql, error] of refusals) await expect(app.query(sql), sql).rejects.toThrow(error);
    const { rows } = await app.query(
      `SELECT action, (SELECT array_agg(tgenabled::text ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'audit_logs'::regclass AND NOT tgisinternal) AS triggers
       FROM audit_logs WHERE id = $1`,
      [row.id],
    );
    expect(rows).toEqual([{ action: 'update-organization', triggers: ['O', 'O'] }]);
  });

  it('holds exactly the data rights the app needs: audit log INSERT and SELECT, no migrations table, cast_vote only for it', async () => {
    const grants = async (table: string) =>
      (await app.query(`SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = $1 AND grantee = current_user ORDER BY 1`, [table])).rows.map(
        (row) => row.privilege_type,
      );
    expect(await grants('audit_logs')).toEqual(['INSERT', 'SELECT']);
    expect(await grants('organizations')).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    expect(await grants('_app_migrations')).toEqual([]);
    const { rows } = await app.query(`
      SELECT has_function_privilege(current_user, 'cast_vote(text, text, text, text, text, text, text, text)', 'EXECUTE') AS app_executes,
        EXISTS (SELECT 1 FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                WHERE p.proname = 'cast_vote' AND a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_executes,
        has_sequence_privilege(current_user, 'audit_logs_id_seq', 'USAGE') AS uses_sequence,
        has_sequence_privilege(current_user, 'audit_logs_id_seq', 'UPDATE') AS sets_sequence`);
    expect(rows[0]).toEqual({ app_executes: true, public_executes: false, uses_sequence: true, sets_sequence: false });
    await expect(app.query(`SELECT setval('audit_logs_id_seq', 1)`)).rejects.toThrow(/permission denied for sequence audit_logs_id_seq/);
  });

  it('gets the same rights on tables, sequences and functions that later migrations add', async () => {
    mkdirSync(path.join(dir, '9101_later'), { recursive: true });
    writeFileSync(
      path.join(dir, '9101_later', 'migration.sql'),
      `CREATE TABLE later_things (id BIGSERIAL PRIMARY KEY, name text NOT NULL);
       CREATE FUNCTION later_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM later_things';`,
    );
    // Without the grant step (a migration run by hand): the owner's default privileges already cover the new objects.
    await migrate(ownerUrl(), { dir, log: () => {} });
    await app.query(`INSERT INTO later_things (name) VALUES ('一')`);
    expect((await app.query('SELECT later_count() AS n')).rows[0].n).toBe('1');
    await migrate(ownerUrl(), { dir, log: () => {}, appRole: 'dangjian_app' });
    await app.query(`UPDATE later_things SET name = '二'`);
    expect((await app.query('SELECT name FROM later_things')).rows).toEqual([{ name: '二' }]);
    await expect(app.query('ALTER TABLE later_things ADD COLUMN extra int')).rejects.toThrow(/must be owner of table later_things/);
  });
});

describe('an embedded database from before the owner role', () => {
  it('is handed to the owner role: its migrations run as the owner and the app role gets its grants', async () => {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const name = `legacy_${process.pid}_${Date.now()}`;
    await migrate(await ensureDatabase(adminUrl, name), { log: () => {} });
    try {
      const database = await prepareEmbeddedDatabase({ adminUrl, roles: throwawayRoles(adminUrl) }, name);
      await migrate(database.migrateUrl, { log: () => {}, appRole: database.appRole });
      const admin = new pg.Client({ connectionString: `${adminUrl}/${name}` });
      await admin.connect();
      try {
        const { rows } = await admin.query(`
          SELECT (SELECT count(*)::int FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner <> $1::regrole) AS relations,
            (SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proowner <> $1::regrole) AS functions,
            (SELECT count(*)::int FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e' AND typowner <> $1::regrole) AS enums`, [ownerRole]);
        expect(rows[0]).toEqual({ relations: 0, functions: 0, enums: 0 });
      } finally {
        await admin.end();
      }
      const legacyApp = new pg.Client({ connectionString: database.url });
      await legacyApp.connect();
      try {
        expect((await legacyApp.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n).toBe(0);
        await expect(legacyApp.query('TRUNCATE audit_logs')).rejects.toThrow(/permission denied/);
      } finally {
        await legacyApp.end();
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
