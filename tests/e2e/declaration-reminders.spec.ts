import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { DEMO_CAMPAIGN_TITLE } from '../../prisma/seed/demo-city';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

async function expectNoHorizontalOverflow(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('a committee sees which branches have not declared and reminds one (催报) once a day', async ({ page }) => {
  await signInAs(page, 'dh-admin', /\/committee$/);
  // During 申报 the level's recommendation has not started: its link reads 查看.
  await page.getByRole('listitem').filter({ hasText: DEMO_CAMPAIGN_TITLE }).getByRole('link', { name: /^(查看|进入推荐)$/ }).click();
  const section = page.getByRole('region', { name: '下级支部申报情况' });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^可申报 \d+ 个，已提交 \d+ 个，未提交 \d+ 个/)).toBeVisible();
  await screenshotBoth(page, 'declaration-progress');
  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  const remind = section.getByRole('button', { name: /^催报 / }).first();
  const label = (await remind.getAttribute('aria-label'))!;
  const branchName = label.replace(/^催报 /, '');
  const before = await db.smsMessage.count();
  await remind.click();
  await expect(section.getByText(/^已催报 1 个支部，短信 \d+ 条已排队发送/)).toBeVisible();
  await expect(section.getByRole('button', { name: label })).toHaveCount(0);
  await expect(section.getByRole('listitem').filter({ hasText: branchName }).getByText('今日已催报')).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: branchName }).getByText(/^最近催报：/)).toBeVisible();
  // The e2e server's job worker sends the queued texts (it polls every 2 s).
  await expect.poll(() => db.smsMessage.count(), { timeout: 15_000 }).toBeGreaterThan(before);
  await screenshotBoth(page, 'declaration-progress-reminded');
  await expectNoHorizontalOverflow(page);
});

test('退回重新申报 is not offered on an honoured entry', async ({ page }) => {
  const honour = await db.honor.findFirstOrThrow({ where: { revokedAt: null }, orderBy: { certificateNo: 'asc' }, select: { applicationId: true, brandName: true } });
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto(`/committee/applications/${honour.applicationId}`);
  await expect(page.getByRole('heading', { level: 1, name: honour.brandName })).toBeVisible();
  await expect(page.getByRole('link', { name: '提交记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退回重新申报' })).toHaveCount(0);
  await screenshotBoth(page, 'honoured-entry-no-return');
});
