import { expect, test } from './support/test';
import { CampaignWizardPage } from './support/campaign-wizard';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

test('an admin creates a 创建认定 campaign: no vote, review, awards or quotas, 培育与验收 settings instead', async ({ page }) => {
  test.setTimeout(90_000);
  const title = `端到端创建认定-${Date.now().toString(36)}`;
  const wizard = new CampaignWizardPage(page);
  await signInAs(page, 'admin', /\/admin$/);
  await wizard.open();
  await expect(wizard.stepHeading('1. 基本信息')).toBeVisible();
  await expect(page.getByText('不投票、不评比')).toBeVisible();
  await page.getByRole('radio', { name: /创建认定/ }).check();
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('批次').fill('2');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText('第 1 步 / 共 5 步 · 基本信息')).toBeVisible();
  await screenshotBoth(page, 'creation-wizard-1-template');

  await wizard.next('2. 阶段时间');
  for (const omitted of ['逐级推荐', '网络投票', '专家评审', '实地核验', '初评审定', '公示', '通报表扬']) {
    await expect(wizard.stageTime(omitted, '开始时间')).toHaveCount(0);
  }
  await expect(wizard.stageTime('培育创建', '开始时间')).toBeVisible();
  await screenshotBoth(page, 'creation-wizard-2-stages');
  await wizard.next('3. 申报领域');
  await expect(page.getByRole('heading', { name: '奖项' })).toHaveCount(0);
  await wizard.next('4. 培育与验收');
  await page.getByLabel('台帐每月上报日').fill('20');
  await page.getByLabel('提醒同时发短信').check();
  await page.getByLabel('创建期结束日期').fill('2027-10-10');
  await screenshotBoth(page, 'creation-wizard-4-cultivation');
  await wizard.next('5. 确认');
  await expect(page.getByText('每月 20 日前')).toBeVisible();
  await screenshotBoth(page, 'creation-wizard-5-review');
  await page.getByLabel(/创建后立即发布/).check();
  await page.getByRole('button', { name: '创建' }).click();

  await expect(page).toHaveURL(/\/admin\/campaigns\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: '资格把关' })).toBeVisible();
  for (const omitted of ['网络投票', '专家评审', '实地核验', '初评与审定', '公示与表彰']) await expect(page.getByRole('link', { name: omitted })).toHaveCount(0);
  await screenshotBoth(page, 'creation-campaign-page');

  const campaignUrl = new URL(page.url());
  // The omitted stages' pages do not exist for it, typed URL or not (staff and public).
  for (const path of ['votes', 'review', 'onsite', 'decisions', 'publicity', 'objections', 'honors']) {
    expect((await page.request.get(`${campaignUrl.pathname}/${path}`, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  expect((await page.request.get(`${campaignUrl.pathname}/qualification`, { maxRedirects: 0 })).status()).toBe(200);
  for (const path of ['vote', 'publicity', 'announcement']) {
    expect((await page.request.get(`/campaigns${campaignUrl.pathname.replace('/admin/campaigns', '')}/${path}`, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  await page.goto(`/campaigns${campaignUrl.pathname.replace('/admin/campaigns', '')}`);
  await expect(page.getByRole('heading', { name: '创建程序' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '网络投票' })).toHaveCount(0);
  await screenshotBoth(page, 'creation-campaign-public');
});
