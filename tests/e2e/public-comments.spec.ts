import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createDemoWorld } from '../support/demo-public';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

const PHONE_VIEWPORT = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const COMMENT = '示范带沿线的党群服务中心很方便，建议增加周末开放时间，并在路口设置指引牌。';
const REPLY = '感谢建议！周六上午已开放，指引牌年底前安装。';

test('a member of the public comments on a belt from a phone (390 px); staff approve and reply; the public page shows it', async ({ browser }) => {
  test.setTimeout(150_000);
  const world = await createDemoWorld({ sites: 3 });
  const phoneNumber = `135${String(Date.now() % 1e8).padStart(8, '0')}`;

  // On a phone: the belt page, its schematic route, and the way to comment.
  const visitor = await browser.newContext(PHONE_VIEWPORT);
  const page = await visitor.newPage();
  await page.goto(`/demo/belts/${world.belt.id}`);
  await expect(page.getByRole('heading', { level: 1, name: world.belt.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: '示范线路' })).toBeVisible();
  await expect(page.getByRole('link', { name: '测试示范点1' })).toBeVisible();
  await expect(page.getByText('暂无意见。')).toBeVisible();
  await screenshotBoth(page, 'demo-belt-public');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);

  const captcha = page.waitForResponse((response) => response.url().endsWith('/api/captcha'));
  await page.getByRole('link', { name: '我要提意见' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提出意见' })).toBeVisible();
  const { id: captchaId } = (await (await captcha).json()) as { id: string };
  await expect(page.getByRole('img', { name: '图形验证码' })).toBeVisible();
  const { answer: captchaAnswer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id: captchaId } });

  // A link is refused with a clear message, before anything is sent.
  await page.getByLabel('您的意见').fill('详情见 www.example.com');
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByText('意见中不能包含网址或链接（如 http://、www.、xxx.com），请删去后再提交')).toBeVisible();

  await page.getByLabel('您的意见').fill(COMMENT);
  await page.getByLabel('手机号码').fill(phoneNumber);
  await page.getByRole('textbox', { name: '图形验证码' }).fill(captchaAnswer);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(`验证码已发送至 ${phoneNumber.slice(0, 3)}****${phoneNumber.slice(7)}`)).toBeVisible();
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone: phoneNumber }, orderBy: { id: 'desc' } });
  expect(message.body).toContain('提出意见');
  await page.getByLabel('短信验证码').fill(/验证码 (\d{6})/.exec(message.body!)![1]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(page, 'demo-comment-form');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByText('已提交，审核后显示。')).toBeVisible();
  const stored = await db.publicComment.findFirstOrThrow({ where: { beltId: world.belt.id } });
  expect(stored).toMatchObject({ status: 'PENDING', body: COMMENT, displayName: '群众' });
  expect(stored.phoneHash).not.toContain(phoneNumber);

  // Pending: not on the public page.
  await page.goto(`/demo/belts/${world.belt.id}`);
  await expect(page.getByText('暂无意见。')).toBeVisible();
  await expect(page.getByText(COMMENT)).toHaveCount(0);

  // Staff of the committee that owns the belt approve it and reply (desktop).
  const staff = await signInTestUser(browser, world.committeeAdmin.id);
  await staff.goto('/public-comments');
  await expect(staff.getByRole('link', { name: '群众意见' })).toBeVisible();
  await expect(staff.getByText(COMMENT)).toBeVisible();
  await screenshotBoth(staff, 'demo-comments-queue');
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.getByRole('button', { name: '审核通过：第 1 条意见' }).click();
  await expect(staff.getByText(COMMENT)).toHaveCount(0);
  await staff.getByRole('link', { name: /已公开/ }).click();
  await staff.getByRole('button', { name: '回复：第 1 条意见' }).click();
  await staff.getByLabel('回复（公开显示在意见下方）').fill(REPLY);
  await staff.getByRole('button', { name: '发布回复' }).click();
  // Saved and re-read: the reply shows under the comment and the button offers to change it.
  await expect(staff.getByRole('button', { name: '修改回复：第 1 条意见' })).toBeVisible();
  await expect(staff.getByText(REPLY)).toBeVisible();
  await screenshotBoth(staff, 'demo-comments-approved');

  // The public page shows it at once (the approval expired the cache): "群众", the day, the reply; no phone.
  await page.reload();
  await expect(page.getByText(COMMENT)).toBeVisible();
  await expect(page.getByText(REPLY)).toBeVisible();
  await expect(page.getByText(/群众 ·/)).toBeVisible();
  expect(await page.content()).not.toContain(phoneNumber);
  await screenshotBoth(page, 'demo-belt-comment-shown');
  // The belt page is kept in Next's cache once rendered: it has an ETag, and a browser holding this version gets a 304.
  const beltUrl = `/demo/belts/${world.belt.id}`;
  const etag = (await visitor.request.get(beltUrl)).headers()['etag'];
  expect(etag).toMatch(/^"|^W\//);
  expect((await visitor.request.get(beltUrl, { headers: { 'if-none-match': etag } })).status()).toBe(304);
  const audits = await db.auditLog.findMany({ where: { entityType: 'PublicComment', entityId: stored.id }, select: { action: true } });
  expect(audits.map((audit) => audit.action).sort()).toEqual(['approve-public-comment', 'reply-public-comment', 'submit-public-comment']);
  await visitor.close();
});
