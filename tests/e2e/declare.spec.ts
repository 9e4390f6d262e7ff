import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import sharp from 'sharp';
import { extractPdfText } from '../support/pdf-text';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

const CAMPAIGN = '2026年度示范市党建品牌选树';

/** A noisy PNG (~800 KB) that takes a few seconds to send on a throttled connection, so the progress bar shows. */
const noisyPng = () => sharp(randomBytes(600 * 450 * 3), { raw: { width: 600, height: 450, channels: 3 } }).png().toBuffer();

async function confirmSubmit(page: Page) {
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '提交申报表' });
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText(/申报表已于 .* 提交/)).toBeVisible();
}

test('a secretary fills and submits, the committee returns it with a reason, the secretary resubmits', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const brandName = `红心向党${Date.now().toString(36).slice(-4)}`;

  await signInAs(page, 'sec-gm', /\/declare$/);
  const row = page.getByRole('listitem').filter({ hasText: CAMPAIGN });
  await row.getByRole('button', { name: '填写申报表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('combobox', { name: '所属领域', exact: true }).selectOption({ index: 1 });
  await page.getByRole('textbox', { name: '党组织书记', exact: true }).fill('郭书记');
  await page.getByRole('textbox', { name: '联系人', exact: true }).fill('王联系');
  await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('1381234');
  await page.getByRole('textbox', { name: '品牌名称', exact: true }).fill(brandName);
  await expect(page.getByText(`${Array.from(brandName).length} / 15`)).toBeVisible();
  await page.getByRole('textbox', { name: '品牌口号', exact: true }).fill('红心向党 服务为民');
  await page.locator('textarea[name="essence"]').fill('以“红心”寓意党员初心。');
  await page.locator('textarea[name="carriers"]').fill('党员服务站、网格工作室');
  await page.locator('textarea[name="norms"]').fill('每周走访、每月例会');
  await page.locator('textarea[name="practices"]').fill('建立网格化服务机制。');
  await expect(page.getByText('10 / 2000')).toBeVisible();
  for (const box of await page.locator('textarea[name^="selfAssessment."]').all()) await box.fill('已按要求做到');
  await expect(page.getByText(/已保存 \d\d:\d\d/)).toBeVisible({ timeout: 10_000 });

  // The section index jumps down the long form and ticks what is complete.
  const index = page.getByRole('navigation', { name: '申报表目录' });
  await expect(index.getByRole('link', { name: /品牌内涵\s*（已填写）/ })).toBeVisible();
  await index.getByRole('link', { name: /^自评/ }).click();
  await expect(page.locator('textarea[name^="selfAssessment."]').first()).toBeInViewport();

  // A slow connection: the logo's upload shows a progress bar, then its thumbnail.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传品牌标识' }).click();
  await (await chooser).setFiles({ name: '品牌标识.png', mimeType: 'image/png', buffer: await noisyPng() });
  const progress = page.getByRole('progressbar', { name: '上传进度：品牌标识.png' });
  await expect(progress).toBeVisible();
  await screenshotBoth(page, 'declare-uploading');
  await expect(page.getByRole('img', { name: '品牌标识.png' })).toBeVisible({ timeout: 30_000 });
  await expect(progress).toBeHidden();
  await expect(page.getByText('附件已保存')).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Reloading (or opening on another device) shows the saved draft with its logo.
  await page.reload();
  await expect(page.getByRole('textbox', { name: '品牌名称', exact: true })).toHaveValue(brandName);
  await expect(page.locator('textarea[name="practices"]')).toHaveValue('建立网格化服务机制。');
  await expect(page.getByRole('img', { name: '品牌标识.png' })).toBeVisible();
  await screenshotBoth(page, 'declare-form');

  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('请填写正确的联系电话（手机号或带区号的座机号）')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '联系电话', exact: true })).toBeFocused();
  await screenshotBoth(page, 'declare-form-error');
  await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('13812345678');
  await confirmSubmit(page);
  await expect(page.getByText(brandName).first()).toBeVisible();
  await screenshotBoth(page, 'declare-submitted');

  const committeeContext = await browser.newContext();
  const committee = await committeeContext.newPage();
  await signInAs(committee, 'dh-admin', /\/committee$/);
  await committee.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '申报列表' }).click();
  await committee.getByRole('link', { name: `查看 ${brandName}` }).filter({ visible: true }).first().click();
  await committee.getByRole('button', { name: '退回重新申报' }).click();
  const dialog = committee.getByRole('dialog', { name: '退回重新申报' });
  await dialog.getByRole('textbox', { name: '退回理由', exact: true }).fill('短');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(dialog.getByText('退回理由至少 5 个字')).toBeVisible();
  await dialog.getByRole('textbox', { name: '退回理由', exact: true }).fill('请补充主要做法的具体数据');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(committee.getByText('已退回申报单位重新申报。退回理由：请补充主要做法的具体数据')).toBeVisible();
  await screenshotBoth(committee, 'declare-committee-returned');
  await committeeContext.close();

  await page.goto('/declare');
  await expect(page.getByText('请补充主要做法的具体数据')).toBeVisible();
  await screenshotBoth(page, 'declare-list-returned');
  await page.getByRole('listitem').filter({ hasText: CAMPAIGN }).getByRole('link', { name: '修改后重新提交' }).click();
  await expect(page.getByText(/^申报表已被退回，请按以下意见修改后在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前重新提交：$/)).toBeVisible();
  await page.locator('textarea[name="practices"]').fill('建立网格化服务机制，全年服务群众 300 人次。');
  await confirmSubmit(page);

  await page.getByRole('link', { name: '提交记录' }).click();
  await expect(page.getByRole('heading', { name: '第 2 版' })).toBeVisible();
  await expect(page.getByText('退回理由：请补充主要做法的具体数据')).toBeVisible();
  await expect(page.getByText('全年服务群众 300 人次')).toBeVisible();
  await screenshotBoth(page, 'declare-history');

  // The secretary prints the form and downloads its PDF; the brand name is in the PDF's text.
  await page.goto('/declare');
  await page.getByRole('listitem').filter({ hasText: CAMPAIGN }).getByRole('link', { name: /查看/ }).first().click();
  await page.getByRole('link', { name: '打印申报表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 PDF' }).click();
  const file = await (await download).path();
  const text = extractPdfText(await readFile(file));
  expect(text).toContain(brandName);
  expect(text).toContain('全年服务群众 300 人次');
});
