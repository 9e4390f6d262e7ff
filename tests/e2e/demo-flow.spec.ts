import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { DEMO_CAMPAIGN_TITLE } from '../../prisma/seed/demo-city';
import { endPublicity } from '../support/publicity';
import { signInAs } from './support/session';

// Runs after every other spec (its own Playwright project, see playwright.config.ts): it moves the seeded campaign
// past its declaration stage. By then other specs have submitted entries of 东华街道 (sec-gm) and 城关镇 (sec-ty).

async function as(browser: Browser, login: string, landing: RegExp, body: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, login, landing);
  await body(page);
  await context.close();
}

async function openNextStageEarly(page: Page, stage: string) {
  await page.goto('/admin/campaigns');
  await page.getByRole('link', { name: DEMO_CAMPAIGN_TITLE }).first().click();
  await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: stage, exact: true }) }).getByRole('button', { name: '提前开始' }).click();
  await page.getByRole('dialog', { name: `提前开始“${stage}”阶段？` }).getByRole('button', { name: '确认提前开始' }).click();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: stage, exact: true }) }).getByText('进行中')).toBeVisible();
}

/** Recommends every entry waiting at the committee's level of the demo campaign. */
async function recommendAll(page: Page) {
  await page.getByRole('listitem').filter({ hasText: DEMO_CAMPAIGN_TITLE }).getByRole('link', { name: '进入推荐' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '逐级推荐' })).toBeVisible();
  const buttons = page.getByRole('button', { name: /^推荐 / });
  const count = await buttons.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    await buttons.first().click();
    await expect(page.getByText(`已推荐 ${index + 1} / 5`)).toBeVisible();
  }
}

