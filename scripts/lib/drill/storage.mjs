// The file half of the drill: every stored object of the app's storage (a local folder or an S3-compatible bucket,
// lib/files/storage.ts) copied into the dump folder with its sha256, then into a fresh folder or bucket and read back.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ExplainedError } from '../explained-error.mjs';
import { ROOT } from '../pg.mjs';

// The keys lib/files/storage.ts accepts; anything else in a bucket is not the app's, and never becomes a path here.
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;
const isSafeKey = (key) => SAFE_KEY.test(key) && !key.includes('..');

/** The app's storage as lib/env.ts reads it from `env` (STORAGE_DRIVER, UPLOAD_DIR, S3_*). */
export function storageFromEnv(env = process.env) {
  if (env.STORAGE_DRIVER === 's3') {
    const spec = {
      driver: 's3',
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    };
    if (!spec.endpoint || !spec.bucket || !spec.accessKeyId || !spec.secretAccessKey) {
      throw new ExplainedError('STORAGE_DRIVER=s3 需要设置 S3_ENDPOINT、S3_BUCKET、S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY');
    }
    return spec;
  }
  return { driver: 'local', dir: path.resolve(ROOT, env.UPLOAD_DIR || '.data/uploads') };
}

/** The variables lib/env.ts reads to use `spec` (for the app the drill starts). */
export function storageEnv(spec) {
  if (spec.driver === 'local') return { STORAGE_DRIVER: 'local', UPLOAD_DIR: spec.dir };
  return {
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: spec.endpoint,
    S3_BUCKET: spec.bucket,
    S3_REGION: spec.region,
    S3_ACCESS_KEY_ID: spec.accessKeyId,
    S3_SECRET_ACCESS_KEY: spec.secretAccessKey,
  };
}

export const describeStorage = (spec) => (spec.driver === 'local' ? `本地目录 ${spec.dir}` : `存储桶 ${spec.bucket}（${spec.endpoint}）`);

