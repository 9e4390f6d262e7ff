import { expect, test } from './support/test';
import sharp from 'sharp';
import { db } from '@/lib/db';
import { getOrCreateDraft } from '@/lib/application/service';
import { IMAGE_MAX_BYTES } from '@/lib/files/limits';
import { createDeclarationScope } from '../support/declarations';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

/** A 6000×4000 phone-camera-sized JPEG with grain, about 7 MB: over the 5 MB image limit. */
const bigPhoto = () =>
  sharp({ create: { width: 6000, height: 4000, channels: 3, background: { r: 180, g: 40, b: 40 }, noise: { type: 'gaussian', mean: 128, sigma: 15 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

test('on a phone, a too-large photo is compressed before upload and a too-large PDF is refused before any byte is sent', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createDeclarationScope();
  const draft = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  const uploads: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/files') uploads.push(request.postDataBuffer()?.length ?? 0);
  });
  await page.goto(`/declare/${draft.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();

  // The limits are stated before anything is chosen.
  await expect(page.getByText('JPG、PNG 或 WebP 图片，每张不超过 5 MB；更大的照片会先在本机压缩再上传')).toBeVisible();
  await expect(page.getByText('PDF 不超过 20 MB；JPG、PNG、WebP 图片不超过 5 MB（更大的会先在本机压缩）')).toBeVisible();

  const photo = await bigPhoto();
  expect(photo.length).toBeGreaterThan(IMAGE_MAX_BYTES);
  const photoChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传照片' }).click();
  await (await photoChooser).setFiles({ name: '活动现场.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByRole('img', { name: '活动现场.jpg' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('附件已保存')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '活动现场.jpg' })).toHaveCount(0);
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toBeLessThan(IMAGE_MAX_BYTES);
  const stored = await db.applicationAttachment.findFirstOrThrow({ where: { applicationId: draft.id, slot: 'PHOTO' }, select: { file: { select: { width: true, height: true, size: true } } } });
  expect(Math.max(stored.file.width ?? 0, stored.file.height ?? 0)).toBeLessThanOrEqual(2400);
  expect(stored.file.size).toBeLessThan(IMAGE_MAX_BYTES);

  // 21 MB of PDF: refused in the browser with the limit in the message; nothing goes to the server.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
  const documentChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传证明材料' }).click();
  await (await documentChooser).setFiles({ name: '获奖证书扫描件.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByRole('alert').filter({ hasText: '获奖证书扫描件.pdf：PDF 文件不能超过 20 MB（本文件 21.0 MB），未上传' })).toBeVisible();
  expect(uploads).toHaveLength(1);
  expect(await db.applicationAttachment.count({ where: { applicationId: draft.id, slot: 'DOCUMENT' } })).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '上传证明材料' }).scrollIntoViewIfNeeded();
  await screenshotBoth(page, 'upload-limits');
});
