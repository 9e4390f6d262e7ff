import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { inspectUpload, type TUploadSlot } from '@/lib/files/check';
import { canReadFile } from '@/lib/files/access';
import { contentDisposition } from '@/lib/files/http';
import { storeUpload } from '@/lib/files/service';
import { createLocalStorage, type TFileStorage } from '@/lib/files/storage';
import type { Role } from '@/lib/generated/prisma/enums';
import { createOrg, createUser } from '../support/factories';
import {
  bmpImage, elfExecutable, flateStreamObject, handmadePdf, peExecutable, pngClaiming, sampleJpeg, samplePdf, samplePng,
  sampleTransparentPng, sampleWebp, zipArchive,
} from '../support/upload-samples';

const uploadDir = await mkdtemp(path.join(tmpdir(), 'uploads-test-'));
const storage = createLocalStorage(uploadDir);

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

async function expectRefused(bytes: Buffer, fileName: string, slot: TUploadSlot, message: RegExp) {
  const result = await inspectUpload({ bytes, fileName, slot });
  expect(result.ok, `${fileName} should be refused`).toBe(false);
  if (!result.ok) expect(result.message).toMatch(message);
}

describe('inspectUpload refuses dangerous or broken files', () => {
  it('refuses executables renamed as images', async () => {
    await expectRefused(elfExecutable(), 'logo.jpg', 'LOGO', /可执行程序/);
    await expectRefused(peExecutable(), 'photo.jpg', 'PHOTO', /可执行程序/);
    await expectRefused(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.png', 'PHOTO', /脚本/);
  });

  it('refuses names with script extensions, path separators or control characters', async () => {
    const jpeg = await sampleJpeg();
    await expectRefused(jpeg, 'photo.jpg.php', 'PHOTO', /扩展名/);
    await expectRefused(jpeg, 'photo.php.jpg', 'PHOTO', /扩展名/);
    await expectRefused(await samplePdf(), 'x.pdf.exe', 'DOCUMENT', /扩展名/);
    await expectRefused(jpeg, '../../etc/photo.jpg', 'PHOTO', /路径分隔符/);
    await expectRefused(jpeg, 'photo\u0000.jpg', 'PHOTO', /控制字符/);
  });

  it('refuses SVG and HTML, whatever they are called', async () => {
    await expectRefused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.png', 'LOGO', /SVG、HTML/);
    await expectRefused(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'logo.svg', 'LOGO', /SVG、HTML|扩展名/);
    await expectRefused(Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'photo.png', 'PHOTO', /SVG、HTML/);
  });

  it('refuses PDFs with scripts, automatic actions or embedded files, also inside compressed streams', async () => {
    await expectRefused(handmadePdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'a.pdf', 'DOCUMENT', /脚本/);
    await expectRefused(handmadePdf('/OpenAction 3 0 R', [Buffer.from('<< /S /J#61vaScript /J#53 (app.alert(1)) >>')]), 'b.pdf', 'DOCUMENT', /脚本/);
    await expectRefused(handmadePdf('', [flateStreamObject('3 0 << /S /JavaScript /JS (app.alert(1)) >>')]), 'c.pdf', 'DOCUMENT', /脚本/);
    await expectRefused(handmadePdf('/AA << /O << /S /Launch /F (cmd.exe) >> >>'), 'd.pdf', 'DOCUMENT', /脚本/);
    await expectRefused(handmadePdf('/Names << /EmbeddedFiles << /Names [] >> >>'), 'e.pdf', 'DOCUMENT', /嵌入文件/);
  });

  it('refuses truncated images and decompression bombs', async () => {
    const png = await samplePng();
    const jpeg = await sampleJpeg();
    await expectRefused(png.subarray(0, Math.floor(png.length / 2)), 'cut.png', 'PHOTO', /损坏/);
    await expectRefused(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg', 'PHOTO', /损坏/);
    const bomb = pngClaiming(100_000, 100_000);
    expect(bomb.length).toBeLessThan(5_000);
    await expectRefused(bomb, 'bomb.png', 'PHOTO', /尺寸过大/);
  });

  it('refuses empty and oversized files', async () => {
    await expectRefused(Buffer.alloc(0), 'empty.pdf', 'DOCUMENT', /空/);
    const jpeg = await sampleJpeg();
    await expectRefused(Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]), 'big.jpg', 'PHOTO', /5 MB/);
    const pdf = await samplePdf();
    await expectRefused(Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]), 'big.pdf', 'DOCUMENT', /20 MB/);
  });

  it('refuses types the slot does not take, other image formats, archives and mismatched extensions', async () => {
    await expectRefused(await samplePdf(), 'logo.pdf', 'LOGO', /品牌标识只能上传/);
    await expectRefused(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).gif().toBuffer(), 'a.gif', 'PHOTO', /GIF/);
    await expectRefused(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).tiff().toBuffer(), 'a.tif', 'DOCUMENT', /TIF/);
    await expectRefused(bmpImage(), 'a.bmp', 'PHOTO', /BMP/);
    await expectRefused(zipArchive(), 'photos.zip', 'DOCUMENT', /压缩包/);
    await expectRefused(zipArchive(), 'photos.jpg', 'PHOTO', /压缩包/);
    await expectRefused(await samplePng(), 'logo.jpg', 'LOGO', /扩展名与内容不符/);
  });
});

