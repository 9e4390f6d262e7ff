import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/session';

const outputDir = process.env.E2E_OUTPUT_DIR ?? 'test-results';

async function openOrgTree(page: Page) {
  await signInAs(page, 'admin', /\/admin$/);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name: '组织架构' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs$/);
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
}

async function fillOrgForm(page: Page, values: { name: string; code: string; levelLabel: string; memberCount: string }) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('组织全称').fill(values.name);
  await dialog.getByLabel('组织代码').fill(values.code);
  await dialog.getByLabel('层级').fill(values.levelLabel);
  await dialog.getByLabel('党员人数').fill(values.memberCount);
}

test('the tree opens two levels deep, expands by keyboard and filters by search', async ({ page }) => {
  await openOrgTree(page);
  await expect(page.getByRole('heading', { name: '各领域党组织（不含已停用）' })).toBeVisible();
  const tree = page.getByRole('list', { name: '组织树' });
  await expect(tree.getByText('城关镇党委', { exact: true })).toBeVisible();
  await expect(tree.getByText('城关镇桃源村党支部', { exact: true })).toBeHidden();

  const expandTown = page.getByRole('button', { name: '展开城关镇党委' });
  await expect(expandTown).toHaveAttribute('aria-expanded', 'false');
  await expandTown.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '收起城关镇党委' })).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.getByText('城关镇桃源村党支部', { exact: true })).toBeVisible();

  await page.getByRole('searchbox', { name: '搜索组织' }).fill('快递');
  await expect(page.getByText('找到 1 个匹配的组织')).toBeVisible();
  await expect(tree.getByText('东华街道快递小哥党支部', { exact: true })).toBeVisible();
  await expect(tree.getByText('东华街道党工委', { exact: true })).toBeVisible();
  await expect(tree.getByText('东华街道光明社区党支部', { exact: true })).toBeHidden();
  await expect(tree.getByText('示范市国资委党委（市国资委党委）', { exact: true })).toBeHidden();

  await page.getByRole('searchbox', { name: '搜索组织' }).fill('sf-dc-jg-0');
  await expect(page.getByText('找到 4 个匹配的组织')).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索组织' }).fill('没有这个组织');
  await expect(page.getByText('没有匹配的组织')).toBeVisible();
});

test('admin creates, renames, fails to move under its own child, and disables an organization', async ({ page }) => {
  const suffix = Date.now().toString(36).toUpperCase();
  const name = `测试党支部${suffix}`;
  const renamed = `桃李党支部${suffix}`;
  const childName = `测试党小组${suffix}`;
  await openOrgTree(page);

  await page.getByRole('searchbox', { name: '搜索组织' }).fill('城关镇党委');
  await page.getByRole('button', { name: '新建下级：城关镇党委' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: '新建下级组织' })).toBeVisible();
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog.getByText('请填写组织全称（至少 2 个字）')).toBeVisible();
  await fillOrgForm(page, { name, code: 'SF-DC-CG-01', levelLabel: '党支部', memberCount: '12' });
  await dialog.getByLabel('领域').selectOption({ label: '农村' });
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '组织代码已被使用' }).last()).toBeVisible();
  await expect(dialog.getByLabel('组织代码')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('组织代码').fill(`E2E-${suffix}`);
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText(`已在「城关镇党委」下新建「${name}」`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole('searchbox', { name: '搜索组织' }).fill(suffix);
  await page.getByRole('button', { name: `编辑：${name}` }).click();
  await expect(dialog.getByLabel('组织全称')).toHaveValue(name);
  await dialog.getByLabel('组织全称').fill(renamed);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存「${renamed}」`)).toBeVisible();

  await page.getByRole('searchbox', { name: '搜索组织' }).fill('');
  await page.getByRole('button', { name: `新建下级：${renamed}` }).click();
  await fillOrgForm(page, { name: childName, code: `E2E-${suffix}-G1`, levelLabel: '党小组', memberCount: '5' });
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText(`已在「${renamed}」下新建「${childName}」`)).toBeVisible();
  await expect(page.getByRole('list', { name: '组织树' }).getByText(childName, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `移动：${renamed}` }).click();
  await expect(dialog.getByRole('heading', { name: '移动组织' })).toBeVisible();
  await dialog.getByRole('searchbox', { name: '查找新的上级组织' }).fill(`E2E-${suffix}-G1`);
  await dialog.getByRole('radio', { name: new RegExp(childName) }).check();
  await dialog.getByRole('button', { name: '移动', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('不能把组织移动到它自己或它的下级组织之下');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${outputDir}/orgs-move-refused-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `停用：${renamed}` }).click();
  await expect(dialog.getByText('整个下级子树（1 个下级组织）将一并停用')).toBeVisible();
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByText(`已停用「${renamed}」及其 1 个下级组织`)).toBeVisible();
  await expect(page.getByRole('button', { name: `启用：${renamed}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `启用：${childName}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `新建下级：${renamed}` })).toBeHidden();

  await page.getByRole('button', { name: `启用：${childName}` }).click();
  await dialog.getByRole('button', { name: '确认启用' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('上级组织已停用，请先启用上级组织');
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('the tree page fits a phone and a desktop screen', async ({ page }) => {
  await openOrgTree(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no horizontal scrolling at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${outputDir}/orgs-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: '编辑：东华街道党工委' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('组织全称')).toHaveValue('东华街道党工委');
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  await page.screenshot({ path: `${outputDir}/orgs-edit-dialog-390.png` });
  await dialog.getByRole('button', { name: '取消' }).click();
});