function s3Client(spec) {
  // As lib/files/storage.ts: path-style URLs, checksums only where the API requires them.
  return new S3Client({
    endpoint: spec.endpoint,
    region: spec.region,
    credentials: { accessKeyId: spec.accessKeyId, secretAccessKey: spec.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** list() → [{ key, size }], read(key) → Readable, write(key, bytes, contentType). */
export function openStorage(spec) {
  if (spec.driver === 'local') {
    const root = spec.dir;
    return {
      async list() {
        const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        });
        const files = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'));
        return Promise.all(
          files.map(async (entry) => {
            const full = path.join(entry.parentPath ?? entry.path, entry.name);
            return { key: path.relative(root, full).split(path.sep).join('/'), size: (await stat(full)).size };
          }),
        );
      },
      read: async (key) => createReadStream(path.join(root, key)),
      async write(key, bytes) {
        const target = path.join(root, key);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(`${target}.drill.tmp`, bytes, { mode: 0o600 });
        await rename(`${target}.drill.tmp`, target);
      },
    };
  }
  const client = s3Client(spec);
  return {
    async list() {
      // ListObjects (version 1), paged by the last key seen (Marker): every S3-compatible server has it. Version 2's
      // continuation tokens fail on s3rver under Node ≥ 17 (it encrypts them with DES, which OpenSSL 3 no longer has),
      // so a bucket of over 1,000 objects could not be listed there.
      const objects = [];
      let Marker;
      for (;;) {
        const page = await client.send(new ListObjectsCommand({ Bucket: spec.bucket, Marker }));
        for (const object of page.Contents ?? []) objects.push({ key: object.Key, size: object.Size ?? 0 });
        if (!page.IsTruncated || !page.Contents?.length) break;
        Marker = page.NextMarker ?? page.Contents.at(-1).Key;
      }
      return objects;
    },
    async read(key) {
      const response = await client.send(new GetObjectCommand({ Bucket: spec.bucket, Key: key }));
      const body = response.Body instanceof Readable ? response.Body : Readable.fromWeb(response.Body.transformToWebStream());
      body.contentType = response.ContentType;
      return body;
    },
    async write(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: spec.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
    },
    async createBucket() {
      await client.send(new CreateBucketCommand({ Bucket: spec.bucket }));
    },
    /** Empties and removes the bucket (a drill's own, never the source's). */
    async removeBucket() {
      for (let keys = await this.list(); keys.length; keys = await this.list()) {
        for (let start = 0; start < keys.length; start += 1000) {
          const Objects = keys.slice(start, start + 1000).map(({ key }) => ({ Key: key }));
          await client.send(new DeleteObjectsCommand({ Bucket: spec.bucket, Delete: { Objects, Quiet: true } }));
        }
      }
      await client.send(new DeleteBucketCommand({ Bucket: spec.bucket }));
    },
  };
}

/** Runs `work` over `items`, `limit` at a time. */
export async function eachLimited(items, limit, work) {
  let next = 0;
  const runner = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

/** The stream's bytes pass through; their sha256 and count are in `.digest()` once it has ended. */
function hashing() {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  stream.digest = () => ({ sha256: hash.digest('hex'), size });
  return stream;
}

/** Copies every object of `spec` into `dir`/files with its sha256; returns and writes the list (files.json). */
export async function dumpStorage({ spec, dir }) {
  const storage = openStorage(spec);
  const listed = await storage.list();
  const unsafe = listed.filter(({ key }) => !isSafeKey(key));
  const objects = [];
  await eachLimited(
    listed.filter(({ key }) => isSafeKey(key)),
    4,
    async ({ key }) => {
      const target = path.join(dir, 'files', key);
      await mkdir(path.dirname(target), { recursive: true });
      const body = await storage.read(key);
      const hash = hashing();
      await pipeline(body, hash, createWriteStream(target));
      objects.push({ key, ...hash.digest(), contentType: body.contentType ?? null });
    },
  );
  objects.sort((a, b) => (a.key < b.key ? -1 : 1));
  const manifest = { storage: describeStorage(spec), objects, skipped: unsafe.map(({ key }) => key) };
  await writeFile(path.join(dir, 'files.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/**
 * Makes `spec` ready to receive a restore: a new bucket (or folder), or an existing one only when it is empty — a drill
 * never writes over, nor afterwards removes, storage that holds anything.
 */
export async function prepareFreshStorage(spec) {
  const storage = openStorage(spec);
  if (spec.driver === 's3') {
    await storage.createBucket().catch(async (error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
      if ((await storage.list()).length) throw new ExplainedError(`存储桶 ${spec.bucket} 不是空的：演练只恢复到新的或空的存储桶。`);
    });
  } else {
    if ((await readdir(spec.dir).catch(() => [])).length) throw new ExplainedError(`目录 ${spec.dir} 不是空的：演练只恢复到新的或空的目录。`);
    await mkdir(spec.dir, { recursive: true });
  }
}

/** Writes the dumped objects of `dir` into `spec` (prepared by prepareFreshStorage). */
export async function restoreStorage({ dir, spec, manifest }) {
  const storage = openStorage(spec);
  await eachLimited(manifest.objects, 4, async (object) => {
    const bytes = await readFile(path.join(dir, 'files', object.key));
    await storage.write(object.key, bytes, object.contentType ?? 'application/octet-stream');
  });
}

/** Reads every object of `spec` back: the same keys with the same sha256 as the dump, or the differences in Chinese. */
export async function compareStorage({ spec, manifest }) {
  const storage = openStorage(spec);
  const listed = await storage.list();
  const found = new Map();
  await eachLimited(listed, 4, async ({ key }) => {
    const hash = hashing();
    await pipeline(await storage.read(key), hash, new Writable({ write: (_chunk, _encoding, done) => done() }));
    found.set(key, hash.digest());
  });
  const problems = [];
  for (const object of manifest.objects) {
    const restored = found.get(object.key);
    if (!restored) problems.push(`恢复后缺少文件 ${object.key}`);
    else if (restored.sha256 !== object.sha256) problems.push(`文件 ${object.key} 的内容不一致（sha256 ${restored.sha256.slice(0, 12)}… ≠ ${object.sha256.slice(0, 12)}…）`);
  }
  const expected = new Set(manifest.objects.map((object) => object.key));
  for (const key of found.keys()) if (!expected.has(key)) problems.push(`恢复后多出文件 ${key}`);
  return { problems, hashes: found };
}

/** Removes a drill's restored storage: its own bucket or folder. */
export async function removeStorage(spec) {
  if (spec.driver === 's3') await openStorage(spec).removeBucket();
  else await rm(spec.dir, { recursive: true, force: true });
}