describe('inspectUpload accepts ordinary files', () => {
  it.each([
    ['logo.png', 'LOGO', samplePng, 'image/png'],
    ['photo.JPG', 'PHOTO', sampleJpeg, 'image/jpeg'],
    ['photo.webp', 'PHOTO', sampleWebp, 'image/webp'],
    ['材料.pdf', 'DOCUMENT', samplePdf, 'application/pdf'],
    ['scan.jpeg', 'DOCUMENT', sampleJpeg, 'image/jpeg'],
    ['带图片和链接.pdf', 'DOCUMENT', async () => samplePdf(await samplePng()), 'application/pdf'],
  ] as const)('%s in %s', async (fileName, slot, make, mimeType) => {
    const result = await inspectUpload({ bytes: await make(), fileName, slot });
    expect(result).toMatchObject({ ok: true, mimeType });
  });
});

async function uploader(role: Role = 'BRANCH_SECRETARY', organizationId?: string) {
  const org = organizationId ? { id: organizationId } : await createOrg();
  return createUser({ roles: [{ role, organizationId: org.id }] });
}

async function storedObject(store: TFileStorage, fileId: string, variant?: 'thumb' | 'medium') {
  const file = await db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
  const variants = file.variants as Record<string, { key: string }>;
  return store.get(variant ? variants[variant].key : file.storageKey);
}