/** Scores every open sheet of the signed-in expert (a little below the maximum, so no comment is needed) and submits it. */
async function scoreAll(page: Page) {
  for (;;) {
    await page.goto('/review');
    const next = page.getByRole('link', { name: /^评分 / }).first();
    if (!(await next.count())) break;
    await next.click();
    // Exact: the task list's 我的评分汇总 heading also contains 评分.
    await expect(page.getByRole('heading', { level: 2, name: '评分', exact: true })).toBeVisible();
    const inputs = page.getByRole('spinbutton');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    // Values typed before the sheet hydrates are reset to the saved ones: type again until the sheet counts them all.
    await expect(async () => {
      for (let index = 0; index < count; index++) {
        const max = Number(await inputs.nth(index).getAttribute('max'));
        await inputs.nth(index).fill(String(max - (index % 3)));
      }
      await expect(page.getByText(`已评 ${count} / ${count} 项`)).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await expect(page.getByText(/已保存 \d{2}:\d{2}/)).toBeVisible();
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByRole('dialog', { name: '提交评分表？' }).getByRole('button', { name: '确认提交' }).click();
    await expect(page.getByText(/评分表已于 .* 提交/)).toBeVisible();
  }
}

/** Opens a meeting decision at the proposal, records the attendees and signs it. */
async function signDecision(page: Page, campaignPath: string, label: string, attendees: string) {
  await page.goto(`${campaignPath}/decisions`);
  await page.getByRole('button', { name: `开始${label}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${label}（第 1 版）` })).toBeVisible();
  await page.getByLabel('参会人员').fill(attendees);
  await page.getByRole('button', { name: `签署${label}` }).click();
  await page.getByRole('dialog', { name: `签署${label}？` }).getByRole('button', { name: '确认签署' }).click();
  await expect(page.getByText(/签署，不可修改/)).toBeVisible();
}

test('the demo campaign goes from declarations to a published 品牌清单, an approved award proposal, its 公示 and the published 表彰决定 by clicking', async ({ browser }) => {
  test.setTimeout(360_000);
  await as(browser, 'admin', /\/admin$/, (page) => openNextStageEarly(page, '逐级推荐'));
  await as(browser, 'dh-admin', /\/committee$/, recommendAll);
  await as(browser, 'cg-admin', /\/committee$/, recommendAll);
  await as(browser, 'dc-admin', /\/committee$/, async (page) => {
    await recommendAll(page);
    expect(await page.getByRole('button', { name: /^撤回 / }).count()).toBeGreaterThanOrEqual(2);
  });

  let campaignPath = '';
  await as(browser, 'admin', /\/admin$/, async (page) => {
    await openNextStageEarly(page, '资格审查');
    campaignPath = new URL(page.url()).pathname;
    await page.goto(`${campaignPath}/qualification`);
    const boxes = page.getByRole('checkbox', { name: /^选择 / }).filter({ visible: true });
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let index = 0; index < count; index++) await boxes.nth(index).check();
    await page.getByRole('button', { name: /批量通过/ }).click();
    await page.getByRole('dialog', { name: '批量通过资格审查' }).getByRole('button', { name: `确认通过 ${count} 个` }).click();
    await expect(page.getByText(`已批量通过 ${count} 个品牌。`)).toBeVisible();
    await page.goto(`${campaignPath}/brand-list`);
    await page.getByRole('button', { name: '发布品牌清单' }).click();
    await page.getByRole('dialog', { name: '发布品牌清单？' }).getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByText(/第 1 版/).first()).toBeVisible();
  });

  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await visitor.newPage();
  await phone.goto(`${campaignPath.replace('/admin/campaigns/', '/campaigns/')}/brands`);
  await expect(phone.getByText(/第 1 版 · 共 \d+ 个品牌/)).toBeVisible();
  await visitor.close();

  // 专家评审: the organizer assigns, every demo expert scores on their own account, then 初评 and 审定.
  await as(browser, 'admin', /\/admin$/, async (page) => {
    await openNextStageEarly(page, '网络投票');
  });
  // 网络投票: a party member votes on the phone (the own unit's entries are marked and off limits); staff see the count.
  const member = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const memberPage = await member.newPage();
  await signInAs(memberPage, 'member04', /\/member$/);
  await memberPage.getByRole('link', { name: '参与网络投票' }).first().click();
  await expect(memberPage.getByText(/今天还可投\s*5\s*票/)).toBeVisible();
  await memberPage.getByRole('button', { name: /^投一票：/ }).first().click();
  await expect(memberPage.getByRole('dialog', { name: '投票成功' })).toBeVisible();
  await member.close();
  await as(browser, 'admin', /\/admin$/, async (page) => {
    await page.goto(`${campaignPath}/votes`);
    await expect(page.getByRole('heading', { level: 1, name: '网络投票结果' })).toBeVisible();
    await expect(page.getByText('还没有投票')).toHaveCount(0);
    await openNextStageEarly(page, '专家评审');
    await page.goto(`${campaignPath}/review`);
    await page.getByRole('link', { name: '自动分配预览' }).click();
    await page.getByRole('button', { name: /^确认分配（新增 \d+ 份评分表）$/ }).click();
    await expect(page.getByText(/已新增 \d+ 份评分表。/)).toBeVisible();
  });
  for (const expert of ['expert1', 'expert2', 'expert3', 'expert4', 'expert5']) await as(browser, expert, /\/review$/, scoreAll);
  await as(browser, 'admin', /\/admin$/, async (page) => {
    await page.goto(`${campaignPath}/review/results`);
    await expect(page.getByText(/综合得分 = 专家评分/)).toBeVisible();
    // The meetings decide once the scores and on-site checks are in: 实地核验, then 初评审定.
    await openNextStageEarly(page, '实地核验');
    await openNextStageEarly(page, '初评审定');
    await signDecision(page, campaignPath, '部务会初评', '部长、常务副部长、组织一科');
    await signDecision(page, campaignPath, '领导小组审定', '党建品牌选树工作领导小组全体成员');
    await page.goto(`${campaignPath}/decisions`);
    const proposal = page.locator('section').filter({ has: page.getByRole('heading', { name: '拟表彰名单' }) });
    await expect(proposal.getByRole('listitem').first()).toBeVisible();

    // 公示: the approved list goes public for objections.
    await page.goto(`${campaignPath}/publicity`);
    await page.getByLabel('联系电话').fill('0571-88886666');
    await page.getByLabel('通讯地址').fill('示范市人民路 1 号市委组织部 305 室');
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.getByRole('dialog', { name: '发布公示' }).getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByText('公示中')).toBeVisible();
  });
  const campaignId = campaignPath.split('/').at(-1)!;
  const reader = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/campaigns/${campaignId}/publicity`);
  await expect(readerPage.getByRole('heading', { level: 1, name: '拟表彰名单公示' })).toBeVisible();
  await expect(readerPage.getByRole('link', { name: '提出异议' }).first()).toBeVisible();

  // The publicity period passes (days in real life), then the organizer publishes the 表彰决定.
  await endPublicity(campaignId);
  await as(browser, 'admin', /\/admin$/, async (page) => {
    await page.goto(`${campaignPath}/publicity`);
    await page.getByLabel('文号').fill('示范组通〔2026〕50号');
    await page.getByRole('button', { name: '发布表彰决定' }).click();
    await page.getByRole('dialog', { name: '发布表彰决定' }).getByRole('button', { name: '确认发布' }).click();
    await expect(page.getByText(/表彰品牌 \d+ 个/)).toBeVisible();
  });
  const honors = await db.honor.findMany({ where: { campaignId }, select: { brandName: true, certificateNo: true } });
  expect(honors.length).toBeGreaterThan(0);
  // The winners are in the public gallery and their certificates verify.
  await readerPage.goto('/gallery');
  await expect(readerPage.getByRole('link', { name: honors[0].brandName, exact: true })).toBeVisible();
  await readerPage.goto(`/certificates/${honors[0].certificateNo}`);
  await expect(readerPage.getByRole('heading', { level: 2, name: '有效' })).toBeVisible();
  await reader.close();
});
