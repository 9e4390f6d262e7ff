import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { getOrCreateDraft } from '@/lib/application/service';
import { createDeclarationScope } from '../support/declarations';
import { createRecommendationScope } from '../support/recommendations';
import { signInTestUser } from './support/session';

test('the organization department cancels a running campaign with a reason; the public page says so', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createRecommendationScope({ entries: 1 });
  const page = await signInTestUser(browser, scope.cityAdmin.id);
  await page.goto(`/admin/campaigns/${scope.campaign.id}`);
  await expect(page.getByRole('heading', { level: 1, name: scope.campaign.title })).toBeVisible();
  // 通报表扬 has not started: nothing to finish yet.
  await expect(page.getByRole('button', { name: '结束活动' })).toHaveCount(0);

  await page.getByRole('button', { name: '撤销活动' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销评选活动？' });
  await dialog.getByLabel('撤销理由').fill('暂停');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(dialog.getByText('请写明撤销理由，至少 5 个字')).toBeVisible();
  await dialog.getByLabel('撤销理由').fill('上级通知本年度评选暂停，另行组织');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByText(/本活动已于 .+ 撤销，各环节不能再操作。撤销理由：上级通知本年度评选暂停，另行组织/)).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销活动' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '修改设置' })).toHaveCount(0);

  const visitor = await browser.newPage();
  await visitor.goto(`/campaigns/${scope.campaign.id}`);
  await expect(visitor.getByRole('region', { name: '当前进展' })).toContainText('本次评选已撤销');
  await expect(visitor.getByRole('region', { name: '当前进展' })).toContainText('撤销理由：上级通知本年度评选暂停，另行组织');
  await expect(visitor.getByRole('navigation', { name: '评选公开信息' })).toHaveCount(0);
  await visitor.close();
});

test('once 通报表扬 has started, the campaign is finished from its page', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createRecommendationScope({ entries: 1 });
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '1 hour', ends_at = now() + interval '10 days' WHERE campaign_id = ${scope.campaign.id} AND kind = 'ANNOUNCEMENT'`;
  const page = await signInTestUser(browser, scope.cityAdmin.id);
  await page.goto(`/admin/campaigns/${scope.campaign.id}`);
  await page.getByRole('button', { name: '结束活动' }).click();
  await page.getByRole('dialog', { name: '结束评选活动？' }).getByRole('button', { name: '确认结束' }).click();
  await expect(page.getByText(/本活动已于 .+ 结束，各环节不能再操作/)).toBeVisible();
  await expect(page.getByRole('button', { name: '结束活动' })).toHaveCount(0);
  expect(await db.campaign.findUniqueOrThrow({ where: { id: scope.campaign.id }, select: { status: true } })).toEqual({ status: 'FINISHED' });

  const visitor = await browser.newPage();
  await visitor.goto(`/campaigns/${scope.campaign.id}`);
  await expect(visitor.getByRole('region', { name: '当前进展' })).toContainText('本次评选已结束');
  await visitor.close();
});

test('a branch declares a second brand when the campaign allows several', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createDeclarationScope();
  await db.campaign.update({ where: { id: scope.campaign.id }, data: { allowMultipleApplications: true } });
  const first = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  await page.goto('/declare');
  const rows = page.getByRole('listitem').filter({ hasText: scope.campaign.title });
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: '再申报一个品牌' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`/declare/${first.id}$`));
  const second = await db.application.findFirstOrThrow({ where: { campaignId: scope.campaign.id, organizationId: scope.branchA.id, slot: 2 }, select: { id: true } });
  await expect(page).toHaveURL(new RegExp(`/declare/${second.id}$`));

  await page.goto('/declare');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('（第 1 个品牌）');
  await expect(rows.nth(1)).toContainText('（第 2 个品牌）');
  await expect(page.getByRole('button', { name: '再申报一个品牌' })).toHaveCount(1);
});
