import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createOrg, createUser } from '../support/factories';
import { createVotingScope } from '../support/voting';
import { signInTestUser } from './support/session';

// Issue 18: a vote saved by the server whose answer was a 500 is sent again by the button with the same key, and the
// server answers with the saved vote: one vote, its receipt shown. The 党小组 member's own 支部 is off limits.
test('the vote button resends the same key after a 500 for a saved vote; the member’s own 支部 is marked', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createVotingScope({ entries: 2, members: 0, perDay: 2 });
  const campaignId = scope.campaign.id;
  const branch = await db.organization.findUniqueOrThrow({ where: { id: scope.entries[0].branchId } });
  const group = await createOrg({ parent: branch, levelLabel: '党小组' });
  const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: group.id }] });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;

  const page = await signInTestUser(browser, member.id, { phone: true });
  await page.goto(`/campaigns/${campaignId}/vote`);
  await expect(page.getByRole('button', { name: new RegExp(`：${nameOf(0)}$`) })).toHaveText('本单位品牌不可投');
  await expect(page.getByRole('button', { name: new RegExp(`：${nameOf(0)}$`) })).toBeDisabled();

  // The first request reaches the server (the vote is saved), but the browser is answered 500.
  const keys: string[] = [];
  await page.route('**/api/campaigns/*/votes', async (route) => {
    keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    await route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
  });
  await page.getByRole('button', { name: `投一票：${nameOf(1)}` }).click();
  const dialog = page.getByRole('dialog', { name: '投票成功' });
  await expect(dialog).toBeVisible();
  const saved = await db.vote.findMany({ where: { campaignId }, select: { receiptCode: true, idempotencyKey: true } });
  expect(saved).toHaveLength(1);
  await expect(dialog.locator('strong')).toHaveText(saved[0]!.receiptCode);
  expect(keys).toEqual([saved[0]!.idempotencyKey, saved[0]!.idempotencyKey]);
  await dialog.getByRole('button', { name: '好的' }).click();
  await expect(page.getByText(/今天还可投\s*1\s*票/)).toBeVisible();
  await page.context().close();
});
