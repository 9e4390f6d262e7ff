// The two halves of the backup drill (scripts/lib/drill) on a real PostgreSQL and a real S3-compatible server: a dump
// restored into a fresh database compares equal and keeps the app role's limits, and each comparison notices what a
// broken restore would look like. The whole drill, with the app started on the copy, is tests/e2e/backup-drill.spec.ts.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, migrate, prepareEmbeddedDatabase, throwawayRoles } from '../../scripts/lib/pg.mjs';
import { compareDatabase, dumpDatabase, restoreDatabase } from '../../scripts/lib/drill/database.mjs';
import { compareStorage, dumpStorage, eachLimited, prepareFreshStorage, removeStorage, restoreStorage, type TStorageSpec } from '../../scripts/lib/drill/storage.mjs';
import { startS3Server } from '../support/s3-server.mjs';

const adminUrl = () => process.env.TEST_PG_ADMIN_URL!;
const work = await mkdtemp(path.join(tmpdir(), 'backup-restore-test-'));
const databases: string[] = [];

async function freshDatabase() {
  const name = `restore_${process.pid}_${databases.length}_${Date.now()}`;
  databases.push(name);
  return prepareEmbeddedDatabase({ adminUrl: adminUrl(), roles: throwawayRoles(adminUrl()) }, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of databases) await dropDatabase(adminUrl(), name);
  await rm(work, { recursive: true, force: true });
});

describe('database dump and restore (migrations + COPY)', () => {
  const dir = path.join(work, 'dump');
  let manifest: Awaited<ReturnType<typeof dumpDatabase>>;
  let source: Awaited<ReturnType<typeof freshDatabase>>;

  // A source database of this file's own: the shared test database also holds the migrations and tables other files
  // try out (tests/integration/migrations.test.ts), which no checkout could restore.
  beforeAll(async () => {
    source = await freshDatabase();
    await migrate(source.migrateUrl, { log: () => {}, appRole: source.appRole });
    await query(
      source.url,
      `INSERT INTO organizations (id, parent_id, path, depth, name, code, level_label, updated_at) VALUES
         ('drill-root', NULL, '/drill-root/', 0, '备份演练市委组织部', 'DRILL-ROOT', '市', now()),
         ('drill-branch', 'drill-root', '/drill-root/drill-branch/', 1, '备份演练第一支部', 'DRILL-B1', '支部', now());
       INSERT INTO audit_logs (action, entity_type, entity_id, after) VALUES
         ('create-organization', 'Organization', 'drill-root', '{"name": "备份演练市委组织部"}'),
         ('create-organization', 'Organization', 'drill-branch', '{"name": "备份演练第一支部"}');`,
    );
    manifest = await dumpDatabase({ url: source.migrateUrl, dir, format: 'copy' });
  });

  it('restores every row, the schema, the sequences and the newest audit rows into a fresh database, and notices a broken copy', async () => {
    expect(manifest.counts['public.organizations']).toBe(2);
    expect(manifest.audit.map((row) => row.entityId)).toEqual(['drill-branch', 'drill-root']);
    const restored = await freshDatabase();
    await restoreDatabase({ dir, database: restored });
    expect((await compareDatabase(manifest, restored.adminUrl)).problems).toEqual([]);

    // The app role of the copy writes the next audit row after the restored ones, and still cannot change them.
    const [next] = await query<{ id: string }>(restored.url, `INSERT INTO audit_logs (action, entity_type, entity_id) VALUES ('restore-drill', 'Organization', 'x') RETURNING id::text`);
    expect(BigInt(next.id)).toBeGreaterThan(BigInt(manifest.audit[0].id));
    await expect(query(restored.url, 'DELETE FROM audit_logs')).rejects.toMatchObject({ code: '42501' });
    await expect(query(restored.url, 'SELECT checksum FROM _app_migrations')).rejects.toMatchObject({ code: '42501' });

    // What a broken restore looks like: a row short, a row too many in the audit log, a sequence behind its column.
    await query(restored.adminUrl, `SET session_replication_role = replica; DELETE FROM organizations WHERE name = '备份演练第一支部'; SELECT setval('audit_logs_id_seq', 1, false);`);
    const { problems } = await compareDatabase(manifest, restored.adminUrl);
    const organizations = manifest.counts['public.organizations'];
    const audit = manifest.counts['public.audit_logs'];
    expect(problems).toEqual([
      `表 public.audit_logs 行数不符：备份 ${audit}，恢复后 ${audit + 1}`,
      `表 public.organizations 行数不符：备份 ${organizations}，恢复后 ${organizations - 1}`,
      '最新的审计记录与备份不一致',
      '序列 public.audit_logs_id_seq 落后于已恢复的数据',
    ]);
  });

  it('refuses a dump from a newer version, and a dump by the app role, in Chinese', async () => {
    const newer = path.join(work, 'newer');
    await mkdir(path.join(newer, 'database'), { recursive: true });
    await writeFile(path.join(newer, 'database', 'manifest.json'), JSON.stringify({ ...manifest, migrations: [...manifest.migrations, '9999_from_the_future'] }));
    await expect(restoreDatabase({ dir: newer, database: await freshDatabase() })).rejects.toThrow('本版本没有：9999_from_the_future');
    // The app role may read only the names of _app_migrations: a backup needs the owner's connection.
    await expect(dumpDatabase({ url: source.url, dir: path.join(work, 'app-role'), format: 'copy' })).rejects.toThrow('MIGRATE_DATABASE_URL');
  });
});

