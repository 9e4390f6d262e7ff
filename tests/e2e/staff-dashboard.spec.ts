import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { DEMO_CREATION_TITLE } from '../../prisma/seed/demo-programs';
import { signInAs } from './support/session';

test('the 组织部 lands on the dashboard, picks a campaign, and a funnel number opens the matching filtered list', async ({ page }) => {
  const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_HONORED_TITLE }, select: { id: true } });

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'admin', /\/admin$/);
  // The campaign shown first is the newest one in progress: other specs add campaigns of their own, maybe still empty.
  const dashboard = page.getByTestId('staff-dashboard');
  await expect(dashboard).toBeVisible();

  await page.getByRole('navigation', { name: '选择评选活动' }).getByRole('link', { name: new RegExp(DEMO_HONORED_TITLE) }).click();
  await expect(page).toHaveURL(new RegExp(`campaign=${campaign.id}`));
  await expect(page.getByRole('heading', { name: `评选概况 · ${DEMO_HONORED_TITLE}` })).toBeVisible();
  await expect(dashboard.getByRole('img', { name: /评选进度图表/ })).toBeVisible();

  const funnel = dashboard.getByRole('figure').filter({ has: page.getByRole('heading', { name: '评选进度', exact: true }) });
  await funnel.getByText('查看数据表').click();
  const link = funnel.getByRole('row', { name: /已表彰/ }).getByRole('link');
  const honoured = Number(await link.textContent());
  expect(honoured).toBeGreaterThan(0);
  await link.click();

  await expect(page).toHaveURL(new RegExp(`/applications\\?campaign=${campaign.id}&stage=honoured`));
  await expect(page.getByTestId('dashboard-filter')).toContainText(`已到“已表彰”环节（共 ${honoured} 个）`);
  await expect(page.locator('table tbody tr')).toHaveCount(honoured);
});

test('the dashboard shows only the figures of stages the campaign has: a 创建认定 campaign has 台帐, no vote or review', async ({ page }) => {
  const campaign = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true } });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto(`/admin?campaign=${campaign.id}`);
  const dashboard = page.getByTestId('staff-dashboard');
  await expect(dashboard.getByRole('heading', { name: '台帐按时上报率', exact: true })).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: '验收认定', exact: true })).toBeVisible();
  for (const title of ['网络投票（每小时）', '推荐名额使用', '专家评审进度（专家）', '异议办理']) {
    await expect(dashboard.getByRole('heading', { name: title, exact: true })).toHaveCount(0);
  }
});
