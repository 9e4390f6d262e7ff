import { expect, type Browser, type Page } from '@playwright/test';
import { db } from '@/lib/db';
import { TEST_PASSWORD } from '../../support/factories';
import { baseURL } from '../../../playwright.config';

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

/**
 * Signs `page`'s browser context in the way the sign-in form does it, without drawing the form: next-auth's CSRF token,
 * then the credentials callback the form's signIn('credentials') posts (the same password check, throttle and session
 * row), then /dashboard, where the form sends a signed-in user. The form itself is tested in sign-in.spec.ts and wherever
 * a spec drives SignInPage; this saves loading, hydrating and filling it in the many specs that only need a session.
 */
export async function signInThroughApi(page: Page, identifier: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    headers: { Origin: baseURL },
    form: { redirect: 'false', identifier, password, csrfToken, callbackUrl: '/dashboard', json: 'true' },
  });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url, baseURL).searchParams.get('error'), `signing in as ${identifier}`).toBeNull();
  expect(response.ok(), `signing in as ${identifier}`).toBe(true);
  await page.goto('/dashboard');
}

export async function signInAs(page: Page, identifier: string, landing: RegExp) {
  await signInThroughApi(page, identifier);
  await expect(page).toHaveURL(landing);
}

/**
 * A new browser context signed in as a user made by the test factories (password TEST_PASSWORD); `phone` gives it a
 * 390 px touch viewport. Returns the page, past the sign-in.
 */
export async function signInTestUser(browser: Browser, userId: string, options: { phone?: boolean } = {}) {
  const context = await browser.newContext(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const { loginName } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { loginName: true } });
  await signInThroughApi(page, loginName, TEST_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}
