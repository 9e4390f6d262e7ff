import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { finaliseCampaign } from '@/lib/publicity/service';
import { baseURL } from '../../playwright.config';
import { decodeCertificateQr, pdfLinks } from '../support/certificate-qr';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

const TITLE = '关于对优秀党建品牌予以通报表扬的决定';
const PHONE = { width: 390, height: 844 };

/** Screenshots at both widths, then back to the phone's width. */
async function screenshotPhone(page: Page, name: string) {
  await screenshotBoth(page, name);
  await page.setViewportSize(PHONE);
}

test('staff download a certificate whose QR code opens the verification page; 摘牌 shows there; the 表彰决定 is public', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const scope = await createAwardedScope({ entries: 2, awarded: 2 });
  const campaignId = scope.campaign.id;
  await openPublicity(campaignId, scope.cityAdmin.id);
  await endPublicity(campaignId);
  await finaliseCampaign(
    { campaignId, title: TITLE, documentNo: '示范组通〔2026〕20号', preamble: '经逐级推荐、评审和公示，决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() },
    { actorId: scope.cityAdmin.id },
  );
  const honor = await db.honor.findFirstOrThrow({ where: { campaignId }, orderBy: { sortOrder: 'asc' }, select: { certificateNo: true, brandName: true, organizationName: true, awardName: true, issuedOn: true } });

  // Staff at 1280 px: the honors page, and the certificate as a download.
  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  await staff.goto(`/admin/campaigns/${campaignId}/honors`);
  await expect(staff.getByRole('heading', { level: 1, name: '荣誉证书' })).toBeVisible();
  const row = staff.getByRole('row').filter({ hasText: honor.certificateNo });
  await expect(row).toContainText(honor.brandName);
  await expect(row).toContainText('有效');
  await screenshotBoth(staff, 'honors-admin');

  const downloading = staff.waitForEvent('download');
  await row.getByRole('link', { name: `下载证书 ${honor.brandName}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${honor.brandName}-荣誉证书-${honor.certificateNo}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The address printed under the QR code is a link annotation too; the QR code itself decodes to it.
  const [link] = pdfLinks(pdf);
  expect(link.uri).toBe(`${baseURL}/certificates/${honor.certificateNo}`);
  expect(decodeCertificateQr(pdf)).toBe(link.uri);

  // A phone scanning the code: the verdict at a glance.
  const visitor = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(link.uri);
  await expect(phone.getByRole('heading', { level: 2, name: '有效' })).toBeVisible();
  await expect(phone.getByText(`“${honor.brandName}”`)).toBeVisible();
  await expect(phone.locator('main')).not.toContainText('「');
  await expect(phone.getByText(honor.organizationName)).toBeVisible();
  await expect(phone.getByText(honor.awardName)).toBeVisible();
  await expect(phone.getByText(formatDate(honor.issuedOn))).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotPhone(phone, 'certificate-valid');
  // The verdict is cached: a change behind the application's back does not show until an honor changes through it.
  await db.campaign.update({ where: { id: campaignId }, data: { title: `${scope.campaign.title}（更名）` } });
  await phone.reload();
  await expect(phone.getByText(scope.campaign.title, { exact: true })).toBeVisible();

  // 摘牌 with a reason.
  await row.getByRole('button', { name: `摘牌 ${honor.brandName}` }).click();
  const dialog = staff.getByRole('dialog', { name: `摘牌：“${honor.brandName}”` });
  await dialog.getByLabel('摘牌原因').fill('创建工作停滞，经核查不再符合品牌标准');
  await screenshotBoth(staff, 'honors-revoke-dialog');
  await dialog.getByRole('button', { name: '确认摘牌' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已摘牌');
  await expect(row.getByRole('button', { name: `摘牌 ${honor.brandName}` })).toHaveCount(0);
  const { revokedAt } = await db.honor.findUniqueOrThrow({ where: { certificateNo: honor.certificateNo }, select: { revokedAt: true } });

  // The same QR code now says revoked, with the date and the reason.
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 2, name: '已摘牌' })).toBeVisible();
  await expect(phone.getByText(`摘牌日期：${formatDate(revokedAt)}`)).toBeVisible();
  await expect(phone.getByText('创建工作停滞，经核查不再符合品牌标准')).toBeVisible();
  await expect(phone.getByText(`${scope.campaign.title}（更名）`)).toBeVisible();
  await screenshotPhone(phone, 'certificate-revoked');

  // Typed by hand, in lower case: the lookup lands on the canonical page. An unknown number is not indexed.
  await phone.goto('/certificates');
  await phone.getByLabel('证书编号').fill(honor.certificateNo.toLowerCase());
  await phone.getByRole('button', { name: '查验' }).click();
  await expect(phone).toHaveURL(`${baseURL}/certificates/${honor.certificateNo}`);
  await expect(phone.getByRole('heading', { level: 2, name: '已摘牌' })).toBeVisible();
  await phone.goto('/certificates/DJPP-2026-999999999');
  await expect(phone.getByRole('heading', { level: 2, name: '未查到' })).toBeVisible();
  await expect(phone.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await screenshotPhone(phone, 'certificate-unknown');

  // The 表彰决定, public on a phone, with its PDF.
  await phone.goto(`/campaigns/${campaignId}/announcement`);
  await expect(phone.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(phone.getByRole('heading', { level: 2, name: `一、${scope.award.name}（2 个）` })).toBeVisible();
  await expect(phone.getByRole('listitem').filter({ hasText: `${honor.organizationName}：${honor.brandName}` })).toBeVisible();
  await expect(phone.getByRole('link', { name: '下载 PDF' })).toHaveAttribute('href', `/api/campaigns/${campaignId}/announcement`);
  // A 红头文件: the issuer's mark, 主送, and the 成文日期 in Chinese under the issuer.
  const sheet = phone.locator('article.announcement-sheet');
  await expect(sheet.getByText(/^.+文件$/)).toBeVisible();
  await expect(sheet.getByText('各级党组织：')).toBeVisible();
  await expect(sheet.locator('footer')).toContainText(/二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotPhone(phone, 'announcement-public');
  await phone.emulateMedia({ media: 'print' });
  await expect(phone.getByRole('link', { name: '下载 PDF' })).toBeHidden();
  await expect(phone.getByRole('link', { name: '党建品牌选树平台' })).toBeHidden();
  await phone.setViewportSize({ width: 794, height: 1123 });
  await phone.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/announcement-print-a4.png`, fullPage: true });
  await visitor.close();

  // Certificates are not public downloads.
  expect((await request.get(`/api/certificates/${honor.certificateNo}`)).status()).toBe(401);
  await staff.context().close();
});
