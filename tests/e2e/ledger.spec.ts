import { expect, test } from './support/test';
import { db, dbNow } from '@/lib/db';
import { monthLabel, monthOf } from '@/lib/cultivation/ledger-schedule';
import { createTestCampaign } from '../support/campaigns';
import { createCultivation, openCultivationStage } from '../support/cultivations';
import { samplePng } from '../support/upload-samples';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

test('a branch secretary on a phone adds a 台帐 entry with a photo and reports the month; the committee sees the cell turn green', async ({ page }) => {
  const [city, branch, admin] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { code: 'SF' } }),
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH-01' } }),
    db.user.findUniqueOrThrow({ where: { loginName: 'admin' } }),
  ]);
  const tag = Date.now().toString(36);
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: admin.id, publish: true, changes: { title: `台帐端到端-${tag}` } });
  await openCultivationStage(campaign.id);
  const cultivation = await createCultivation(campaign.id, branch.id, `台帐品牌${tag}`);
  const month = monthOf(await dbNow());

  // The committee sees the month not reported yet.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.goto(`/cultivation/grid?campaign=${campaign.id}`);
  const cell = page.getByRole('row').filter({ hasText: branch.name }).locator(`a[href$="month=${month}"]`);
  await expect(cell).not.toHaveAttribute('data-status', 'on-time');
  await page.context().clearCookies();

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'sec-xfl', /\/declare$/);
  await page.getByRole('link', { name: '培育创建' }).first().click();
  await page.getByRole('listitem').filter({ hasText: `台帐品牌${tag}` }).getByRole('link', { name: '台帐' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `台帐品牌${tag} · 台帐` })).toBeVisible();

  const form = page.getByRole('form', { name: '填写台帐' });
  await form.getByLabel('活动名称').fill('主题党日：学习贯彻全会精神');
  await form.getByLabel('地点').fill('社区党群服务中心');
  await form.getByLabel('参加人员').fill('全体党员 21 人');
  await form.getByLabel('活动内容').fill('集中学习、交流发言，并到小区开展志愿服务。');
  await form.locator('fieldset').filter({ hasText: '活动照片' }).locator('input[type="file"]').setInputFiles({ name: '主题党日.png', mimeType: 'image/png', buffer: await samplePng() });
  await expect(form.getByRole('img', { name: '主题党日.png' })).toBeVisible();
  await screenshotBoth(page, 'ledger-entry-form');
  await form.getByRole('button', { name: '保存这条记录' }).click();
  await expect(form.getByText('已添加台帐记录')).toBeVisible();
  const list = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(`^${monthLabel(month)}的记录`) }) });
  await expect(list.getByRole('heading', { name: /主题党日：学习贯彻全会精神/ })).toBeVisible();
  await expect(list.getByRole('img', { name: '主题党日.png' })).toBeVisible();

  await list.getByRole('button', { name: `上报${monthLabel(month)}台帐` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认上报' }).click();
  await expect(page.getByText(new RegExp(`${monthLabel(month)}台帐已于 .* 上报（按时，1 条）`))).toBeVisible();
  await expect(page.getByRole('form', { name: '填写台帐' })).toHaveCount(0);
  await screenshotBoth(page, 'ledger-month-reported');
  expect(await db.ledgerReport.count({ where: { cultivationId: cultivation.id } })).toBe(1);
  await page.context().clearCookies();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.goto(`/cultivation/grid?campaign=${campaign.id}`);
  await expect(cell).toHaveAttribute('data-status', 'on-time');
  await expect(cell).toHaveClass(/bg-green-100/);
  await screenshotBoth(page, 'ledger-grid');
  await cell.click();
  await expect(page.getByRole('heading', { name: /主题党日：学习贯彻全会精神/ })).toBeVisible();
  await db.campaign.update({ where: { id: campaign.id }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: '端到端测试结束' } });
});

test('a branch secretary writes the 创建方案 on a phone (autosaved) and submits it; the committee approves it and it is locked', async ({ page }) => {
  const [city, branch, admin] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { code: 'SF' } }),
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH-01' } }),
    db.user.findUniqueOrThrow({ where: { loginName: 'admin' } }),
  ]);
  const tag = Date.now().toString(36);
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: admin.id, publish: true, changes: { title: `方案端到端-${tag}` } });
  await openCultivationStage(campaign.id);
  const cultivation = await createCultivation(campaign.id, branch.id, `方案品牌${tag}`);

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'sec-xfl', /\/declare$/);
  await page.goto(`/cultivation/${cultivation.id}/plan`);
  const form = page.getByRole('form', { name: '创建方案' });
  await form.getByLabel('创建目标').fill('打造群众认可的社区服务品牌。');
  await expect(form.getByText(/^已保存 /)).toBeVisible();
  await expect(form.getByLabel('创建目标')).toBeFocused();
  await form.getByLabel('主要措施').fill('建强阵地，设立党员先锋岗。');
  await form.getByRole('button', { name: '添加任务' }).click();
  await form.getByLabel('任务 1', { exact: true }).fill('完成阵地改造');
  await form.getByLabel('时间节点').fill('2027-01-15');
  await form.getByLabel('责任人').fill('张书记');
  await expect(page.getByText(/剩 \d+ 天|已过 \d+ 天|今天到期/)).toBeVisible();
  await screenshotBoth(page, 'plan-form');
  await form.getByRole('button', { name: '提交创建方案' }).click();
  await expect(page.getByText(/等待上级党\(工\)委审核/)).toBeVisible();
  await page.context().clearCookies();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.goto(`/cultivation/${cultivation.id}/plan`);
  await expect(page.getByText('完成阵地改造')).toBeVisible();
  await page.getByRole('button', { name: '批准' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await expect(page.getByText(/批准。批准后的方案不能再修改/)).toBeVisible();
  await screenshotBoth(page, 'plan-approved');
  expect((await db.cultivationPlan.findUniqueOrThrow({ where: { cultivationId: cultivation.id } })).status).toBe('APPROVED');
  await db.campaign.update({ where: { id: campaign.id }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: '端到端测试结束' } });
});