describe('storage dump and restore', () => {
  it('copies every object of a folder into a fresh bucket with the same sha256, and notices a changed or missing one', async () => {
    const s3 = await startS3Server({ bucket: 'unused' });
    try {
      const source: TStorageSpec = { driver: 'local', dir: path.join(work, 'uploads') };
      const bytes = { 'applications/a/logo.png': Buffer.from('logo bytes'), 'applications/a/logo.thumb.webp': Buffer.from('thumb'), 'ledgers/b/doc.pdf': Buffer.alloc(70_000, 7) };
      for (const [key, content] of Object.entries(bytes)) {
        await mkdir(path.dirname(path.join(source.dir, key)), { recursive: true });
        await writeFile(path.join(source.dir, key), content);
      }
      // A write in progress (lib/files/storage.ts writes <key>.<uuid>.tmp, then renames) is no object yet.
      await writeFile(path.join(source.dir, 'ledgers/b/doc.pdf.0f3c.tmp'), 'half');
      const manifest = await dumpStorage({ spec: source, dir: path.join(work, 'files-dump') });
      expect(manifest.objects.map((object) => [object.key, object.size])).toEqual(Object.entries(bytes).map(([key, content]) => [key, content.length]));

      const target: TStorageSpec = { driver: 's3', endpoint: s3.endpoint, bucket: 'restored-files', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
      await prepareFreshStorage(target);
      await restoreStorage({ dir: path.join(work, 'files-dump'), spec: target, manifest });
      expect((await compareStorage({ spec: target, manifest })).problems).toEqual([]);
      // A drill never restores into (and so never removes) a bucket that holds anything.
      await expect(prepareFreshStorage(target)).rejects.toThrow('存储桶 restored-files 不是空的');

      const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
      await client.send(new PutObjectCommand({ Bucket: 'restored-files', Key: 'applications/a/logo.png', Body: Buffer.from('other bytes') }));
      await client.send(new DeleteObjectCommand({ Bucket: 'restored-files', Key: 'ledgers/b/doc.pdf' }));
      const { problems } = await compareStorage({ spec: target, manifest });
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^文件 applications\/a\/logo\.png 的内容不一致/);
      expect(problems[1]).toBe('恢复后缺少文件 ledgers/b/doc.pdf');

      await removeStorage(target);
      await expect(client.send(new HeadBucketCommand({ Bucket: 'restored-files' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    } finally {
      await s3.stop();
    }
  });

  it('dumps a bucket of more than 1,000 objects (a listing of several pages) and removes it', async () => {
    const s3 = await startS3Server({ bucket: 'many' });
    try {
      const spec: TStorageSpec = { driver: 's3', endpoint: s3.endpoint, bucket: 'many', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
      const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
      const keys = Array.from({ length: 1003 }, (_, index) => `ledgers/${index % 7}/photo-${String(index).padStart(4, '0')}.webp`);
      await eachLimited(keys, 16, (key) => client.send(new PutObjectCommand({ Bucket: 'many', Key: key, Body: Buffer.from(key) })));
      const manifest = await dumpStorage({ spec, dir: path.join(work, 'many-dump') });
      expect(manifest.objects.map((object) => object.key)).toEqual([...keys].sort());
      await removeStorage(spec);
      await expect(client.send(new HeadBucketCommand({ Bucket: 'many' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    } finally {
      await s3.stop();
    }
  });
});
