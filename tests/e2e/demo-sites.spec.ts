import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { DEMO_PROGRAM_TITLE } from '../../prisma/seed/demo-sites';
import { samplePng } from '../support/upload-samples';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

test('committee staff assess a 示范点 on a phone: photo evidence for a checklist item, 达标, then a yearly score with history', async ({ page }) => {
  const [program, branch] = await Promise.all([
    db.demoProgram.findFirstOrThrow({ where: { title: DEMO_PROGRAM_TITLE } }),
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH-02' } }),
  ]);
  const tag = Date.now().toString(36);
  const site = await db.demoSite.create({ data: { programId: program.id, organizationId: branch.id, name: `端到端示范点${tag}`, level: 'COUNTY', address: '东华街道光明路 8 号' } });

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'dh-admin', /\/committee$/);
  await page.getByRole('link', { name: '示范建设' }).first().click();
  await page.getByRole('link', { name: DEMO_PROGRAM_TITLE }).click();
  await page.getByRole('link', { name: `端到端示范点${tag}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `端到端示范点${tag}` })).toBeVisible();
  await expect(page.getByTestId('counts-FIVE_BASICS')).toHaveText('达标 0 · 未达标 0 · 未评定 5（共 5 项）');

  // 达标 without evidence is refused with a clear message.
  const item = page.getByTestId('item-FIVE_BASICS-0');
  await item.getByRole('button', { name: '达标', exact: true }).click();
  await expect(item.getByRole('alert')).toContainText('须至少有一份佐证材料');

  await item.locator('input[type="file"]').setInputFiles({ name: '支部委员会.png', mimeType: 'image/png', buffer: await samplePng() });
  await expect(item.getByRole('img', { name: '支部委员会.png' })).toBeVisible();
  await item.getByLabel('基本组织的评定说明').fill('支委会成员齐全，现场核实');
  await item.getByRole('button', { name: '达标', exact: true }).click();
  await expect(item.getByRole('button', { name: '达标', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('counts-FIVE_BASICS')).toHaveText('达标 1 · 未达标 0 · 未评定 4（共 5 项）');
  await expect(item.getByText(/评定：支委会成员齐全，现场核实/)).toBeVisible();

  // A score above its maximum is refused at the field; then the yearly score saves as version 1.
  const form = page.getByRole('form', { name: '年度量化考评' });
  await form.getByLabel('考评年度').selectOption('2026');
  const scores = [18, 17, 19, 16, 25];
  for (const [index, score] of scores.entries()) await form.locator(`#score-${index}`).fill(String(score));
  await form.getByRole('button', { name: '保存考评' }).click();
  await expect(form.getByText('“作用发挥与群众评价”的得分须在 0 至 20 分之间').first()).toBeVisible();
  await form.locator('#score-4').fill('18');
  await expect(form.getByText('合计 88 分')).toBeVisible();
  await form.getByRole('button', { name: '保存考评' }).click();
  await expect(form.getByText('已保存 2026 年第 1 版考评，总分 88 分')).toBeVisible();
  const history = page.getByRole('list', { name: '考评记录' });
  await expect(history.getByText('2026 年 第 1 版：88 分')).toBeVisible();
  await screenshotBoth(page, 'demo-site-assessed');

  const row = await db.checklistItem.findFirstOrThrow({ where: { siteId: site.id, listKey: 'FIVE_BASICS', itemIndex: 0 }, include: { evidence: true } });
  expect(row).toMatchObject({ verdict: 'MET', note: '支委会成员齐全，现场核实' });
  expect(row.evidence).toHaveLength(1);
  expect(await db.siteAssessment.findMany({ where: { siteId: site.id }, select: { year: true, version: true, total: true } })).toEqual([{ year: 2026, version: 1, total: 88 }]);
  await db.demoSite.update({ where: { id: site.id }, data: { status: 'REVOKED', revokedAt: new Date(), revokeReason: '端到端测试结束' } });
});
