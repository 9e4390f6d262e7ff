// Resolves the database for a command. Two connections: `url` (DATABASE_URL) is what the app runs as, `migrateUrl`
// (MIGRATE_DATABASE_URL) what migrations run as; in production the first is a role with data rights only, the second the
// owner of the tables. Neither set: the embedded dev PostgreSQL in .data/, with its own owner and app roles.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ExplainedError } from './explained-error.mjs';
import { ROOT, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres } from './pg.mjs';

export const DATA_DIR = path.join(ROOT, '.data');

const roleOf = (url) => decodeURIComponent(new URL(url).username);

export async function resolveDatabase({ quiet = true, log = console.log } = {}) {
  const appUrl = process.env.DATABASE_URL;
  const migrateUrl = process.env.MIGRATE_DATABASE_URL;
  if (migrateUrl && !appUrl) throw new ExplainedError('设置了 MIGRATE_DATABASE_URL 却没有 DATABASE_URL：DATABASE_URL 是应用运行所用的数据库角色，两者都要设置（见 .env.example）。');
  if (appUrl) {
    const separate = migrateUrl && roleOf(migrateUrl) !== roleOf(appUrl);
    if (!separate) {
      console.warn(
        `警告：没有单独的迁移角色（MIGRATE_DATABASE_URL 未设置或是同一角色），迁移和应用都以数据库角色 ${roleOf(appUrl)} 运行。` +
          '若这个角色拥有数据表，应用就能关闭或绕过审计日志的只追加保护。生产环境请让 MIGRATE_DATABASE_URL 使用数据表的所有者角色、' +
          'DATABASE_URL 使用只有数据权限的角色（见 README「数据库角色」）。',
      );
    }
    return { url: appUrl, migrateUrl: migrateUrl ?? appUrl, appRole: separate ? roleOf(appUrl) : undefined, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, 'pg'), persistent: true, preferredPort: 54329, quiet, log });
  try {
    const database = await prepareEmbeddedDatabase(server, 'dangjian');
    process.env.DATABASE_URL = database.url;
    process.env.MIGRATE_DATABASE_URL = database.migrateUrl;
    return { ...database, embedded: true, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Migrations as the owner, then the app role's grants; warns when the app's role could still undo the database's rules. */
export async function migrateDatabase(db, options = {}) {
  const applied = await migrate(db.migrateUrl, { ...options, appRole: db.appRole }).catch((error) => {
    if (error.code !== '42501') throw error;
    throw new ExplainedError(
      `数据库角色 ${roleOf(db.migrateUrl)} 无权执行迁移（${error.message}）：迁移须以数据表的所有者角色运行，` +
        '请把 MIGRATE_DATABASE_URL 设为该角色的连接串（见 README「数据库角色」）。',
    );
  });
  if (db.appRole && !db.embedded) await warnIfAppRoleOwns(db.url);
  return applied;
}

/** Warns when the app's connection can do what only the owner should: a superuser, or the owner of a table. */
async function warnIfAppRoleOwns(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super,
      (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned`);
    const { role, super: isSuper, owned } = rows[0];
    if (isSuper || owned) {
      console.warn(`警告：应用以数据库角色 ${role} 运行，它${isSuper ? '是超级用户' : `拥有 ${owned} 张数据表`}，可以关闭审计日志的保护触发器。`);
    }
  } finally {
    await client.end();
  }
}

/** A stable secret for local runs, kept in .data/ (never committed). */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(DATA_DIR, 'auth-secret');
  mkdirSync(DATA_DIR, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, 'utf8').trim();
}
