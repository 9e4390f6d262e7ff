import { expect, test } from './support/test';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

const CAMPAIGN = '2026年度示范市党建品牌选树';

// The seeded campaign is still in its declaration stage: nothing has climbed the recommendation levels and the
// 资格审查 stage has not started, so these pages show their empty and "not yet" states.
test('the admin opens 资格审查 and 品牌清单 of the seeded campaign; the public list is not out yet', async ({ browser, page }) => {
  test.setTimeout(90_000);
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/campaigns');
  await page.getByRole('link', { name: CAMPAIGN }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN })).toBeVisible();
  const campaignUrl = page.url();

  await page.getByRole('link', { name: '资格审查', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '资格审查' })).toBeVisible();
  await expect(page.getByText('资格审查阶段尚未开始')).toBeVisible();
  // Other specs may push entries up the levels later; either the empty state or the state tabs must show.
  await expect(page.getByText('还没有进入资格审查的申报').or(page.getByRole('navigation', { name: '按审查状态筛选' }))).toBeVisible();
  await page.getByText(/审查项（\d+ 项/).click();
  await expect(page.getByText('申报材料齐全、填写规范', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '修改审查项' })).toHaveValue(/^申报材料齐全、填写规范\n/);
  await screenshotBoth(page, 'qualification-empty');

  const exported = await page.request.get(`${new URL(campaignUrl).pathname.replace('/admin/campaigns/', '/api/campaigns/')}/qualification/export`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('spreadsheetml');

  await page.getByRole('link', { name: '品牌清单', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '品牌清单' })).toBeVisible();
  await expect(page.getByRole('button', { name: '发布品牌清单' })).toBeDisabled();
  await expect(page.getByText('资格审查阶段开始后才能发布品牌清单。')).toBeVisible();
  await expect(page.getByText('品牌清单尚未发布。')).toBeVisible();
  await screenshotBoth(page, 'brand-list-admin');

  const publicUrl = new URL(campaignUrl).pathname.replace('/admin/campaigns/', '/campaigns/') + '/brands';
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(publicUrl);
  await expect(phone.getByRole('heading', { level: 1, name: '品牌清单' })).toBeVisible();
  await expect(phone.getByRole('main').getByText(CAMPAIGN)).toBeVisible();
  await expect(phone.getByText('品牌清单尚未公布')).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshotBoth(phone, 'brand-list-public-empty');

  // Unknown campaigns are a 404; the export refuses anonymous visitors.
  expect((await phone.goto('/campaigns/no-such-campaign/brands'))?.status()).toBe(404);
  expect((await visitor.request.get(`${new URL(campaignUrl).pathname.replace('/admin/campaigns/', '/api/campaigns/')}/qualification/export`)).status()).toBe(401);
  await visitor.close();
});
