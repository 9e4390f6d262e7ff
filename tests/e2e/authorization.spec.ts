import { expect, test } from './support/test';
import { baseURL } from '../../playwright.config';
import { signInAs } from './support/session';
import { serverActionId } from './support/server-actions';
import { db } from '@/lib/db';

test('a direct POST to an admin action from a member’s session is refused and changes nothing', async ({ page }) => {
  await signInAs(page, 'member01', /\/member$/);
  const code = `FORGED-${Date.now()}`;
  const actionId = serverActionId('lib/organization/actions.ts', 'createOrganizationAction');
  const response = await page.request.post('/admin/orgs', {
    headers: { 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8', Origin: baseURL, Accept: 'text/x-component' },
    data: JSON.stringify([{ parentId: 'x', name: '伪造的组织', code, levelLabel: '支部', memberCount: 1 }]),
  });
  const body = await response.text();
  expect(body).not.toContain('"ok":true');
  expect(body).toMatch(/FORBIDDEN|UNAUTHENTICATED|NOT_FOUND/);

  // Nothing was created; the refused attempt itself is on record (越权操作被拒绝), and nothing else of member01's.
  expect(await db.organization.count({ where: { code } })).toBe(0);
  const member = await db.user.findUniqueOrThrow({ where: { loginName: 'member01' }, select: { id: true } });
  const actions = await db.auditLog.findMany({ where: { actorId: member.id }, select: { action: true } });
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((row) => row.action !== 'refuse-access')).toEqual([]);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto(`/admin/audit?actor=member01`);
  // The select lists the label too (an option); the record's row comes after it.
  await expect(page.getByRole('main').getByText('越权操作被拒绝', { exact: true }).last()).toBeVisible();
});

test('server actions refuse a cross-origin POST even with an admin’s session', async ({ page }) => {
  await signInAs(page, 'admin', /\/admin$/);
  const code = `XORIGIN-${Date.now()}`;
  const response = await page.request.post('/admin/orgs', {
    headers: {
      'Next-Action': serverActionId('lib/organization/actions.ts', 'createOrganizationAction'),
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: 'https://evil.example',
      Accept: 'text/x-component',
    },
    data: JSON.stringify([{ parentId: 'x', name: '跨站伪造的组织', code, levelLabel: '支部', memberCount: 1 }]),
  });
  expect(response.ok()).toBe(false);
  expect(await response.text()).not.toContain('"ok":true');
});

test('a forged x-middleware-subrequest header opens nothing', async ({ request }) => {
  const response = await request.get('/admin', {
    headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(307);
  expect(response.headers()['location']).toContain('/login');
});

test('the audit log lists the admin’s own changes with filters and pages', async ({ page }) => {
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  // Other specs (the role × action matrix) leave many newer rows: the first page shows some, the filter finds ours.
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  await page.getByLabel('操作', { exact: true }).selectOption('create-campaign');
  await page.getByLabel('操作人').fill('admin');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/action=create-campaign/);
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  await expect(page.getByText('李组织（市委组织部）（admin）').first()).toBeVisible();
  await expect(page.getByText('评选活动：2026年度示范市党建品牌选树').first()).toBeVisible();
  await expect(page.locator('li').filter({ hasText: '新建评选活动' }).first()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/audit-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/audit-1280.png`, fullPage: true });
});
