import { expect, type Page } from '@playwright/test';

/** "yyyy-MM-ddTHH:mm" in Asia/Shanghai, `offsetMs` from now: what a datetime-local input of the wizard holds. */
export function shanghaiLocal(offsetMs = 0): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + offsetMs));
  return parts.replace(' ', 'T');
}

/** Page object of the campaign setup wizard at /admin/campaigns/new. */
export class CampaignWizardPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/campaigns/new');
    await expect(this.page.getByRole('heading', { level: 1, name: '新建评选活动' })).toBeVisible();
  }

  stepHeading(label: string) {
    return this.page.getByRole('heading', { level: 2, name: label });
  }

  async next(expectedLabel?: string) {
    await this.page.getByRole('button', { name: '下一步' }).click();
    if (expectedLabel) await expect(this.stepHeading(expectedLabel)).toBeVisible();
  }

  stageTime(stage: string, which: '开始时间' | '结束时间') {
    return this.page.getByLabel(`${stage}${which}`, { exact: true });
  }
}
