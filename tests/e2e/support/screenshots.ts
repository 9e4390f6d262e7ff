import type { Page } from '@playwright/test';

const OUT = process.env.E2E_OUTPUT_DIR ?? 'test-results';

/** Full-page screenshots at phone (390 px) and desktop (1280 px) width, to look at after a run. */
export async function screenshotBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${OUT}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${OUT}/${name}-1280.png`, fullPage: true });
}
