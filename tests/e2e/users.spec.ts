import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { SignInPage, signInAs } from './support/session';

const outputDir = process.env.E2E_OUTPUT_DIR ?? 'test-results';

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${outputDir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function readTemporaryPassword(page: Page): Promise<string> {
  const output = page.getByRole('dialog').getByTestId('temporary-password');
  await expect(output).toHaveText(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
  return (await output.textContent())!;
}

test('admin creates a user with a role, resets the password, and the user must change it at first sign-in', async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const loginName = `e2e-user-${suffix}`;
  const displayName = `测试用户${suffix}`;

  await signInAs(page, 'admin', /\/admin$/);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  // 20 per page: the seeded accounts alone fill the first page.
  await expect(page.getByRole('link', { name: /^管理 / })).toHaveCount(20);
  await expect(page.getByRole('navigation', { name: '分页' })).toContainText('第 1 /');
  await screenshots(page, 'users-list');

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByText('登录名至少 3 个字符')).toBeVisible();
  await dialog.getByLabel('登录名').fill('admin');
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByLabel('角色').selectOption({ label: '支部书记' });
  const orgSelect = dialog.getByLabel('所属组织');
  await orgSelect.selectOption((await orgSelect.locator('option', { hasText: 'SF-DC-CG-02' }).getAttribute('value'))!);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '登录名已被使用' }).first()).toBeVisible();
  await dialog.getByLabel('登录名').fill(loginName);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('heading', { name: '用户已创建' })).toBeVisible();
  const firstPassword = await readTemporaryPassword(page);
  await dialog.getByRole('button', { name: '完成' }).click();

  await page.getByRole('searchbox').fill(loginName);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${loginName}`));
  await page.getByRole('link', { name: `管理 ${displayName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '城关镇柳湾村党支部' })).toContainText('支部书记');
  await expect(page.getByText('待改密')).toBeVisible();

  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByRole('dialog').getByText('原密码立即失效')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByRole('heading', { name: '密码已重置' })).toBeVisible();
  const resetPassword = await readTemporaryPassword(page);
  expect(resetPassword).not.toBe(firstPassword);
  await screenshots(page, 'users-reset');
  await page.getByRole('dialog').getByRole('button', { name: '完成' }).click();
  await screenshots(page, 'users-detail');

  const context = await browser.newContext();
  const userPage = await context.newPage();
  const signIn = new SignInPage(userPage);
  await signIn.open();
  await signIn.signIn(loginName, firstPassword);
  await expect(userPage.getByRole('alert').filter({ hasText: '账号或密码错误' })).toBeVisible();
  await signIn.signIn(loginName, resetPassword);
  await expect(userPage).toHaveURL(/\/account\/password$/);
  await expect(userPage.getByText('请先设置新密码再继续使用')).toBeVisible();
  await userPage.goto('/declare');
  await expect(userPage).toHaveURL(/\/account\/password$/);
  await context.close();
});

test('admin disables a user and the user can no longer sign in; the admin cannot disable themselves', async ({ page, browser }) => {
  const suffix = Date.now().toString(36);
  const loginName = `e2e-off-${suffix}`;
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('登录名').fill(loginName);
  await dialog.getByLabel('姓名').fill(`停用测试${suffix}`);
  await dialog.getByLabel('角色').selectOption({ label: '党员' });
  const orgSelect = dialog.getByLabel('所属组织');
  await orgSelect.selectOption((await orgSelect.locator('option', { hasText: 'SF-NH-HB-01' }).getAttribute('value'))!);
  await dialog.getByRole('button', { name: '创建' }).click();
  const password = await readTemporaryPassword(page);
  await dialog.getByRole('link', { name: '查看用户' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `停用测试${suffix}` })).toBeVisible();

  await page.getByRole('button', { name: '停用账号' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(page.getByText('账号已停用')).toBeVisible();
  await expect(page.getByText('已停用', { exact: true })).toBeVisible();

  const context = await browser.newContext();
  const userPage = await context.newPage();
  const signIn = new SignInPage(userPage);
  await signIn.open();
  await signIn.signIn(loginName, password);
  await expect(userPage.getByRole('alert').filter({ hasText: '该账号已停用' })).toBeVisible();
  await context.close();

  await page.goto('/admin/users?q=admin&role=ORG_ADMIN');
  await page.getByRole('link', { name: /^管理 李组织/ }).first().click();
  await expect(page.getByText('这是您自己的账号')).toBeVisible();
  await expect(page.getByRole('button', { name: '停用账号' })).toHaveCount(0);
});
