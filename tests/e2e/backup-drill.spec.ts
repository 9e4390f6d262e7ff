import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { runDrill } from '../../scripts/lib/drill/run-drill.mjs';
import { formatReport } from '../../scripts/lib/drill/report.mjs';
import { dumpStorage, prepareFreshStorage, restoreStorage, storageFromEnv, type TStorageSpec } from '../../scripts/lib/drill/storage.mjs';
import { startS3Server } from '../support/s3-server.mjs';

// The backup and restore drill (npm run drill) on this tier's database — seeded, and written to by the specs before
// this one — with its files in an S3 bucket: dumped, restored into a fresh embedded PostgreSQL and a fresh bucket,
// compared, and checked through a second production server started on the copy.
test('the backup and restore drill restores the database and the bucket, and the app works on the copy', async () => {
  test.setTimeout(120_000);
  const s3 = await startS3Server({ bucket: 'drill-unused' });
  const staging = await mkdtemp(path.join(os.tmpdir(), 'dj-drill-source-'));
  try {
    // The e2e server stores its files in a local folder; a production deployment keeps them in a bucket, so they go
    // into one first (the drill's own copy, read back below).
    const uploaded = await dumpStorage({ spec: storageFromEnv(process.env), dir: staging });
    const source: TStorageSpec = { driver: 's3', endpoint: s3.endpoint, bucket: 'drill-source', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
    await prepareFreshStorage(source);
    await restoreStorage({ dir: staging, spec: source, manifest: uploaded });
    const auditBefore = await db.auditLog.count();

    const report = await runDrill({ databaseUrl: process.env.MIGRATE_DATABASE_URL!, storage: source });
    console.log(formatReport(report));

    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // The embedded PostgreSQL 18 has no pg_dump of its version here: migrations + COPY.
    expect(report.database.format).toBe('copy');
    expect(report.database.tables).toBeGreaterThan(50);
    expect(report.database.auditRows).toBeGreaterThanOrEqual(auditBefore);
    expect(report.database.auditRows).toBeLessThanOrEqual(await db.auditLog.count());
    expect(report.files.objects).toBe(uploaded.objects.length);
    expect(report.files.referenced).toBeGreaterThan(0);
    expect(report.files.target).toMatch(/^存储桶 drill-source-drill-/);
    expect(report.app.ready).toBe(true);
    expect(report.app.audit?.total).toBeGreaterThan(0);
    expect(report.app.audit?.shown).toBe(report.app.audit?.expected);
    expect(report.app.downloads).toBeGreaterThan(0);
    expect(report.seconds.total).toBeLessThan(60);

    // The drill removed its own bucket and left the source's.
    const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
    const { Buckets } = await client.send(new ListBucketsCommand({}));
    expect((Buckets ?? []).map((bucket) => bucket.Name).sort()).toEqual(['drill-source', 'drill-unused']);
  } finally {
    await s3.stop();
    await rm(staging, { recursive: true, force: true });
  }
});
