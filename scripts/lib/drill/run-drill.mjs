// The backup and restore drill (issue 22): dump the database and the stored files, restore both into a fresh database
// (a throw-away embedded PostgreSQL) and a fresh folder or bucket, compare, start the app on the copy and check through
// it. Used by `npm run drill` (scripts/drill.mjs) and tests/e2e/backup-drill.spec.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ExplainedError } from '../explained-error.mjs';
import { freePort, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres } from '../pg.mjs';
import { checkApp, startApp } from './app.mjs';
import { compareDatabase, dumpDatabase, restoreDatabase } from './database.mjs';
import { compareStorage, describeStorage, dumpStorage, prepareFreshStorage, removeStorage, restoreStorage, storageEnv } from './storage.mjs';

/** Where the restored files go: a new folder beside the dump, or a new bucket on the source's S3 endpoint. */
function freshStorage(source, workDir, bucket) {
  if (source.driver === 'local') return { driver: 'local', dir: path.join(workDir, 'restored-files') };
  return { ...source, bucket: bucket || `${source.bucket}-drill-${Date.now().toString(36)}`.slice(0, 63) };
}

/** Storage keys the restored database refers to (originals and image variants) that the restored storage lacks. */
async function missingReferencedFiles(adminUrl, restoredKeys) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT storage_key AS key FROM stored_files
       UNION ALL SELECT variant.value ->> 'key' FROM stored_files, jsonb_each(variants) AS variant WHERE variant.value ? 'key'`,
    );
    return { referenced: rows.length, missing: rows.map((row) => row.key).filter((key) => !restoredKeys.has(key)) };
  } finally {
    await client.end();
  }
}

const elapsed = (started) => Math.round((performance.now() - started) / 100) / 10;

/**
 * source: { databaseUrl (a role that reads every table: the owner), storage (storageFromEnv) }.
 * dir: keep the dump there (default: a temporary folder, removed after); format: 'copy' | 'pg_dump' to force one;
 * bucket: the restore's bucket name (S3; default <bucket>-drill-<time>, created and removed by the drill).
 * Returns the report; report.problems lists every difference found (none: the drill passed).
 */
export async function runDrill({ databaseUrl, storage, dir = '', format = '', bucket = '', log = () => {} }) {
  const started = performance.now();
  const workDir = dir ? path.resolve(dir) : mkdtempSync(path.join(os.tmpdir(), 'dj-drill-'));
  // A kept folder (DRILL_DIR) must be empty or one an earlier drill made (marked by drill.json): its leftovers are removed.
  const marker = path.join(workDir, 'drill.json');
  if (existsSync(workDir) && readdirSync(workDir).length && !existsSync(marker)) {
    throw new ExplainedError(`备份目录 ${workDir} 不是空目录，也不是恢复演练建的目录：请换一个空目录。`);
  }
  mkdirSync(workDir, { recursive: true });
  for (const leftover of ['pg', 'restored-files', 'database', 'files']) rmSync(path.join(workDir, leftover), { recursive: true, force: true });
  writeFileSync(marker, JSON.stringify({ startedAt: new Date().toISOString() }));
  const report = { problems: [], seconds: {}, database: {}, files: {}, app: {}, workDir: dir ? workDir : null };
  const step = async (name, work) => {
    const at = performance.now();
    const result = await work();
    report.seconds[name] = elapsed(at);
    return result;
  };
  let server;
  let target;
  let app;
  try {
    log('正在备份数据库…');
    const database = await step('dumpDatabase', () => dumpDatabase({ url: databaseUrl, dir: workDir, format }));
    log('正在备份文件…');
    const files = await step('dumpFiles', () => dumpStorage({ spec: storage, dir: workDir }));
    report.database = {
      format: database.format,
      serverVersion: database.serverVersion,
      migration: database.migrations.at(-1) ?? null,
      tables: database.tables.length,
      rows: Object.values(database.counts).reduce((sum, n) => sum + n, 0),
      auditRows: database.counts['public.audit_logs'] ?? 0,
      newestAudit: database.audit[0]?.createdAt ?? null,
    };
    report.files = {
      source: describeStorage(storage),
      objects: files.objects.length,
      bytes: files.objects.reduce((sum, object) => sum + object.size, 0),
      skipped: files.skipped,
    };

    log('正在恢复到新的数据库…');
    server = await startEmbeddedPostgres({ dir: path.join(workDir, 'pg'), persistent: false });
    const restored = await prepareEmbeddedDatabase(server, 'dangjian_restored');
    await step('restoreDatabase', () => restoreDatabase({ dir: workDir, database: restored }));
    const compared = await step('compareDatabase', () => compareDatabase(database, restored.adminUrl));
    report.problems.push(...compared.problems);

    const fresh = freshStorage(storage, workDir, bucket);
    report.files.target = describeStorage(fresh);
    log(`正在恢复文件到${report.files.target}…`);
    await prepareFreshStorage(fresh);
    target = fresh;
    await step('restoreFiles', () => restoreStorage({ dir: workDir, spec: target, manifest: files }));
    const storageCheck = await step('compareFiles', () => compareStorage({ spec: target, manifest: files }));
    report.problems.push(...storageCheck.problems);
    const referenced = await missingReferencedFiles(restored.adminUrl, new Set(storageCheck.hashes.keys()));
    report.files.referenced = referenced.referenced;
    // When the restored storage equals the dump, a file missing now was already missing in the source's storage.
    const where = storageCheck.problems.length ? '' : '（源存储中本来就没有）';
    for (const key of referenced.missing.slice(0, 10)) report.problems.push(`数据库引用的文件 ${key} 不在恢复后的存储中${where}`);
    if (referenced.missing.length > 10) report.problems.push(`数据库引用而存储中缺少的文件共 ${referenced.missing.length} 个${where}`);

    // A dump of an older version is brought up to this checkout's migrations, as a deployment would; the app role's
    // grants are (re)applied either way.
    await migrate(restored.migrateUrl, { log: () => {}, appRole: restored.appRole });

    log('正在用恢复的数据库和文件启动应用…');
    const secret = randomBytes(32).toString('base64url');
    app = await step('startApp', async () => startApp({ port: await freePort(), env: { DATABASE_URL: restored.url, NEXTAUTH_SECRET: secret, ...storageEnv(target) } }));
    const hashes = new Map(files.objects.map((object) => [object.key, object.sha256]));
    const checked = await step('checkApp', () => checkApp({ url: app.url, databaseUrl: restored.url, secret, hashes }));
    report.problems.push(...checked.problems);
    report.app = { ready: checked.ready, audit: checked.audit, downloads: checked.downloads, admin: checked.admin };
  } finally {
    await app?.stop().catch(() => {});
    await server?.stop().catch(() => {});
    if (target) await removeStorage(target).catch(() => {});
    if (!dir) rmSync(workDir, { recursive: true, force: true });
    report.seconds.total = elapsed(started);
  }
  report.ok = report.problems.length === 0;
  return report;
}
