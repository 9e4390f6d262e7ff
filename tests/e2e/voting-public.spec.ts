import { gzipSync } from 'node:zlib';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createVotingScope, insertVotes } from '../support/voting';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

const PHONE_VIEWPORT = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function publicScope(perDay = 2) {
  const scope = await createVotingScope({ entries: 3, members: 0, perDay });
  await db.campaign.update({ where: { id: scope.campaign.id }, data: { publicVotingEnabled: true, resultsVisibility: 'LIVE' } });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  return { ...scope, nameOf: (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName };
}

/** Fills the phone form: the captcha answer is read where the server keeps it, the code from the development sender. */
async function verifyPhone(page: Page, phone: string) {
  const captcha = page.waitForResponse((response) => response.url().endsWith('/api/captcha'));
  await page.goto(page.url()); // a fresh captcha whose id we see
  const { id } = (await (await captcha).json()) as { id: string };
  await expect(page.getByRole('img', { name: '图形验证码' })).toBeVisible();
  const { answer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id } });
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('textbox', { name: '图形验证码' }).fill(answer);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(7)}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /秒后重发/ })).toBeDisabled();
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone }, orderBy: { id: 'desc' } });
  const code = /验证码 (\d{6})/.exec(message.body!)![1];
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '验证并去投票' }).click();
}

test('a member of the public verifies a phone with captcha and SMS code, votes on a phone and shares an entry', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await publicScope(2);
  const campaignId = scope.campaign.id;
  const phone = `137${String(Date.now()).slice(-8)}`;
  const context = await browser.newContext(PHONE_VIEWPORT);
  const page = await context.newPage();

  await page.goto(`/campaigns/${campaignId}/vote`);
  await expect(page.getByText('党员登录账号、群众验证手机号后即可投票。')).toBeVisible();
  await page.getByRole('link', { name: `验证后投票：${scope.nameOf(0)}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: '手机号验证' })).toBeVisible();
  // A wrong captcha is refused with the reason and a new captcha (typed once the image is there, as a person would).
  await expect(page.getByRole('img', { name: '图形验证码' })).toBeVisible();
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('textbox', { name: '图形验证码' }).fill('zzzz');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('图形验证码不正确或已过期，请换一张重新输入')).toBeVisible();
  await screenshotBoth(page, 'vote-verify-phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await verifyPhone(page, phone);

  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}/vote$`));
  await expect(page.getByText(new RegExp(`手机 ${phone.slice(0, 3)}\\*\\*\\*\\*${phone.slice(7)}，今天还可投\\s*2\\s*票`))).toBeVisible();
  await page.getByRole('button', { name: `投一票：${scope.nameOf(0)}` }).click();
  const dialog = page.getByRole('dialog', { name: '投票成功' });
  const receipt = (await dialog.locator('strong').textContent())!.trim();
  expect(receipt).toMatch(/^[2-9A-Z]{10}$/);
  await dialog.getByRole('button', { name: '好的' }).click();
  await expect(page.getByText(/今天还可投\s*1\s*票/)).toBeVisible();

  // The entry page: 内涵, the vote button, the share link and its QR code.
  await page.getByRole('link', { name: scope.nameOf(1) }).click();
  await expect(page.getByRole('heading', { level: 1, name: scope.nameOf(1) })).toBeVisible();
  await expect(page.getByRole('heading', { name: '品牌内涵' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '邀请好友投票' })).toBeVisible();
  await expect(page.getByText('拉票')).toHaveCount(0);
  await expect(page.getByTestId('share-url')).toHaveText(new RegExp(`/campaigns/${campaignId}/vote/${scope.entries[1].id}$`));
  await expect(page.getByRole('img', { name: `“${scope.nameOf(1)}”投票页二维码` }).locator('svg')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: `投一票：${scope.nameOf(1)}` }).click();
  await page.getByRole('dialog', { name: '投票成功' }).getByRole('button', { name: '好的' }).click();
  await expect(page.getByText(/今天还可投\s*0\s*票/)).toBeVisible();
  await expect(page.getByText('1 票', { exact: true })).toBeVisible();
  await screenshotBoth(page, 'vote-entry-page');

  // The limit: the page says so, and the server refuses a request sent anyway with the reason.
  await page.goto(`/campaigns/${campaignId}/vote`);
  await expect(page.getByRole('button', { name: new RegExp(`：${scope.nameOf(2)}$`) })).toHaveText('今日票数已用完');
  const over = await page.request.post(`/api/campaigns/${campaignId}/votes`, {
    data: { applicationId: scope.entries[2].id, idempotencyKey: crypto.randomUUID() },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(over.status()).toBe(429);
  expect((await over.json()).message).toBe('今天的 2 票已经投完，明天再来吧');
  const voter = await db.voter.findFirstOrThrow({ where: { campaignId, phone } });
  expect(voter.kind).toBe('PUBLIC');
  expect(await db.vote.count({ where: { voterId: voter.id } })).toBe(2);
  await page.goto(`/votes/receipt?code=${receipt}`);
  await expect(page.getByText('这一票已计入')).toBeVisible();
  await context.close();
});

