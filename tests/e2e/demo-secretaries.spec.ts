import { expect, test } from './support/test';
import { DEMO_CAMPAIGN_TITLE, DEMO_USERS } from '../../prisma/seed/demo-city';
import { signInAs } from './support/session';

const secretaries = DEMO_USERS.filter((user) => user.roles.some((grant) => grant.role === 'BRANCH_SECRETARY'));

test('every demo secretary can open the seeded campaign’s declaration form', async ({ browser }) => {
  test.setTimeout(30_000 + secretaries.length * 15_000);
  expect(secretaries.length).toBeGreaterThanOrEqual(5);
  for (const secretary of secretaries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, secretary.loginName, /\/declare$/);
    const row = page.getByRole('listitem').filter({ hasText: DEMO_CAMPAIGN_TITLE });
    await expect(row.getByText('申报阶段：进行中')).toBeVisible();
    // Another spec may already have started or submitted this secretary's form; each state opens it.
    await row.getByRole('button', { name: '填写申报表' }).or(row.getByRole('link', { name: /继续填写|修改后重新提交|查看/ })).click();
    await expect(page.getByRole('heading', { level: 1, name: '党建品牌选树申报表' })).toBeVisible();
    await expect(page.getByRole('main').getByText(DEMO_CAMPAIGN_TITLE, { exact: true })).toBeVisible();
    await context.close();
  }
});
