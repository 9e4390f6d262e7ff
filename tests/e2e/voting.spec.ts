import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { TEST_PASSWORD } from '../support/factories';
import { createVotingScope } from '../support/voting';
import { screenshotBoth } from './support/screenshots';

const OUT = process.env.E2E_OUTPUT_DIR ?? 'test-results';

// On the voters' phones: a member signs in from the voting page, votes, keeps the receipt and meets the limits.
test('a member votes on a phone, gets a receipt, and is told when a limit is reached', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createVotingScope({ entries: 3, members: 1, perDay: 2 });
  const campaignId = scope.campaign.id;
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;
  const { loginName } = await db.user.findUniqueOrThrow({ where: { id: scope.members[0].id }, select: { loginName: true } });

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`/campaigns/${campaignId}/vote`);
  await expect(page.getByRole('heading', { level: 1, name: '网络投票' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(page, 'vote-list-anonymous');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: '登录投票' }).first().click();
  await page.getByLabel('登录名或手机号').fill(loginName);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/vote$`));
  await expect(page.getByText(/今天还可投\s*2\s*票/)).toBeVisible();

  await page.getByRole('button', { name: `投一票：${nameOf(0)}` }).click();
  const dialog = page.getByRole('dialog', { name: '投票成功' });
  await expect(dialog).toBeVisible();
  const receipt = (await dialog.locator('strong').textContent())!.trim();
  expect(receipt).toMatch(/^[2-9A-Z]{10}$/);
  await page.screenshot({ path: `${OUT}/vote-receipt-390.png` });
  await dialog.getByRole('button', { name: '好的' }).click();
  await expect(page.getByText(/今天还可投\s*1\s*票/)).toBeVisible();
  // The page knows it was voted for today; a request sent anyway is refused by the server with the reason.
  await expect(page.getByRole('button', { name: new RegExp(`：${nameOf(0)}$`) })).toHaveText('今天已投');
  const again = await page.request.post(`/api/campaigns/${campaignId}/votes`, {
    data: { applicationId: scope.entries[0].id, idempotencyKey: crypto.randomUUID() },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(again.status()).toBe(429);
  expect((await again.json()).message).toBe('今天已为该品牌投过票，可以支持其他品牌');
  await page.getByRole('button', { name: `投一票：${nameOf(1)}` }).click();
  await page.getByRole('dialog', { name: '投票成功' }).getByRole('button', { name: '好的' }).click();
  await expect(page.getByText(/今天还可投\s*0\s*票/)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`：${nameOf(2)}$`) })).toHaveText('今日票数已用完');
  await expect(page.getByRole('button', { name: new RegExp(`：${nameOf(2)}$`) })).toBeDisabled();
  const over = await page.request.post(`/api/campaigns/${campaignId}/votes`, {
    data: { applicationId: scope.entries[2].id, idempotencyKey: crypto.randomUUID() },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect((await over.json()).message).toBe('今天的 2 票已经投完，明天再来吧');
  await page.screenshot({ path: `${OUT}/vote-limit-390.png`, fullPage: true });
  expect(await db.vote.count({ where: { campaignId } })).toBe(2);

  await page.goto('/member');
  await expect(page.locator('article').filter({ hasText: scope.campaign.title }).getByRole('link', { name: '参与网络投票' })).toBeVisible();

  await page.goto(`/votes/receipt?code=${receipt}`);
  await expect(page.getByText('这一票已计入')).toBeVisible();
  await expect(page.getByText(`品牌：${nameOf(0)}`)).toBeVisible();
  await context.close();
});
