import { expect, test } from './support/test';
import { SignInPage, signInAs } from './support/session';

const ROLE_HOMES = [
  { login: 'admin', path: /\/admin$/, heading: '组织部工作台' },
  { login: 'dh-admin', path: /\/committee$/, heading: '推荐工作台' },
  { login: 'sec-xfl', path: /\/declare$/, heading: '品牌申报' },
  { login: 'expert1', path: /\/review$/, heading: '评审任务' },
  { login: 'member01', path: /\/member$/, heading: '参与投票' },
];

for (const role of ROLE_HOMES) {
  test(`${role.login} signs in and lands on ${role.heading}`, async ({ page }) => {
    // Through the form (the other specs sign in through its API: support/session.ts).
    const signInPage = new SignInPage(page);
    await signInPage.open();
    await signInPage.signIn(role.login);
    await expect(page).toHaveURL(role.path);
    await expect(page.getByRole('heading', { level: 1, name: role.heading })).toBeVisible();
    await expect(page.getByText('2026年度示范市党建品牌选树').first()).toBeVisible();
  });
}

test('a member sees only the member menu and is refused the admin pages', async ({ page }) => {
  await signInAs(page, 'member01', /\/member$/);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['参与投票', '我的账号']);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/forbidden$/);
});

test('a wrong password shows a Chinese error and signs nobody in', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn('sec-gm', 'wrong-password');
  await expect(page.getByRole('alert').filter({ hasText: '账号或密码错误' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('logging out revokes the session: the old cookie no longer opens the workspace', async ({ page, browser }) => {
  await signInAs(page, 'expert2', /\/review$/);
  const stolen = await page.context().cookies();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  const attacker = await browser.newContext();
  await attacker.addCookies(stolen);
  const attackerPage = await attacker.newPage();
  await attackerPage.goto('/review');
  await expect(attackerPage).toHaveURL(/\/login/);
  await attacker.close();
});

test('the public home page lists the current campaign without signing in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '正在进行的评选' })).toBeVisible();
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: '2026年度示范市党建品牌选树', exact: true }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('申报进行中')).toBeVisible();
});

test('responses carry the security headers', async ({ request }) => {
  const response = await request.get('/login');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'unsafe-inline'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
