import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_CAMPAIGN_TITLE } from '../../prisma/seed/demo-city';
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

test('the demo campaign goes from declarations to a published 品牌清单 by clicking', async ({ browser }) => {
  test.setTimeout(180_000);
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
});
