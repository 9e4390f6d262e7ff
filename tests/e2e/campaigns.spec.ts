import { expect, test } from './support/test';
import { CampaignWizardPage, shanghaiLocal } from './support/campaign-wizard';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

const OUT = process.env.E2E_OUTPUT_DIR ?? 'test-results';
const DAY = 86_400_000;

test('an admin creates a campaign through the wizard, finds it in the list and closes a stage early', async ({ page }) => {
  test.setTimeout(90_000);
  const title = `端到端测试评选-${Date.now().toString(36)}`;
  const wizard = new CampaignWizardPage(page);
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/campaigns');
  await page.getByRole('link', { name: '新建评选活动' }).first().click();
  await expect(wizard.stepHeading('1. 基本信息')).toBeVisible();

  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('批次').fill('2');
  await screenshotBoth(page, 'campaign-wizard-1-basics');
  await wizard.next('2. 阶段时间');

  // Declaration from yesterday, so that the published campaign is open for declaration at once.
  const declarationEnd = await wizard.stageTime('申报', '结束时间').inputValue();
  await wizard.stageTime('申报', '开始时间').fill(shanghaiLocal(-DAY));
  const recommendationStart = await wizard.stageTime('逐级推荐', '开始时间').inputValue();
  await wizard.stageTime('逐级推荐', '开始时间').fill(shanghaiLocal(-DAY / 2));
  await wizard.next();
  await expect(page.getByText('逐级推荐阶段不能早于申报阶段结束')).toBeVisible();
  await expect(wizard.stepHeading('2. 阶段时间')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText('第 2 步 / 共 7 步 · 阶段时间')).toBeVisible();
  await screenshotBoth(page, 'campaign-wizard-2-stages-error');
  expect(recommendationStart).toBe(declarationEnd);
  await wizard.stageTime('逐级推荐', '开始时间').fill(recommendationStart);
  await wizard.next('3. 领域与奖项');
  await screenshotBoth(page, 'campaign-wizard-3-fields-awards');
  await wizard.next('4. 评分标准');
  await expect(page.getByText(/总分\s*100\s*分/)).toBeVisible();
  await screenshotBoth(page, 'campaign-wizard-4-rubric');
  await wizard.next('5. 推荐名额');
  await screenshotBoth(page, 'campaign-wizard-5-quotas');
  await wizard.next('6. 投票设置');
  await screenshotBoth(page, 'campaign-wizard-6-voting');
  await wizard.next('7. 确认');
  await expect(page.getByText(title)).toBeVisible();
  await page.getByLabel(/创建后立即发布/).check();
  await screenshotBoth(page, 'campaign-wizard-7-review');
  await page.getByRole('button', { name: '创建' }).click();

  await expect(page).toHaveURL(/\/admin\/campaigns\/[^/?]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('评选活动已创建并已发布。')).toBeVisible();

  await page.goto('/admin/campaigns');
  const link = page.getByRole('link', { name: title }).first();
  await expect(link).toBeVisible();
  await screenshotBoth(page, 'campaign-list');
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const declaration = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '申报', exact: true }) });
  await expect(declaration.getByText('进行中')).toBeVisible();
  await screenshotBoth(page, 'campaign-page');
  await declaration.getByRole('button', { name: '提前结束' }).click();
  const dialog = page.getByRole('dialog', { name: '提前结束“申报”阶段？' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${OUT}/campaign-close-dialog-1280.png` });
  await dialog.getByRole('button', { name: '确认提前结束' }).click();
  await expect(dialog).toBeHidden();
  await expect(declaration.getByText('已结束')).toBeVisible();
  await expect(page.getByText('已随申报阶段开始而锁定').first()).toBeVisible();
  await screenshotBoth(page, 'campaign-page-after-close');

  // Editing: the rules frozen by the declaration are read-only, the voting rules can still change.
  await page.getByRole('link', { name: '修改设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改评选活动' })).toBeVisible();
  await page.getByRole('button', { name: '3. 领域与奖项' }).click();
  await expect(page.getByText('领域设置已随申报阶段开始而锁定，不能再修改')).toBeVisible();
  await expect(page.getByLabel('领域 1 名称')).toHaveCount(0);
  await screenshotBoth(page, 'campaign-edit-3-locked');
  await page.getByRole('button', { name: '6. 投票设置' }).click();
  await page.getByLabel('每人每天可投').fill('3');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();
  await expect(page.getByText('3 票，同一品牌每天 1 票')).toBeVisible();
});

test('the campaign list shows the seeded campaign with its running stage', async ({ page }) => {
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/admin/campaigns');
  const row = page.getByRole('row').filter({ hasText: '2026年度示范市党建品牌选树' });
  await expect(row.getByText('申报 · 进行中')).toBeVisible();
});
