import { expect, type Browser, type Page } from '@playwright/test';
import { db } from '@/lib/db';
import { TEST_PASSWORD } from '../../support/factories';

export const DEMO_PASSWORD = 'Demo@2026';

/** Page object of the sign-in form. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: '账号登录' })).toBeVisible();
  }

  async signIn(identifier: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('登录名或手机号').fill(identifier);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }
}

export async function signInAs(page: Page, identifier: string, landing: RegExp) {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(identifier);
  await expect(page).toHaveURL(landing);
}

/**
 * A new browser context signed in as a user made by the test factories (password TEST_PASSWORD); `phone` gives it a
 * 390 px touch viewport. Returns the page, past the sign-in form.
 */
export async function signInTestUser(browser: Browser, userId: string, options: { phone?: boolean } = {}) {
  const context = await browser.newContext(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const { loginName } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { loginName: true } });
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(loginName, TEST_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}
