import { expect, test } from './support/test';
import { db, dbNow } from '@/lib/db';
import { monthLabel, shanghaiDay } from '@/lib/cultivation/ledger-schedule';
import { createTestCampaign } from '../support/campaigns';
import { createCultivation, openCultivationStage } from '../support/cultivations';
import { createOrg, createUser } from '../support/factories';
import { samplePng } from '../support/upload-samples';
import { screenshotBoth } from './support/screenshots';
import { signInAs, signInTestUser } from './support/session';

test('a committee pairs a brand with a lagging branch; the brand secretary records a joint activity on a phone; both sides see it', async ({ page, browser }) => {
  const [city, committee, branch, admin] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { code: 'SF' } }),
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH' } }),
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH-01' } }),
    db.user.findUniqueOrThrow({ where: { loginName: 'admin' } }),
  ]);
  const tag = Date.now().toString(36);
  const { campaign } = await createTestCampaign({ ownerOrgId: city.id, actorId: admin.id, publish: true, changes: { title: `结对端到端-${tag}` } });
  await openCultivationStage(campaign.id);
  const cultivation = await createCultivation(campaign.id, branch.id, `结对品牌${tag}`);
  // A branch of 东华街道 flagged 后进 by hand, with its own secretary.
  const lagging = await createOrg({ parent: committee, name: `后进支部${tag}` });
  await db.organization.update({ where: { id: lagging.id }, data: { isLagging: true, laggingNote: '组织生活不规范' } });
  const partnerSecretary = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: lagging.id }] });
  const month = shanghaiDay(await dbNow()).slice(0, 7);

  // The committee creates the pairing.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.getByRole('link', { name: '结对共建' }).first().click();
  await page.getByRole('link', { name: '新建结对' }).click();
  const form = page.getByRole('form', { name: '新建结对' });
  await form.getByLabel('品牌组织').selectOption({ label: `${branch.name} ·「结对品牌${tag}」（培育创建中）` });
  await form.getByLabel(/^后进党支部/).selectOption({ label: lagging.name });
  await form.getByLabel('结对目标与计划').fill('帮助后进支部规范“三会一课”，联合开展志愿服务。');
  await screenshotBoth(page, 'pairing-new');
  await form.getByRole('button', { name: '建立结对' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${branch.name} ⇄ ${lagging.name}` })).toBeVisible();
  const pairing = await db.pairing.findFirstOrThrow({ where: { partnerOrgId: lagging.id }, select: { id: true } });
  await page.context().clearCookies();

  // The brand's secretary records the joint activity on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'sec-xfl', /\/declare$/);
  await page.getByRole('link', { name: '结对共建' }).first().click();
  await page.getByRole('link', { name: `${branch.name} ⇄ ${lagging.name}` }).click();
  const activity = page.getByRole('form', { name: '记录共建活动' });
  await activity.getByLabel('活动名称').fill(`联合主题党日${tag}`);
  await activity.getByLabel('地点').fill('幸福里社区党群服务中心');
  await activity.getByLabel('参加人员').fill('双方党员 32 人');
  await activity.getByLabel('活动内容').fill('共同学习，帮助后进支部补齐会议记录。');
  await activity.locator('fieldset').filter({ hasText: '活动照片' }).locator('input[type="file"]').setInputFiles({ name: '共建.png', mimeType: 'image/png', buffer: await samplePng() });
  await expect(activity.getByRole('img', { name: '共建.png' })).toBeVisible();
  await activity.getByRole('button', { name: '保存共建活动' }).click();
  await expect(activity.getByText('已记录共建活动')).toBeVisible();
  const ledger = page.getByRole('region', { name: monthLabel(month) });
  await expect(ledger.getByRole('heading', { name: new RegExp(`联合主题党日${tag}`) })).toBeVisible();
  await screenshotBoth(page, 'pairing-activity');

  // It is in the brand's 台帐 of the month, marked 结对共建 and read-only.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cultivation/${cultivation.id}/ledger?month=${month}`);
  const joint = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(`${monthLabel(month)}的结对共建活动`) }) });
  await expect(joint.getByRole('heading', { name: new RegExp(`联合主题党日${tag}`) })).toBeVisible();
  await expect(joint.getByText('结对共建', { exact: true })).toBeVisible();
  await expect(joint.getByRole('link', { name: lagging.name })).toBeVisible();
  await expect(joint.getByRole('img', { name: '共建.png' })).toBeVisible();
  await screenshotBoth(page, 'pairing-in-ledger');

  // The partner branch's secretary sees it on its pairing page, its 台帐 of the pairing.
  const partnerPage = await signInTestUser(browser, partnerSecretary.id, { phone: true });
  await partnerPage.goto(`/pairings/${pairing.id}`);
  await expect(partnerPage.getByRole('region', { name: monthLabel(month) }).getByRole('heading', { name: new RegExp(`联合主题党日${tag}`) })).toBeVisible();
  await expect(partnerPage.getByRole('img', { name: '共建.png' })).toBeVisible();
  await partnerPage.context().close();

  // The committee's 后进党支部 list and the 年度考核 table name the pairing's organizations.
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.goto('/pairings/lagging');
  await expect(page.getByText(lagging.name)).toBeVisible();
  await screenshotBoth(page, 'pairing-lagging');
  await page.getByRole('link', { name: '年度考核' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '年度考核' })).toBeVisible();
  await screenshotBoth(page, 'annual-review');

  await db.campaign.update({ where: { id: campaign.id }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: '端到端测试结束' } });
});
