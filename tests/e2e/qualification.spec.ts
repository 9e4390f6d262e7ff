import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { qualifyApplication } from '@/lib/qualification/service';
import { recommendEntry } from '@/lib/recommendation/service';
import { TEST_PASSWORD } from '../support/factories';
import { createRecommendationScope, openQualification } from '../support/recommendations';
import { screenshotBoth } from './support/screenshots';
import { SignInPage, signInTestUser } from './support/session';

// Three entries recommended by both levels (set up through the services, as the integration tests do), then the
// organization department checks them in 资格审查 and publishes the 品牌清单, which the public reads on a phone.
test('the admin qualifies, sends one back, bulk-passes and publishes; the public list shows the brands on a phone', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 3 });
  for (const entry of scope.entries) {
    await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, { actorId: scope.committeeAdmin.id });
    await recommendEntry({ applicationId: entry.id, organizationId: scope.district.id }, { actorId: scope.districtAdmin.id });
  }
  await openQualification(scope.campaign.id);
  const admin = await db.user.findUniqueOrThrow({ where: { id: scope.cityAdmin.id }, select: { loginName: true } });
  const rows = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const [first, second, third] = scope.entries.map((entry) => rows.find((row) => row.id === entry.id)!.brandName);

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(admin.loginName, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/campaigns/${scope.campaign.id}/qualification`);
  await expect(page.getByRole('heading', { level: 1, name: '资格审查' })).toBeVisible();

  // One by one: all conditions met → passed.
  await page.getByRole('button', { name: `审查 ${first}` }).filter({ visible: true }).click();
  const dialog = page.getByRole('dialog', { name: '资格审查' });
  await dialog.getByRole('button', { name: '全部符合' }).click();
  await expect(dialog.getByRole('radio', { name: '通过，列入品牌清单' })).toBeChecked();
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await expect(dialog).toBeHidden();

  // Not eligible → back to the branch with the reason.
  await page.getByRole('button', { name: `审查 ${second}` }).filter({ visible: true }).click();
  await dialog.getByRole('radio', { name: '不通过，退回重新申报' }).check();
  await dialog.getByRole('textbox', { name: '不通过理由' }).fill('品牌创建不满一年，暂不符合申报条件');
  await dialog.getByRole('button', { name: '不通过并退回' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await db.application.findUniqueOrThrow({ where: { id: scope.entries[1].id }, select: { status: true } })).status).toBe('RETURNED');

  // The obvious one in bulk.
  await page.getByRole('checkbox', { name: `选择 ${third}` }).filter({ visible: true }).check();
  await page.getByRole('button', { name: /批量通过/ }).click();
  await page.getByRole('dialog', { name: '批量通过资格审查' }).getByRole('button', { name: '确认通过 1 个' }).click();
  await expect(page.getByText('已批量通过 1 个品牌。')).toBeVisible();
  await screenshotBoth(page, 'qualification-done');

  // The entry sent back stays on record under 未通过, with the reason and who decided.
  await page.getByRole('link', { name: /^未通过/ }).click();
  await expect(page.getByRole('link', { name: /^未通过/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('不通过理由：品牌创建不满一年，暂不符合申报条件').filter({ visible: true })).toBeVisible();
  await expect(page.getByText(second, { exact: true }).filter({ visible: true })).toBeVisible();
  await screenshotBoth(page, 'qualification-failed');

  await page.goto(`/admin/campaigns/${scope.campaign.id}/brand-list`);
  await page.getByRole('button', { name: '发布品牌清单' }).click();
  await page.getByRole('dialog', { name: '发布品牌清单？' }).getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/第 1 版/).first()).toBeVisible();
  await screenshotBoth(page, 'brand-list-published');

  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(`/campaigns/${scope.campaign.id}/brands`);
  await expect(phone.getByText(first).first()).toBeVisible();
  await expect(phone.getByText(third).first()).toBeVisible();
  await expect(phone.getByText(second)).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/brand-list-public-390.png`, fullPage: true });
  await visitor.close();
});

test('a branch revises the entry 资格审查 sent back, and it comes straight back to the admin without climbing again', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 1 });
  const [entry] = scope.entries;
  await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, { actorId: scope.committeeAdmin.id });
  await recommendEntry({ applicationId: entry.id, organizationId: scope.district.id }, { actorId: scope.districtAdmin.id });
  await openQualification(scope.campaign.id);
  const reason = '成效部分缺少数据支撑，请补充后重新提交';
  await qualifyApplication({ applicationId: entry.id, checks: {}, result: 'FAILED', reason }, { actorId: scope.cityAdmin.id });

  const branch = await signInTestUser(browser, entry.secretaryId);
  await branch.goto('/declare');
  const card = branch.getByRole('listitem').filter({ hasText: scope.campaign.title });
  await expect(card.getByText(/^资格审查未通过，申报表已退回，请按以下意见修改后在 .+ 前重新提交（提交后直接回到资格审查，无需再次逐级推荐）：$/)).toBeVisible();
  await expect(card.getByText(reason)).toBeVisible();
  await screenshotBoth(branch, 'declare-list-qualification-returned');
  await card.getByRole('link', { name: '修改后重新提交' }).click();
  await branch.locator('textarea[name="practices"]').fill('建立网格化服务机制，全年服务群众 300 人次，办结诉求 126 件。');
  await branch.getByRole('button', { name: '提交', exact: true }).click();
  await branch.getByRole('dialog', { name: '提交申报表' }).getByRole('button', { name: '确认提交' }).click();
  await expect(branch.getByText(/申报表已于 .* 提交/)).toBeVisible();

  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto(`/admin/campaigns/${scope.campaign.id}/qualification`);
  await expect(admin.getByText(`退回后已修改重新提交 · 原退回理由：${reason}`).filter({ visible: true })).toBeVisible();
  await expect(admin.getByRole('button', { name: /^审查 / }).filter({ visible: true })).toHaveCount(1);
  await screenshotBoth(admin, 'qualification-resubmitted');
});
