import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { recommendEntry } from '@/lib/recommendation/service';
import { TEST_PASSWORD } from '../support/factories';
import { closeLevel, createRecommendationScope } from '../support/recommendations';
import { shanghaiLocal } from './support/campaign-wizard';
import { screenshotBoth } from './support/screenshots';
import { SignInPage, signInTestUser } from './support/session';

// Set up through the same support functions as the integration tests (documenso's pattern): a city campaign with six
// entries waiting at one committee whose quota is 5, the recommendation stage open.
test('a committee ranks its entries, recommends within the quota and is told when the quota is full', async ({ page }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 6, defaultQuota: 5 });
  const admin = await db.user.findUniqueOrThrow({ where: { id: scope.committeeAdmin.id }, select: { loginName: true } });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(admin.loginName, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/committee$/);
  const card = page.getByRole('listitem').filter({ hasText: scope.campaign.title });
  await expect(card.getByText('已推荐 0 / 5')).toBeVisible();
  await screenshotBoth(page, 'committee-home');
  await card.getByRole('link', { name: '进入推荐' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '逐级推荐' })).toBeVisible();

  // Rank: the second entry moves to the top.
  await page.getByRole('button', { name: `上移 ${nameOf(1)}` }).click();
  await page.getByRole('button', { name: '保存排序' }).click();
  await expect(page.getByText('排序已保存')).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText(nameOf(1));

  await page.getByRole('textbox', { name: '推荐意见' }).first().fill('品牌特色鲜明，成效显著，同意推荐。');
  await page.getByRole('textbox', { name: '推荐意见' }).first().blur();
  await expect(page.getByText('推荐意见已保存')).toBeVisible();

  for (let index = 0; index < 5; index++) {
    await page.getByRole('button', { name: `推荐 ${nameOf(index)}`, exact: true }).click();
    await expect(page.getByText(`已推荐 ${index + 1} / 5`)).toBeVisible();
  }
  await page.getByRole('button', { name: `推荐 ${nameOf(5)}`, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '推荐名额已用完（已推荐 5 / 5）' })).toBeVisible();
  await screenshotBoth(page, 'committee-over-quota');

  // Withdrawing one frees its place for the sixth.
  await page.getByRole('button', { name: `撤回 ${nameOf(0)}` }).click();
  await expect(page.getByText('已推荐 4 / 5')).toBeVisible();
  await page.getByRole('button', { name: `推荐 ${nameOf(5)}`, exact: true }).click();
  await expect(page.getByText('已推荐 5 / 5')).toBeVisible();

  // The withdrawn one is kept back with a reason.
  await page.getByRole('button', { name: `不推荐 ${nameOf(0)}` }).click();
  const dialog = page.getByRole('dialog', { name: `不推荐“${nameOf(0)}”` });
  await dialog.getByRole('textbox', { name: '不推荐理由' }).fill('名额有限，本次未能推荐');
  await dialog.getByRole('button', { name: '确认不推荐' }).click();
  await expect(page.getByText('不推荐理由：名额有限，本次未能推荐')).toBeVisible();
  await screenshotBoth(page, 'committee-board');

  // The 推荐汇总表 downloads from the page's links, as Excel and as PDF.
  for (const [name, type] of [['推荐汇总表（Excel）', 'spreadsheetml'], ['推荐汇总表（PDF）', 'application/pdf']] as const) {
    const href = await page.getByRole('link', { name }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(type);
  }

  expect(await db.recommendation.count({ where: { campaignId: scope.campaign.id, organizationId: scope.committee.id, decision: 'RECOMMENDED' } })).toBe(5);
});

test('the organization department gives the committee level its own deadline; after it the committee only looks', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 2 });
  // Recommendation began two hours ago, so the committee's deadline lies inside it.
  await db.$executeRaw`UPDATE campaign_stages SET ends_at = now() - interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'DECLARATION'`;
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '2 hours' WHERE campaign_id = ${scope.campaign.id} AND kind = 'RECOMMENDATION'`;

  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto(`/admin/campaigns/${scope.campaign.id}`);
  await admin.getByRole('link', { name: '修改设置' }).click();
  await admin.getByRole('button', { name: '5. 推荐名额' }).click();
  await expect(admin.getByText('推荐名额已随逐级推荐阶段开始而锁定，不能再修改')).toBeVisible();
  const deadline = shanghaiLocal(3 * 3_600_000);
  await admin.getByLabel(`组织树第 ${scope.committee.depth} 层截止`).fill(deadline);
  await screenshotBoth(admin, 'campaign-edit-level-deadlines');
  await admin.getByRole('button', { name: '7. 确认' }).click();
  await admin.getByRole('button', { name: '保存修改' }).click();
  await expect(admin.getByText('设置已保存。')).toBeVisible();
  const shown = `${Number(deadline.slice(0, 4))}年${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8, 10))}日 ${deadline.slice(11)}`;
  await expect(admin.getByText(`第 ${scope.committee.depth} 层：${shown}`)).toBeVisible();

  const committee = await signInTestUser(browser, scope.committeeAdmin.id);
  const card = committee.getByRole('listitem').filter({ hasText: scope.campaign.title });
  await expect(card.getByText(`本级截止 ${shown}`)).toBeVisible();

  await closeLevel(scope.campaign.id, scope.committee.depth);
  await committee.goto(`/committee/campaigns/${scope.campaign.id}?org=${scope.committee.id}`);
  await expect(committee.getByText('本级推荐已截止', { exact: true })).toBeVisible();
  await expect(committee.getByText(/^本级推荐已于 .+ 截止，以下为本级的推荐结果。$/)).toBeVisible();
  await expect(committee.getByRole('button', { name: /^推荐 / })).toHaveCount(0);
  await screenshotBoth(committee, 'committee-level-closed');
});

test('on a phone, a committee with many entries moves one by typing its place and filters by decision', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 30 });
  await recommendEntry({ applicationId: scope.entries[3].id, organizationId: scope.committee.id }, { actorId: scope.committeeAdmin.id });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;
  const admin = await db.user.findUniqueOrThrow({ where: { id: scope.committeeAdmin.id }, select: { loginName: true } });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(admin.loginName, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/committee$/);
  await page.goto(`/committee/campaigns/${scope.campaign.id}?org=${scope.committee.id}`);
  await expect(page.getByText('本级共 30 个申报。')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The 25th goes to the top by typing 1 into its place.
  const place = page.getByRole('textbox', { name: `${nameOf(24)} 的排序位次` });
  await place.fill('1');
  await place.press('Enter');
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText(nameOf(24));
  await expect(page.getByRole('textbox', { name: `${nameOf(24)} 的排序位次` })).toHaveValue('1');
  await page.getByRole('button', { name: '保存排序' }).click();
  await expect(page.getByText('排序已保存')).toBeVisible();
  const ranks = await db.recommendation.findFirstOrThrow({ where: { applicationId: scope.entries[24].id, organizationId: scope.committee.id }, select: { rank: true } });
  expect(ranks.rank).toBe(1);

  await page.getByRole('button', { name: /^已推荐 1$/ }).click();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('listitem').first()).toContainText(nameOf(3));
  await expect(page.getByText('筛选时不能调整排序，请切换到“全部”。')).toBeVisible();
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/committee-many-filtered-390.png`, fullPage: true });
  await page.getByRole('button', { name: /^不推荐 0$/ }).click();
  await expect(page.getByText('没有不推荐的申报。')).toBeVisible();
  await page.getByRole('button', { name: /^全部 30$/ }).click();
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/committee-many-390.png` });
  await context.close();
});
