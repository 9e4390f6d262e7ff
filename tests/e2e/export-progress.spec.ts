import { expect, test } from './support/test';
import { signInAs } from './support/session';

test('an export shows its progress while the sheet streams in, then saves the file', async ({ page }) => {
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/applications');
  await expect(page.getByRole('heading', { level: 1, name: '申报列表' })).toBeVisible();
  // Hold the answer a moment so the progress is on screen long enough to see.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/applications/export**', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const status = page.getByRole('status').filter({ hasText: '导出' });
  await expect(status).toContainText('正在导出');
  await expect(page.getByRole('progressbar', { name: '导出进度' })).toBeVisible();
  await expect(page.getByRole('button', { name: '取消' })).toBeVisible();
  release();
  expect((await download).suggestedFilename()).toBe('申报列表.xlsx');
  await expect(status).toContainText(/已导出 \d+ 行（\d+ KB）/);
  await expect(page.getByRole('progressbar', { name: '导出进度' })).toHaveCount(0);
});
