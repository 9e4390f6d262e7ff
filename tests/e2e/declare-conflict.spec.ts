import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { db } from '@/lib/db';
import { getOrCreateDraft, submitApplication } from '@/lib/application/service';
import { expect, test } from './support/test';
import { completeValues, createDeclarationScope } from '../support/declarations';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

// Two windows edit one draft. The window whose autosave loses the race keeps its text (form and local copy),
// and the user decides: copy it field by field, overwrite the newer version, or take the newer version.

const stored = (id: string) =>
  db.application.findUniqueOrThrow({ where: { id }, select: { revision: true, brandName: true, slogan: true, practices: true, carriers: true, status: true } });

async function openDraft(page: Page, id: string) {
  await page.goto(`/declare/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
}

const practices = (page: Page) => page.locator('textarea[name="practices"]');

test('the window that loses an autosave race keeps its text; the user copies it, overwrites the newer version or takes it', async ({ browser }) => {
  test.setTimeout(150_000);
  const scope = await createDeclarationScope();
  const { id } = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
  const first = await signInTestUser(browser, scope.secretaryA.id);
  const second = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  await second.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDraft(first, id);
  await openDraft(second, id);

  // The first window saves a brand name and its practices.
  await first.getByRole('textbox', { name: '品牌名称', exact: true }).fill('红色管家');
  await practices(first).fill('第一个窗口写的做法。');
  await expect.poll(() => stored(id), { timeout: 15_000 }).toMatchObject({ brandName: '红色管家', practices: '第一个窗口写的做法。' });
  const { revision } = await stored(id);

  // The second window, still on revision 0, types its own practices and slogan: its autosave is refused.
  const mine = '第二个窗口写的做法：组建 36 名红色管家队伍，全年办结民生小事 420 件。';
  await second.getByRole('textbox', { name: '品牌口号', exact: true }).fill('红色管家进楼栋');
  await practices(second).click();
  await practices(second).pressSequentially(mine, { delay: 5 });
  await expect(second.getByText('未保存：申报表已在别处修改，你的内容保存在本设备上')).toBeVisible({ timeout: 15_000 });
  // Nothing moved: the text is where it was typed, the cursor too, and no dialog took the focus.
  await expect(practices(second)).toBeFocused();
  await expect(practices(second)).toHaveValue(mine);
  await expect(second.getByRole('dialog')).toBeHidden();
  await screenshotBoth(second, 'declare-conflict-autosave');
  await second.setViewportSize({ width: 390, height: 844 });
  const localCopy = () => second.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.values, `dj:draft:${id}:0`);
  await expect.poll(localCopy).toMatchObject({ practices: mine, slogan: '红色管家进楼栋' });
  expect((await stored(id)).practices).toBe('第一个窗口写的做法。');

  // A reload (or a crash) loses nothing: the copy comes back into the form and the choice is offered at once.
  await second.reload();
  const dialog = second.getByRole('dialog', { name: '申报表已在别处修改' });
  await expect(dialog).toBeVisible();
  await expect(practices(second)).toHaveValue(mine);
  const practicesRow = dialog.getByRole('region', { name: '主要做法与成效' });
  await expect(practicesRow).toContainText(mine);
  await expect(practicesRow).toContainText('第一个窗口写的做法。');
  await expect(dialog.getByRole('region', { name: '品牌名称' })).toContainText('本窗口没有改动这一栏');
  const { violations } = await new AxeBuilder({ page: second }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((violation) => violation.impact !== 'minor').map((violation) => violation.id)).toEqual([]);
  await screenshotBoth(second, 'declare-conflict-dialog');
  await second.setViewportSize({ width: 390, height: 844 });

  // 复制我的内容, field by field.
  await practicesRow.getByRole('button', { name: '复制我的内容：主要做法与成效' }).click();
  await expect(practicesRow.getByText('已复制')).toBeVisible();
  expect(await second.evaluate(() => navigator.clipboard.readText())).toBe(mine);

  // 用我的内容覆盖, after a confirmation: the second window's fields win, the brand name only the first window set stays.
  await dialog.getByRole('button', { name: '用我的内容覆盖' }).click();
  await expect(dialog.getByText('将保存本窗口修改过的 2 个栏目，覆盖最新版本中的对应内容；只在别处修改的 1 个栏目保留最新版本。')).toBeVisible();
  await dialog.getByRole('button', { name: '确认覆盖' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => stored(id), { timeout: 15_000 }).toMatchObject({ revision: revision + 1, brandName: '红色管家', slogan: '红色管家进楼栋', practices: mine });
  await expect(second.getByRole('textbox', { name: '品牌名称', exact: true })).toHaveValue('红色管家');
  expect(await second.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)), `dj:draft:${id}:`)).toEqual([]);

  // Now the first window is behind. Its change is refused; it takes the newest version instead, after a confirmation.
  await first.locator('textarea[name="carriers"]').fill('第一个窗口后来写的载体');
  await expect(first.getByText('未保存：申报表已在别处修改，你的内容保存在本设备上')).toBeVisible({ timeout: 15_000 });
  await first.getByRole('button', { name: '查看并处理' }).first().click();
  const firstDialog = first.getByRole('dialog', { name: '申报表已在别处修改' });
  await expect(firstDialog.getByRole('region', { name: '创建载体' })).toContainText('第一个窗口后来写的载体');
  await screenshotBoth(first, 'declare-conflict-dialog-desktop');
  await firstDialog.getByRole('button', { name: '放弃我的修改，载入最新版本' }).click();
  await firstDialog.getByRole('button', { name: '确认放弃我的修改' }).click();
  await expect(firstDialog).toBeHidden();
  await expect(practices(first)).toHaveValue(mine);
  await expect(first.locator('textarea[name="carriers"]')).toHaveValue('');
  // And it saves normally again, on top of the newest revision.
  await first.locator('textarea[name="carriers"]').fill('党员服务站');
  await expect.poll(() => stored(id), { timeout: 15_000 }).toMatchObject({ carriers: '党员服务站', practices: mine, slogan: '红色管家进楼栋' });
});

test('text typed in a window whose draft was submitted elsewhere is kept on the device and shown to copy', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createDeclarationScope();
  const { id } = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  await openDraft(page, id);
  await submitApplication({ applicationId: id, revision: 0, values: await completeValues(scope.campaign.id, '另一台设备提交的名称') }, { actorId: scope.secretaryA.id });

  await practices(page).fill('提交之后才写完的做法');
  await expect(page.getByText(/本设备上保存着 .* 填写、未能保存到申报表的内容（1 个栏目）/)).toBeVisible({ timeout: 15_000 });
  await page.getByText('查看未保存的内容').click();
  await expect(page.getByRole('region', { name: '主要做法与成效' })).toContainText('提交之后才写完的做法');
  expect((await stored(id)).status).toBe('SUBMITTED');
  await screenshotBoth(page, 'declare-conflict-submitted-elsewhere');
  await page.getByRole('button', { name: '删除本设备上的副本' }).click();
  await page.reload();
  await expect(page.getByText('查看未保存的内容')).toBeHidden();
});
