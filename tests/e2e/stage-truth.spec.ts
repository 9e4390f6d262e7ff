import { db } from '@/lib/db';
import { expect, test } from './support/test';
import { createAwardedScope, openPublicity } from '../support/publicity';
import { signInTestUser } from './support/session';

test('the home page and the 公示与表彰 page tell one stage: 公示进行中, and after 提前结束 the 表彰决定 can go out', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const scope = await createAwardedScope({ entries: 2, awarded: 1 });
  const campaignId = scope.campaign.id;
  // 初评审定's dates still run when the 公示 is published.
  await db.campaignStage.update({
    where: { campaignId_kind: { campaignId, kind: 'DELIBERATION' } },
    data: { isEnabled: true, startsAt: new Date(Date.now() - 3 * 86_400_000), endsAt: new Date(Date.now() + 5 * 86_400_000) },
  });
  await openPublicity(campaignId, scope.cityAdmin.id);

  await page.goto('/');
  const card = page.getByRole('article').filter({ hasText: scope.campaign.title });
  await expect(card.getByText('公示进行中')).toBeVisible();
  await expect(card.getByText('初评审定进行中')).toHaveCount(0);

  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  await staff.goto(`/admin/campaigns/${campaignId}`);
  const publicityStage = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: '公示', exact: true }) });
  await publicityStage.getByRole('button', { name: '提前结束' }).click();
  await staff.getByRole('dialog', { name: '提前结束“公示”阶段？' }).getByRole('button', { name: '确认提前结束' }).click();
  await expect(publicityStage.getByText('已结束')).toBeVisible();

  await staff.goto(`/admin/campaigns/${campaignId}/publicity`);
  await expect(staff.getByText('公示中')).toHaveCount(0);
  await expect(staff.getByText(/期满后才能发布表彰决定/)).toHaveCount(0);
  await staff.getByLabel('文号').fill('示范组通〔2026〕15号');
  await staff.getByRole('button', { name: '发布表彰决定' }).click();
  await staff.getByRole('dialog', { name: '发布表彰决定' }).getByRole('button', { name: '确认发布' }).click();
  await expect(staff.getByText(/表彰品牌 1 个/)).toBeVisible();

  await page.reload();
  await expect(card.getByText('公示进行中')).toHaveCount(0);
});