describe('storeUpload', () => {
  it('re-encodes images without metadata, applies the EXIF rotation and stores thumb and medium variants', async () => {
    const user = await uploader();
    const withExif = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a6' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret Camera Owner', Make: 'SpyCam' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();

    const uploaded = await storeUpload({ bytes: withExif, fileName: '活动照片.jpg', slot: 'PHOTO' }, { actorId: user.id, ip: '10.0.0.1', storage });
    expect(uploaded).toMatchObject({ kind: 'IMAGE', mimeType: 'image/jpeg', width: 1200, height: 1600, thumbUrl: `/api/files/${uploaded.id}?variant=thumb` });

    const stored = await storedObject(storage, uploaded.id);
    const metadata = await sharp(stored!).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored!.includes(Buffer.from('Secret Camera Owner'))).toBe(false);

    const thumb = await sharp((await storedObject(storage, uploaded.id, 'thumb'))!).metadata();
    const medium = await sharp((await storedObject(storage, uploaded.id, 'medium'))!).metadata();
    expect([thumb.width, thumb.height]).toEqual([240, 320]);
    expect([medium.width, medium.height]).toEqual([768, 1024]);

    const row = await db.storedFile.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row).toMatchObject({ uploadedById: user.id, originalName: '活动照片.jpg', size: stored!.length });
    expect(row.storageKey).not.toContain('活动照片');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'StoredFile', entityId: uploaded.id } });
    expect(audit).toMatchObject({ action: 'upload-file', actorId: user.id, ip: '10.0.0.1' });
  });

  it('keeps transparency as PNG and stores PDFs byte for byte', async () => {
    const user = await uploader();
    const logo = await storeUpload({ bytes: await sampleTransparentPng(), fileName: 'logo.png', slot: 'LOGO' }, { actorId: user.id, storage });
    expect(logo.mimeType).toBe('image/png');
    expect((await sharp((await storedObject(storage, logo.id))!).metadata()).hasAlpha).toBe(true);

    const pdf = await samplePdf();
    const document = await storeUpload({ bytes: pdf, fileName: '材料.pdf', slot: 'DOCUMENT' }, { actorId: user.id, storage });
    expect(document).toMatchObject({ kind: 'DOCUMENT', mimeType: 'application/pdf', thumbUrl: null });
    expect((await storedObject(storage, document.id))!.equals(pdf)).toBe(true);
  });

  it('refuses a bad file with a Chinese message and writes nothing', async () => {
    const user = await uploader();
    const before = await db.storedFile.count({ where: { uploadedById: user.id } });
    await expect(storeUpload({ bytes: elfExecutable(), fileName: 'a.jpg', slot: 'PHOTO' }, { actorId: user.id, storage })).rejects.toThrow(/可执行程序/);
    expect(await db.storedFile.count({ where: { uploadedById: user.id } })).toBe(before);
  });

  it('deletes the stored objects again when the row cannot be written', async () => {
    const written: string[] = [];
    const deleted: string[] = [];
    const spy: TFileStorage = {
      put: async (key, bytes, type) => { written.push(key); await storage.put(key, bytes, type); },
      get: (key) => storage.get(key),
      open: (key) => storage.open(key),
      delete: async (key) => { deleted.push(key); await storage.delete(key); },
    };
    const missingUser = 'no-such-user';
    await expect(storeUpload({ bytes: await samplePng(), fileName: 'a.png', slot: 'PHOTO' }, { actorId: missingUser, storage: spy })).rejects.toThrow();
    expect(written).toHaveLength(3);
    expect(deleted.sort()).toEqual([...written].sort());
    for (const key of written) expect(await storage.get(key)).toBeNull();
  });
});

describe('upload names with bidi controls (U+202A–202E, U+2066–2069)', () => {
  // "报告\u202Efdp.png" shows as "报告gnp.pdf": a PNG passed off as a PDF.
  const disguised = '报告\u202Efdp.png';

  it('are judged, stored, audited and served without them', async () => {
    const user = await uploader();
    const uploaded = await storeUpload({ bytes: await samplePng(), fileName: `\u2066${disguised}\u2069`, slot: 'DOCUMENT' }, { actorId: user.id, storage });
    expect(uploaded.originalName).toBe('报告fdp.png');
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: uploaded.id } })).originalName).toBe('报告fdp.png');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'StoredFile', entityId: uploaded.id } });
    expect((audit.after as { originalName: string }).originalName).toBe('报告fdp.png');
    expect(contentDisposition('IMAGE', disguised, 'image/png')).toBe(`inline; filename="file.png"; filename*=UTF-8''${encodeURIComponent('报告fdp.png')}`);
  });

  it('are removed from names stored before (migration 0019)', async () => {
    const user = await uploader();
    const uploaded = await storeUpload({ bytes: await samplePng(), fileName: 'a.png', slot: 'PHOTO' }, { actorId: user.id, storage });
    await db.storedFile.update({ where: { id: uploaded.id }, data: { originalName: disguised } });
    const sql = readFileSync(path.join('prisma', 'migrations', '0019_request_boundary', 'migration.sql'), 'utf8');
    const statement = sql.slice(sql.indexOf('UPDATE "stored_files"'), sql.indexOf(';', sql.indexOf('UPDATE "stored_files"')));
    await db.$executeRawUnsafe(statement);
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: uploaded.id } })).originalName).toBe('报告fdp.png');
  });
});

