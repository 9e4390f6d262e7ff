import { expect, test } from './support/test';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

const CAMPAIGN = '2026年度示范市党建品牌选树';

test('staff find a submitted application in the list, export it, print it and download its PDF', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const brandName = `印前品牌${Date.now().toString(36).slice(-4)}`;

  await signInAs(page, 'sec-ty', /\/declare$/);
  await page.getByRole('listitem').filter({ hasText: CAMPAIGN }).getByRole('button', { name: '填写申报表' }).click();
  await page.getByRole('combobox', { name: '所属领域', exact: true }).selectOption({ index: 1 });
  await page.getByRole('textbox', { name: '党组织书记', exact: true }).fill('张德胜');
  await page.getByRole('textbox', { name: '联系人', exact: true }).fill('刘联系');
  await page.getByRole('textbox', { name: '联系电话', exact: true }).fill('13812345678');
  await page.getByRole('textbox', { name: '品牌名称', exact: true }).fill(brandName);
  await page.getByRole('textbox', { name: '品牌口号', exact: true }).fill('党建引领 共建共享');
  await page.locator('textarea[name="essence"]').fill('以党建引领基层治理，凝聚多方力量。');
  await page.locator('textarea[name="carriers"]').fill('党群服务中心、红色议事厅');
  await page.locator('textarea[name="norms"]').fill('一周一走访，一月一议事。');
  await page.locator('textarea[name="practices"]').fill('建立“支部+网格+志愿者”服务机制，'.repeat(40));
  for (const box of await page.locator('textarea[name^="selfAssessment."]').all()) await box.fill('已按评选标准逐项落实');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('dialog', { name: '提交申报表' }).getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText(/申报表已于 .* 提交/)).toBeVisible();

  const staffContext = await browser.newContext({ acceptDownloads: true });
  const staff = await staffContext.newPage();
  await signInAs(staff, 'admin', /\/admin$/);
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '评选工作' }).click();
  await staff.getByRole('navigation', { name: '评选工作' }).getByRole('link', { name: '申报列表' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '申报列表' })).toBeVisible();
  await staff.getByRole('searchbox', { name: '品牌名称' }).fill(brandName);
  await staff.getByRole('button', { name: '筛选' }).click();
  await expect(staff.getByText(brandName).first()).toBeVisible();
  await screenshotBoth(staff, 'applications-list');

  const exported = await staff.request.get(`/api/applications/export?q=${encodeURIComponent(brandName)}`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('spreadsheetml');

  await staff.getByRole('link', { name: `打印 ${brandName}` }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
  await expect(staff.getByRole('heading', { name: /推荐意见$/ }).first()).toBeVisible();
  await screenshotBoth(staff, 'applications-print');

  const pdf = await staff.request.get(staff.url().replace(/\/applications\/([^/]+)\/print$/, '/api/applications/$1/pdf'));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toContain(encodeURIComponent(`${brandName}-申报表.pdf`));
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Another committee's admin cannot tell the application exists.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, 'jg-admin', /\/committee$/);
  const refused = await other.request.get(staff.url().replace(/\/applications\/([^/]+)\/print$/, '/api/applications/$1/pdf'));
  expect(refused.status()).toBe(404);
  await otherContext.close();
  await staffContext.close();
});
