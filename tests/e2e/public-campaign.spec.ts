import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createCampaignScope, createTestCampaign } from '../support/campaigns';
import { createUser } from '../support/factories';
import { closeVoting, createVotingScope, insertVotes } from '../support/voting';
import { screenshotBoth } from './support/screenshots';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function votingCampaign(changes: { resultsVisibility?: 'LIVE' | 'HIDDEN' } = {}) {
  const scope = await createVotingScope({ entries: 3, members: 0 });
  const campaign = await db.campaign.update({
    where: { id: scope.campaign.id },
    data: { publicVotingEnabled: true, resultsVisibility: changes.resultsVisibility ?? 'LIVE', description: '为深入推进党建品牌创建工作，决定在全市开展党建品牌选树活动。\n请各单位按要求组织申报。' },
    select: { id: true, title: true },
  });
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  return { ...scope, campaign, nameOf: (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName };
}

test('the public campaign page: reached from the home page, with notice, rules, timeline and links; a draft is 404', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await votingCampaign();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();

  await page.goto('/');
  await page.getByRole('link', { name: scope.campaign.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${scope.campaign.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: scope.campaign.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: '活动通知' })).toBeVisible();
  await expect(page.getByText('请各单位按要求组织申报。')).toBeVisible();
  await expect(page.getByText(/当前阶段：网络投票，\d{4}年\d{1,2}月\d{1,2}日 结束/)).toBeVisible();
  const timeline = page.getByRole('region', { name: '日程安排' });
  await expect(timeline.locator('li[aria-current="step"]')).toContainText('网络投票');
  await expect(timeline.locator('li[aria-current="step"]')).toContainText('当前阶段 · 进行中');
  await expect(timeline.locator('li').first()).toContainText(/^申报.+\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(page.getByRole('heading', { name: '评选标准' })).toBeVisible();
  await expect(page.getByText('按“四有一好”标准评审，共 5 项，满分 100 分。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '奖项设置' })).toBeVisible();
  await expect(page.getByText('每人每天可投 5 票，同一品牌每天 1 票。')).toBeVisible();
  const links = page.getByRole('navigation', { name: '评选公开信息' });
  await expect(links.getByRole('link', { name: /品牌清单/ })).toHaveAttribute('href', `/campaigns/${scope.campaign.id}/brands`);
  await expect(links.getByRole('link', { name: /参与网络投票/ })).toHaveAttribute('href', `/campaigns/${scope.campaign.id}/vote`);
  await expect(links.getByRole('link', { name: /公示|表彰决定/ })).toHaveCount(0);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshotBoth(page, 'campaign-public');
  await context.close();

  const owner = await createCampaignScope();
  const admin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: owner.city.id }] });
  const { campaign: draft } = await createTestCampaign({ ownerOrgId: owner.city.id, actorId: admin.id, publish: false });
  const anonymous = await browser.newPage();
  expect((await anonymous.goto(`/campaigns/${draft.id}`))?.status()).toBe(404);
  await anonymous.close();
});

test('after voting ends the vote page shows the final counts, or says the result comes with the decision', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await votingCampaign({ resultsVisibility: 'LIVE' });
  await insertVotes(scope.campaign.id, scope.entries[1].id, 3);
  await insertVotes(scope.campaign.id, scope.entries[0].id, 1);
  await closeVoting(scope.campaign.id);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();

  await page.goto(`/campaigns/${scope.campaign.id}/vote`);
  await expect(page.getByRole('heading', { level: 1, name: '网络投票结果' })).toBeVisible();
  await expect(page.getByText('投票已结束，感谢参与。以下为各品牌的最终有效票数。')).toBeVisible();
  await expect(page.getByRole('button', { name: /投票/ })).toHaveCount(0);
  const cards = page.getByRole('listitem');
  await expect(cards.first()).toContainText(scope.nameOf(1));
  await expect(cards.first()).toContainText('最终得票 3 票');
  await expect(cards.filter({ hasText: scope.nameOf(0) })).toContainText('最终得票 1 票');
  await expect(cards.filter({ hasText: scope.nameOf(2) })).toContainText('最终得票 0 票');
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshotBoth(page, 'vote-closed-live');

  await page.setViewportSize(PHONE.viewport);
  await page.goto(`/campaigns/${scope.campaign.id}/vote/${scope.entries[1].id}`);
  await expect(page.getByText('最终得票 3 票')).toBeVisible();
  await expect(page.getByRole('button', { name: /投票/ })).toHaveCount(0);

  await db.campaign.update({ where: { id: scope.campaign.id }, data: { resultsVisibility: 'HIDDEN' } });
  await page.goto(`/campaigns/${scope.campaign.id}/vote`);
  await expect(page.getByText('投票已结束，结果将随评定结果公布。')).toBeVisible();
  await expect(page.getByText(/最终得票|\d+ 票/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /投票/ })).toHaveCount(0);
  await screenshotBoth(page, 'vote-closed-hidden');
  await context.close();
});

