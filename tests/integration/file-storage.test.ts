// The two storages behind fileStorage() keep one contract, proven against a real S3-compatible server (s3rver, started
// here on a free port): what is put comes back byte for byte, streamed; a missing key answers null in both; a delete
// leaves nothing. Then the whole path with STORAGE_DRIVER=s3: upload through the file service, download through the route.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { encode } from 'next-auth/jwt';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as downloadFile } from '@/app/api/files/[id]/route';
import { db } from '@/lib/db';
import { authSecret } from '@/lib/env';
import { storeUpload } from '@/lib/files/service';
import { createLocalStorage, createS3Storage, fileStorage, type TFileStorage } from '@/lib/files/storage';
import { createOrg, createUser } from '../support/factories';
import { startS3Server } from '../support/s3-server.mjs';
import { samplePdf, samplePng } from '../support/upload-samples';
import { openSession } from '../support/users';

const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
}));

const s3 = await startS3Server();
// fileStorage() reads these through lib/env.ts on first use: this file runs the app with its files on S3.
Object.assign(process.env, s3.env);
const uploadDir = await mkdtemp(path.join(tmpdir(), 'file-storage-test-'));

afterAll(async () => {
  await s3.stop();
  await rm(uploadDir, { recursive: true, force: true });
});

const s3Config = { endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };

/** Reads a stream chunk by chunk, as a response body is sent. */
async function drain(body: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

const key = (name: string) => `test/${randomUUID()}/${name}`;

describe.each([
  { name: 'local', storage: createLocalStorage(uploadDir) },
  { name: 's3', storage: createS3Storage(s3Config) },
] satisfies { name: string; storage: TFileStorage }[])('$name storage', ({ storage }) => {
  it('gives back what was put, whole or streamed with its size', async () => {
    const bytes = randomBytes(64 * 1024);
    const stored = key('photo.jpg');
    await storage.put(stored, bytes, 'image/jpeg');
    expect((await storage.get(stored))!.equals(bytes)).toBe(true);
    const opened = await storage.open(stored);
    expect(opened!.size).toBe(bytes.length);
    expect((await drain(opened!.body)).bytes.equals(bytes)).toBe(true);
  });

  it('streams an 8 MB file in pieces and keeps every byte', async () => {
    const bytes = randomBytes(8 * 1024 * 1024);
    const stored = key('large.pdf');
    await storage.put(stored, bytes, 'application/pdf');
    const opened = await storage.open(stored);
    expect(opened!.size).toBe(bytes.length);
    const { bytes: read, chunks } = await drain(opened!.body);
    expect(read.equals(bytes)).toBe(true);
    expect(chunks).toBeGreaterThan(1);
  });

  it('answers null for a key that was never stored, and for one deleted; deleting twice is no error', async () => {
    expect(await storage.get(key('missing.png'))).toBeNull();
    expect(await storage.open(key('missing.png'))).toBeNull();
    const stored = key('gone.png');
    await storage.put(stored, Buffer.from('x'), 'image/png');
    await storage.delete(stored);
    expect(await storage.get(stored)).toBeNull();
    expect(await storage.open(stored)).toBeNull();
    await expect(storage.delete(stored)).resolves.toBeUndefined();
  });

  it('refuses keys that could leave the storage', async () => {
    await expect(storage.put('../escape.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get('/etc/passwd')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.open('a/../../b')).rejects.toThrow(/unsafe storage key/);
  });
});

describe('S3 storage against the server', () => {
  it('stores the object under its key in the bucket, with its content type', async () => {
    const storage = createS3Storage(s3Config);
    const stored = key('doc.pdf');
    await storage.put(stored, Buffer.from('%PDF-1.4'), 'application/pdf');
    const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3Config });
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: stored }));
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentLength).toBe(8);
    client.destroy();
  });

  it('reports a failure as an error, not as a missing file', async () => {
    const wrongKey = createS3Storage({ ...s3Config, accessKeyId: 'NOT-A-KEY' });
    await expect(wrongKey.get(key('any.png'))).rejects.toThrow();
    const wrongBucket = createS3Storage({ ...s3Config, bucket: 'no-such-bucket' });
    await expect(wrongBucket.open(key('any.png'))).rejects.toThrow();
  });
});

describe('files on S3 through the app (STORAGE_DRIVER=s3)', () => {
  async function download(userId: string, fileId: string, query = '') {
    jar.token = await encode({ token: { sid: await openSession(userId) }, secret: authSecret() });
    return downloadFile(new Request(`http://localhost/api/files/${fileId}${query}`), { params: Promise.resolve({ id: fileId }) });
  }

  it('stores an upload in the bucket and serves it back through /api/files/<id>', async () => {
    const org = await createOrg();
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: org.id }] });
    const pdf = await samplePdf();
    // No storage passed: the service uses fileStorage(), chosen by the environment.
    const uploaded = await storeUpload({ bytes: pdf, fileName: '证明材料.pdf', slot: 'DOCUMENT' }, { actorId: secretary.id });
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    const inBucket = await createS3Storage(s3Config).get(row.storageKey);
    expect(inBucket!.equals(pdf)).toBe(true);

    const response = await download(secretary.id, uploaded.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('serves image variants from the bucket, and answers 404 when the object is gone from it', async () => {
    const org = await createOrg();
    const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: org.id }] });
    const photo = await storeUpload({ bytes: await samplePng(), fileName: 'photo.png', slot: 'PHOTO' }, { actorId: secretary.id });
    const thumb = await download(secretary.id, photo.id, '?variant=thumb');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe(photo.mimeType);
    const thumbBytes = Buffer.from(await thumb.arrayBuffer());
    expect(Number(thumb.headers.get('content-length'))).toBe(thumbBytes.length);
    const variants = (await db.storedFile.findUniqueOrThrow({ where: { id: photo.id } })).variants as Record<string, { key: string }>;
    expect(thumbBytes.equals((await createS3Storage(s3Config).get(variants.thumb!.key))!)).toBe(true);

    const row = await db.storedFile.findUniqueOrThrow({ where: { id: photo.id } });
    await fileStorage().delete(row.storageKey);
    expect((await download(secretary.id, photo.id)).status).toBe(404);
  });
});
