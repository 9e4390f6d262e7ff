import { expect, test } from '@playwright/test';
import { db } from '@/lib/db';
import { TEST_PASSWORD, createOrg, createUser } from '../support/factories';
import { INSTANCE_A, INSTANCE_B, freshIp, proxied, signInAt } from './support';

// Every instance runs the same build with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: an action in a page one
// instance rendered is understood by any other.

test('a server action of a page rendered by A is posted to B, which runs it', async ({ page }) => {
  const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: (await createOrg()).id }] });
  const { loginName, passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { loginName: true, passwordHash: true } });
  const ip = freshIp();
  const aHost = new URL(INSTANCE_A).host;
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': ip });
  expect((await signInAt(page.request, INSTANCE_A, loginName, TEST_PASSWORD, { ip })).error).toBeNull();

  // The page and its scripts come from A; the form's action request is sent to B instead, as a proxy in front of
  // both would (it passes the public host on: here A's, the address the page was loaded from).
  const answeredBy: string[] = [];
  await page.route(`${INSTANCE_A}/**`, async (route) => {
    const original = route.request();
    if (original.method() !== 'POST' || !original.headers()['next-action']) return route.continue();
    const response = await route.fetch({ url: original.url().replace(INSTANCE_A, INSTANCE_B), headers: { ...original.headers(), ...proxied(ip), Origin: INSTANCE_A, 'X-Forwarded-Host': aHost } });
    answeredBy.push(new URL(response.url()).origin);
    await route.fulfill({ response });
  });
  await page.goto(`${INSTANCE_A}/account/password`);
  await page.getByRole('textbox', { name: '当前密码' }).fill(TEST_PASSWORD);
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('Cluster2026pass');
  await page.getByRole('textbox', { name: '确认新密码' }).fill('Cluster2026pass');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);

  expect(answeredBy).toEqual([INSTANCE_B]);
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  expect(after.passwordHash).not.toBe(passwordHash);
  expect((await signInAt(page.request, INSTANCE_B, loginName, 'Cluster2026pass', { ip })).error).toBeNull();
});
