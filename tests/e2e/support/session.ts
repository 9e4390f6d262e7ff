import { expect, type Page } from '@playwright/test';

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