test('a fresh load of the voting page transfers at most 150 KB of gzipped JavaScript', async ({ browser }) => {
  const scope = await publicScope();
  const context = await browser.newContext(PHONE_VIEWPORT);
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
  });
  await page.goto(`/campaigns/${scope.campaign.id}/vote`, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  console.log(`voting page: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(150 * 1024);
  await context.close();
});

test('staff see a flagged burst with its evidence, invalidate one vote and then the rule, and the public count follows', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await publicScope();
  const campaignId = scope.campaign.id;
  const [firstReceipt] = await insertVotes(campaignId, scope.entries[0].id, 22, { ip: '203.0.113.50' });
  await insertVotes(campaignId, scope.entries[1].id, 3, { ip: (index) => `198.51.100.${index + 1}` });
  const card = (page: Page, name: string) => page.locator('li').filter({ has: page.getByRole('link', { name, exact: true }) });

  const page = await signInTestUser(browser, scope.cityAdmin.id);
  await page.goto(`/admin/campaigns/${campaignId}/votes`);
  await page.getByRole('link', { name: '异常投票监测' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '异常投票监测' })).toBeVisible();
  const flag = page.getByTestId('vote-flag').filter({ hasText: 'IP 203.0.113.50' });
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('投出 22 票');
  await flag.getByText(/查看明细/).click();
  const receiptOf = await db.vote.findFirstOrThrow({ where: { receiptCode: firstReceipt } });
  await flag.getByRole('button', { name: `作废回执 ${receiptOf.receiptCode} 的投票` }).click();
  const single = page.getByRole('dialog');
  await single.getByLabel('作废理由').fill('该设备短时间内连续投票');
  await single.getByRole('button', { name: '确认作废' }).click();
  await expect(flag).toContainText('投出 21 票');
  await page.setViewportSize({ width: 390, height: 844 });
  // The evidence table scrolls inside its card; the page itself never scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(page, 'vote-flags');
  await page.setViewportSize({ width: 1280, height: 900 });

  const publicPage = await browser.newPage();
  await publicPage.goto(`/campaigns/${campaignId}/vote`);
  await expect(card(publicPage, scope.nameOf(0))).toContainText('21 票');

  await flag.getByRole('button', { name: '作废这 21 票' }).click();
  const byRule = page.getByRole('dialog');
  await byRule.getByLabel('作废理由').fill('同一 IP 集中刷票，经核实作废');
  await byRule.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByText('未发现异常')).toBeVisible();
  expect(await db.vote.count({ where: { campaignId, invalidatedAt: { not: null } } })).toBe(22);
  await publicPage.reload();
  await expect(card(publicPage, scope.nameOf(0))).toContainText('0 票');
  await expect(card(publicPage, scope.nameOf(1))).toContainText('3 票');
  await publicPage.goto(`/votes/receipt?code=${firstReceipt}`);
  await expect(publicPage.getByText('该设备短时间内连续投票')).toBeVisible();

  // The audit trail names both steps.
  await page.goto('/admin/audit');
  const entries = page.getByRole('main').getByRole('listitem');
  await expect(entries.filter({ hasText: '按异常规则作废投票 · 评选活动' }).first()).toBeVisible();
  await expect(entries.filter({ hasText: /作废投票 · 评选活动/ }).filter({ hasNotText: '按异常规则' }).first()).toBeVisible();
  await page.goto('/admin/sms');
  await expect(page.getByRole('heading', { level: 1, name: '短信记录' })).toBeVisible();
  await screenshotBoth(page, 'admin-sms');
});

test('a campaign with more flags than a page shows them twenty at a time and stores the detection for the dashboards', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await publicScope();
  const campaignId = scope.campaign.id;
  // 22 bursts of 20 votes, each from an address of its own network (their new voters are one more flag: a wave of phones).
  for (let burst = 0; burst < 22; burst++) await insertVotes(campaignId, scope.entries[burst % 2].id, 20, { ip: `203.0.${burst + 1}.9` });

  const page = await signInTestUser(browser, scope.cityAdmin.id);
  await page.goto(`/admin/campaigns/${campaignId}/votes/flags`);
  const heading = page.getByRole('heading', { level: 2, name: /^当前异常（\d+）$/ });
  const total = Number(/（(\d+)）/.exec((await heading.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(22);
  expect(total).toBeLessThan(40);
  await expect(page.getByTestId('vote-flag')).toHaveCount(20);
  const pages = page.getByRole('navigation', { name: '分页' });
  await expect(pages).toContainText(`共 ${total} 条 · 第 1 / 2 页`);
  await pages.getByRole('link', { name: '下一页' }).click();
  await expect(pages).toContainText('第 2 / 2 页');
  await expect(page.getByTestId('vote-flag')).toHaveCount(total - 20);
  // The page stored its detection: every instance's dashboard reads this one.
  const stored = await db.voteFlagSnapshot.findUniqueOrThrow({ where: { campaignId } });
  expect(Array.isArray(stored.flags) && stored.flags.length).toBe(total);
});
