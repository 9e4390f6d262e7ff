import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, request as requestContext, test } from '@playwright/test';
import sharp from 'sharp';
import { db } from '@/lib/db';
import { TEST_PASSWORD, createOrg, createUser } from '../support/factories';
import { INSTANCE_A, INSTANCE_B, freshIp, proxied, signInAt } from './support';

// Files go to the S3-compatible store every instance uses, not to an instance's disk.

test('a photo uploaded through A downloads through B, from the S3 bucket', async () => {
  const organization = await createOrg();
  const secretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: organization.id }] });
  const { loginName } = await db.user.findUniqueOrThrow({ where: { id: secretary.id }, select: { loginName: true } });
  const ip = freshIp();
  const session = await requestContext.newContext();
  expect((await signInAt(session, INSTANCE_A, loginName, TEST_PASSWORD, { ip })).error).toBeNull();

  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
  const uploaded = await session.post(`${INSTANCE_A}/api/files`, {
    headers: proxied(ip),
    multipart: { slot: 'PHOTO', file: { name: '活动照片.png', mimeType: 'image/png', buffer: photo } },
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };

  const fromA = await session.get(`${INSTANCE_A}/api/files/${id}`, { headers: proxied(ip) });
  const fromB = await session.get(`${INSTANCE_B}/api/files/${id}`, { headers: proxied(ip) });
  expect([fromA.status(), fromB.status()]).toEqual([200, 200]);
  const bytes = await fromB.body();
  expect(bytes.equals(await fromA.body())).toBe(true);
  expect(await sharp(bytes).metadata()).toMatchObject({ width: 64, height: 48 });

  // The object is in the bucket, under the key the database names.
  const { storageKey } = await db.storedFile.findUniqueOrThrow({ where: { id }, select: { storageKey: true } });
  const s3 = new S3Client({
    endpoint: process.env.S3_ENDPOINT,
    region: process.env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID!, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY! },
  });
  const head = await s3.send(new HeadObjectCommand({ Bucket: process.env.S3_BUCKET, Key: storageKey }));
  expect(head.ContentLength).toBeGreaterThan(0);
  await session.dispose();
});