test('every page has a favicon; robots.txt keeps staff pages out and sitemap.xml lists the public ones', async ({ page, request }) => {
  const scope = await votingCampaign();
  await page.goto('/');
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/x-icon');
  expect((await request.get((await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href'))!)).status()).toBe(200);

  const robots = await (await request.get('/robots.txt')).text();
  for (const path of ['/admin', '/declare', '/api/', '/objections/']) expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);

  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  for (const path of ['/', '/gallery', `/campaigns/${scope.campaign.id}`, `/campaigns/${scope.campaign.id}/brands`, `/campaigns/${scope.campaign.id}/vote`]) {
    expect(xml).toMatch(new RegExp(`<loc>http://localhost:\\d+${path.replace(/\//g, '\\/')}</loc>`));
  }
  expect(xml).not.toMatch(/\/(admin|declare|api|objections)\b/);
});

/** Works out a question in words (十三减六等于几？) from its text alone, as a listener would. */
function solve(question: string): number {
  const digits = '零一二三四五六七八九';
  const value = (text: string) => {
    const at = text.indexOf('十');
    if (at < 0) return digits.indexOf(text);
    return (at === 0 ? 1 : digits.indexOf(text[0])) * 10 + (text[at + 1] ? digits.indexOf(text[at + 1]) : 0);
  };
  const match = /^(.+?)(加|减)(.+?)等于几？$/.exec(question.trim())!;
  return match[2] === '加' ? value(match[1]) + value(match[3]) : value(match[1]) - value(match[3]);
}

test('a voter who cannot see the image answers the question in words instead', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await votingCampaign();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const phone = `136${String(Date.now()).slice(-8)}`;
  await page.goto(`/campaigns/${scope.campaign.id}/vote/verify`);
  await expect(page.getByRole('img', { name: '图形验证码' })).toBeVisible();
  await page.getByRole('button', { name: '看不清或无法看图？改用文字验证题' }).click();
  const answer = page.getByRole('textbox', { name: '验证题' });
  await expect(answer).toHaveAccessibleDescription(/^[零一二三四五六七八九十]+(加|减)[零一二三四五六七八九十]+等于几？/);
  await expect(page.getByRole('img', { name: '图形验证码' })).toHaveCount(0);
  await page.getByLabel('手机号码').fill(phone);

  // A wrong answer is refused and a new question comes.
  const first = (await page.locator('#captcha-question').textContent())!;
  await answer.fill(String(solve(first) + 1));
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('答案不正确或已过期，已换一道新题，请重新作答')).toBeVisible();
  await expect(answer).toHaveValue('');
  await screenshotBoth(page, 'captcha-text');
  await page.setViewportSize(PHONE.viewport);

  const question = (await page.locator('#captcha-question').textContent())!;
  await answer.fill(String(solve(question)));
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(7)}`)).toBeVisible();
  expect(await db.smsMessage.count({ where: { phone } })).toBe(1);
  await context.close();
});

test('大字 enlarges the public pages, is remembered, works before the scripts load, and nothing overflows at 390 px', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await votingCampaign();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto('/');
  expect(await rootFontSize(page)).toBe('16px');
  await page.getByRole('button', { name: '大字' }).click();
  expect(await rootFontSize(page)).toBe('20px');
  await expect(page.getByRole('button', { name: '标准字' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshotBoth(page, 'home-large-text');
  await page.setViewportSize(PHONE.viewport);

  // Remembered across pages and reloads, the 品牌风采 pages included.
  const brand = await db.honor.findFirstOrThrow({ where: { revokedAt: null }, select: { applicationId: true } });
  for (const path of [`/campaigns/${scope.campaign.id}`, `/campaigns/${scope.campaign.id}/vote`, `/campaigns/${scope.campaign.id}/vote/verify`, `/campaigns/${scope.campaign.id}/brands`, '/gallery', `/gallery/${brand.applicationId}`, '/certificates']) {
    await page.goto(path);
    expect(await rootFontSize(page), path).toBe('20px');
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  await screenshotBoth(page, 'certificates-large-text');
  await page.setViewportSize(PHONE.viewport);
  await page.goto(`/campaigns/${scope.campaign.id}`);
  await screenshotBoth(page, 'campaign-public-large-text');
  await page.setViewportSize(PHONE.viewport);

  // The sign-in page has no toggle and keeps its size; the gallery switches back even while Next's scripts have not
  // loaded (here: never do), the toggle being plain script.
  await page.goto('/login');
  expect(await rootFontSize(page)).toBe('16px');
  await page.route((url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'), (route) => route.abort());
  await page.goto('/gallery');
  await page.getByRole('button', { name: '标准字' }).click();
  expect(await rootFontSize(page)).toBe('16px');
  await page.reload();
  expect(await rootFontSize(page)).toBe('16px');
  await context.close();
});