describe('canReadFile', () => {
  it('lets the uploader and the admins above a submitted application read a file, and no one else', async () => {
    const root = await createOrg({ levelLabel: '市委' });
    const committee = await createOrg({ parent: root, levelLabel: '党委' });
    const sibling = await createOrg({ parent: root, levelLabel: '党委' });
    const branch = await createOrg({ parent: committee });
    const otherBranch = await createOrg({ parent: sibling });
    const secretary = await uploader('BRANCH_SECRETARY', branch.id);
    const otherSecretary = await uploader('BRANCH_SECRETARY', otherBranch.id);
    const committeeAdmin = await uploader('COMMITTEE_ADMIN', committee.id);
    const siblingAdmin = await uploader('COMMITTEE_ADMIN', sibling.id);
    const rootAdmin = await uploader('ORG_ADMIN', root.id);
    const asReader = async (user: { id: string }) => ({
      id: user.id,
      roles: (await db.roleAssignment.findMany({ where: { userId: user.id }, include: { organization: true } })).map((grant) => ({
        role: grant.role,
        organizationId: grant.organizationId,
        organizationName: grant.organization.name,
        organizationPath: grant.organization.path,
      })),
    });

    const photo = await storeUpload({ bytes: await samplePng(), fileName: 'p.png', slot: 'PHOTO' }, { actorId: secretary.id, storage });
    const logo = await storeUpload({ bytes: await samplePng(), fileName: 'l.png', slot: 'LOGO' }, { actorId: secretary.id, storage });
    expect(await canReadFile(await asReader(secretary), photo.id)).toBe('private');
    expect(await canReadFile(await asReader(otherSecretary), photo.id)).toBe(false);
    expect(await canReadFile(await asReader(committeeAdmin), photo.id)).toBe(false);

    const campaign = await db.campaign.create({ data: { title: `附件测试-${Date.now()}`, year: 2026, ownerOrgId: root.id } });
    const draft = await db.application.create({
      data: {
        campaignId: campaign.id,
        organizationId: branch.id,
        logoFileId: logo.id,
        attachments: { create: { fileId: photo.id, slot: 'PHOTO' } },
      },
    });
    // A draft belongs to the branch alone: the admins above it see its files once it is submitted.
    for (const fileId of [photo.id, logo.id]) {
      expect(await canReadFile(await asReader(secretary), fileId)).toBe('private');
      expect(await canReadFile(await asReader(committeeAdmin), fileId)).toBe(false);
      expect(await canReadFile(await asReader(rootAdmin), fileId)).toBe(false);
    }
    await db.application.update({ where: { id: draft.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    for (const fileId of [photo.id, logo.id]) {
      expect(await canReadFile(await asReader(committeeAdmin), fileId)).toBe('private');
      expect(await canReadFile(await asReader(rootAdmin), fileId)).toBe('private');
      expect(await canReadFile(null, fileId)).toBe(false);
      expect(await canReadFile(await asReader(siblingAdmin), fileId)).toBe(false);
      expect(await canReadFile(await asReader(otherSecretary), fileId)).toBe(false);
    }
    expect(await canReadFile(await asReader(secretary), 'missing-file-id')).toBe(false);

    // Once the brand is on a published 品牌清单 its logo and photos are public (the voting pages show them); documents never.
    const document = await storeUpload({ bytes: await samplePdf(), fileName: 'd.pdf', slot: 'DOCUMENT' }, { actorId: secretary.id, storage });
    const application = await db.application.findFirstOrThrow({ where: { campaignId: campaign.id }, select: { id: true } });
    await db.applicationAttachment.create({ data: { applicationId: application.id, fileId: document.id, slot: 'DOCUMENT', sortOrder: 1 } });
    await db.campaign.update({ where: { id: campaign.id }, data: { status: 'PUBLISHED' } });
    await db.brandList.create({ data: { campaignId: campaign.id, version: 1, entries: { create: { applicationId: application.id, sortOrder: 1, brandName: '', organizationName: '', fieldName: '', regionName: '' } } } });
    expect(await canReadFile(null, logo.id)).toBe('public');
    expect(await canReadFile(null, photo.id)).toBe('public');
    expect(await canReadFile(null, document.id)).toBe(false);
    expect(await canReadFile(await asReader(otherSecretary), document.id)).toBe(false);
  });
});
