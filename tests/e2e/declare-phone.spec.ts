import { db } from '@/lib/db';
import { expect, test } from './support/test';
import { createDeclarationScope } from '../support/declarations';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

const PHONE_VIEWPORT = { width: 390, height: 844 };

test('on a 390 px phone a secretary fills every section, sees each ticked, and submits', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createDeclarationScope();
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  await page.goto('/declare');
  await page.getByRole('listitem').filter({ hasText: scope.campaign.title }).getByRole('button', { name: '填写申报表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();

  const text = (name: string) => page.getByRole('textbox', { name, exact: true });
  await page.getByRole('combobox', { name: '所属领域', exact: true }).selectOption({ index: 1 });
  await text('党组织书记').fill('韩梅');
  await text('联系人').fill('刘洋');
  // Spaces are fine; the number is stored (and shown, once the field is left) as 11 digits.
  await text('联系电话').fill('139 0000 0011');
  await text('品牌名称').fill('红色管家·邻里守望');
  await expect(text('联系电话')).toHaveValue('13900000011');
  await text('品牌口号').fill('红色管家进楼栋，邻里守望暖人心');
  await page.locator('textarea[name="essence"]').fill('以“红色管家”为载体，把党的温暖送进楼栋。');
  await page.locator('textarea[name="carriers"]').fill('楼栋党小组、红色管家服务站');
  await page.locator('textarea[name="norms"]').fill('每周走访一次，每月议事一次');
  await page.locator('textarea[name="practices"]').fill('组建 36 名红色管家队伍，全年办结民生小事 420 件。');
  for (const box of await page.locator('textarea[name^="selfAssessment."]').all()) await box.fill('已按要求做到');
  await expect(page.getByText(/^已保存 \d\d:\d\d$/)).toBeVisible({ timeout: 10_000 });

  const index = page.getByRole('navigation', { name: '申报表目录' });
  for (const title of ['基本信息', '品牌名称', '品牌内涵', '创建载体', '工作服务规范', '主要做法与成效', '自评']) {
    await expect(index.getByRole('link', { name: new RegExp(`${title}\\s*（已填写）`) })).toBeAttached();
  }
  // Ticked labels stay inside the index strip: the page is exactly as wide as the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await screenshotBoth(page, 'declare-phone-filled');
  await page.setViewportSize(PHONE_VIEWPORT);

  await page.getByRole('button', { name: '提交', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '提交申报表' });
  await expect(dialog.getByRole('button', { name: '确认提交' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/declare-phone-confirm-390.png` });
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText(/申报表已于 .* 提交/)).toBeVisible();
});

test('autosave with one invalid field keeps focus where the user types and saves every other field', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createDeclarationScope();
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  await page.goto('/declare');
  await page.getByRole('listitem').filter({ hasText: scope.campaign.title }).getByRole('button', { name: '填写申报表' }).click();
  const text = (name: string) => page.getByRole('textbox', { name, exact: true });

  // The inputs carry their caps; a value that still gets past one (here: the cap removed) is not saved, and says so.
  await expect(text('品牌名称')).toHaveAttribute('maxlength', '15');
  await expect(page.locator('textarea[name="essence"]')).toHaveAttribute('maxlength', '2000');
  await text('品牌名称').evaluate((input) => input.removeAttribute('maxlength'));
  await text('品牌名称').fill('红色管家邻里守望红色管家邻里守望');
  await expect(page.getByText('品牌名称不能超过 15 个字')).toBeVisible();

  await text('联系人').click();
  await text('联系人').pressSequentially('刘洋', { delay: 50 });
  await text('联系电话').click();
  await text('联系电话').pressSequentially('0571-8888666', { delay: 50 });
  // The autosave after the last keystroke stores the phone (and 联系人) although the brand name is over its cap.
  const stored = () => db.application.findFirst({ where: { organizationId: scope.branchA.id }, select: { contactName: true, contactPhone: true, brandName: true } });
  await expect.poll(stored, { timeout: 15_000 }).toEqual({ contactName: '刘洋', contactPhone: '0571-8888666', brandName: '' });
  await expect(page.getByText(/已保存 \d\d:\d\d，1 项有误未保存/)).toBeVisible();
  await expect(text('联系电话')).toBeFocused();
  await expect(text('联系电话')).toHaveValue('0571-8888666');
  await expect(page.getByText('品牌名称不能超过 15 个字')).toBeVisible();
  await screenshotBoth(page, 'declare-phone-invalid-field');

  // After a reload the server's fields come back, and the refused brand name from this device's copy, still marked.
  await page.reload();
  await expect(text('联系人')).toHaveValue('刘洋');
  await expect(text('联系电话')).toHaveValue('0571-8888666');
  await expect(page.getByText(/已恢复本设备上 .* 填写、尚未保存的内容/)).toBeVisible();
  await expect(text('品牌名称')).toHaveValue('红色管家邻里守望红色管家邻里守望');
  await expect(page.getByText('品牌名称不能超过 15 个字')).toBeVisible();
  expect((await stored())?.brandName).toBe('');

  // Fixing the value clears its error at once.
  await text('品牌名称').evaluate((input) => input.removeAttribute('maxlength'));
  await text('品牌名称').fill('名'.repeat(16));
  await expect(page.getByText('品牌名称不能超过 15 个字')).toBeVisible();
  await text('品牌名称').fill('红色管家');
  await expect(page.getByText('品牌名称不能超过 15 个字')).toBeHidden();
  await expect.poll(async () => (await stored())?.brandName, { timeout: 15_000 }).toBe('红色管家');
  await expect(page.getByText(/^已保存 \d\d:\d\d$/)).toBeVisible();
  await page.reload();
  await expect(text('品牌名称')).toHaveValue('红色管家');
});
