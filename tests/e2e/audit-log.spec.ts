import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@/lib/audit/labels';
import { createOrganization, updateOrganization } from '@/lib/organization/service';
import { createUser, setUserDisabled } from '@/lib/user/service';
import { signInAs } from './support/session';
import { screenshotBoth } from './support/screenshots';

// Action keys (sign-decision), object types (StoredFile) and cuid ids must not reach the staff's eyes.
const RAW_KEYS = new RegExp(`\\b(?:${[...Object.keys(AUDIT_ACTION_LABELS), ...Object.keys(AUDIT_ENTITY_LABELS)].join('|')})\\b|\\bc[a-z0-9]{20,}\\b`);
const change = (label: string, before: string, after: string) => new RegExp(`${label}${before}→(改为)?${after}`);

test('the audit log reads in Chinese: labels, names and field changes, the raw record one click away', async ({ page }) => {
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const committee = await db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH' }, select: { id: true, name: true } });
  const context = { actorId: admin.id, ip: '127.0.0.1' };
  const suffix = Date.now().toString(36);
  const org = await createOrganization({ parentId: committee.id, name: '审计演示第一支部', code: `AUDIT-${suffix}`, levelLabel: '支部', memberCount: 20 }, context);
  await updateOrganization({ id: org.id, name: '审计演示第一党支部', code: `AUDIT-${suffix}`, levelLabel: '支部', memberCount: 28, secretaryName: '赵书记' }, context);
  const { user } = await createUser({ loginName: `audit${suffix}`, displayName: '钱审计', phone: null, role: 'BRANCH_SECRETARY', organizationId: org.id }, context);
  await setUserDisabled({ userId: user.id, isDisabled: true }, context);

  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/audit');
  const main = page.getByRole('main');
  const entries = main.getByTestId('audit-rows').getByRole('listitem');
  const changed = entries.filter({ hasText: '修改组织 · 组织：审计演示第一党支部' });
  await expect(changed).toContainText(change('名称', '审计演示第一支部', '审计演示第一党支部'));
  await expect(changed).toContainText(change('党员人数', '20', '28'));
  await expect(changed).toContainText(change('书记', '（空）', '赵书记'));
  await expect(changed).toContainText(`上级组织${committee.name}`);
  await expect(entries.filter({ hasText: '停用用户 · 用户：钱审计' })).toContainText(change('停用', '否', '是'));
  await expect(entries.filter({ hasText: '新建用户 · 用户：钱审计' })).toContainText('支部书记（审计演示第一党支部）');

  const visible = await main.innerText();
  expect(visible.match(RAW_KEYS)).toBeNull();

  // The raw record is one click away.
  await changed.getByText('原始记录').click();
  await expect(changed.locator('pre')).toContainText('"action": "update-organization"');
  await changed.getByText('原始记录').click();

  // Older rows (the demo's campaigns) are a filter away: other specs leave many newer rows on the first page.
  await page.goto('/admin/audit?action=create-campaign');
  await expect(entries.filter({ hasText: '新建评选活动 · 评选活动：' }).first()).toBeVisible();
  expect((await main.innerText()).match(RAW_KEYS)).toBeNull();

  await screenshotBoth(page, 'admin-audit');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
