import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAs } from './support/session';

const outputDir = process.env.E2E_OUTPUT_DIR ?? 'test-results';
const ORG_HEADER = ['组织代码', '组织名称', '简称', '上级组织代码', '层级', '领域', '党员人数', '书记姓名', '书记手机'];
const USER_HEADER = ['登录名', '姓名', '手机号', '角色', '所属组织代码'];

async function writeWorkbook(sheetName: string, header: string[], rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'e2e-import-')), `${sheetName}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

function section(page: Page, title: string): Locator {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

async function upload(area: Locator, file: string) {
  await area.locator('input[type="file"]').setInputFiles(file);
  await area.getByRole('button', { name: '上传并导入' }).click();
}

test('an organization workbook with an error lists the row; the corrected one imports, and re-importing changes nothing', async ({ page }) => {
  const suffix = Date.now().toString(36).toUpperCase();
  const code = `E2E-IMP-${suffix}`;
  const good = [
    [`${code}-01`, `导入测试幸福党支部${suffix}`, '', code, '支部', '农村', 23, '王五', '13812345678'],
    [code, `导入测试片区党委${suffix}`, '', 'SF-DC-CG', '党委', '农村', 0, '', ''],
  ];
  const bad = good.map((row) => [...row]);
  bad[0][6] = '二十三';
  bad[1][5] = '林业';

  await signInAs(page, 'admin', /\/admin$/);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name: '批量导入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '批量导入' })).toBeVisible();
  const orgs = section(page, '组织');

  const downloadPromise = page.waitForEvent('download');
  await orgs.getByRole('link', { name: '下载组织导入模板' }).click();
  expect((await downloadPromise).suggestedFilename()).toBe('组织导入模板.xlsx');

  await upload(orgs, await writeWorkbook('组织', ORG_HEADER, bad));
  await expect(orgs.getByText('发现 2 处问题，没有导入任何数据')).toBeVisible();
  const errorRows = orgs.getByRole('table').getByRole('row');
  await expect(errorRows.nth(1)).toContainText('第 2 行');
  await expect(errorRows.nth(1)).toContainText('党员人数');
  await expect(errorRows.nth(1)).toContainText('党员人数必须是数字');
  await expect(errorRows.nth(2)).toContainText('第 3 行');
  await expect(errorRows.nth(2)).toContainText('领域“林业”不在列表中');
  await screenshots(page, 'import-errors');

  await upload(orgs, await writeWorkbook('组织', ORG_HEADER, good));
  await expect(orgs.getByText('导入完成：新建 2 / 更新 0 / 未变 0')).toBeVisible();
  await upload(orgs, await writeWorkbook('组织', ORG_HEADER, good));
  await expect(orgs.getByText('导入完成：新建 0 / 更新 0 / 未变 2')).toBeVisible();

  const users = section(page, '用户');
  const login = `e2e-imp-${suffix.toLowerCase()}`;
  await upload(users, await writeWorkbook('用户', USER_HEADER, [
    [login, `导入书记${suffix}`, '', '支部书记', `${code}-01`],
    [login, `导入书记${suffix}`, '', '党员', `${code}-01`],
  ]));
  await expect(users.getByText('导入完成：新建 1 / 更新 0 / 未变 0；新增角色 2 个')).toBeVisible();
  await expect(users.getByRole('row').filter({ hasText: login })).toContainText(/[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}/);
  await screenshots(page, 'import-done');
});

test('a file that is not an .xlsx is refused with a Chinese message', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-import-'));
  const file = path.join(dir, 'orgs.csv');
  writeFileSync(file, '组织代码,组织名称\nA,B\n');
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/import');
  const orgs = section(page, '组织');
  await upload(orgs, file);
  await expect(orgs.getByRole('alert').filter({ hasText: '文件不是 .xlsx 格式' })).toBeVisible();
});

test('the template download is refused to anyone but an ORG_ADMIN', async ({ page }) => {
  expect((await page.request.get('/api/import/template?kind=users')).status()).toBe(401);
  await signInAs(page, 'member01', /\/member$/);
  const refused = await page.request.get('/api/import/template?kind=organizations');
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe('您没有权限访问此功能');
});

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${outputDir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
