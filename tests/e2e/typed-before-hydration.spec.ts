import type { Page } from '@playwright/test';
import { db } from '@/lib/db';
import { getOrCreateDraft, saveDraft } from '@/lib/application/service';
import { EMPTY_VALUES } from '@/lib/application/schema';
import { expect, test } from './support/test';
import { createDeclarationScope } from '../support/declarations';
import { createReviewScope } from '../support/reviews';
import { signInTestUser } from './support/session';

// A slow phone shows the server's HTML seconds before the JavaScript runs. Whatever is typed in that time must
// survive hydration and be saved like anything typed later.

/** Holds back every JavaScript chunk (not the stylesheets) until `release()`: the page is server HTML only until then. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the 申报表 shows the saved draft before hydration and keeps and saves what was typed before it', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createDeclarationScope();
  const { id } = await getOrCreateDraft({ campaignId: scope.campaign.id, organizationId: scope.branchA.id }, { actorId: scope.secretaryA.id });
  await saveDraft({ applicationId: id, revision: 0, values: { ...EMPTY_VALUES, brandName: '已保存的名称', essence: '已保存的内涵。' } }, { actorId: scope.secretaryA.id });
  const page = await signInTestUser(browser, scope.secretaryA.id, { phone: true });
  const release = await holdScripts(page);
  await page.goto(`/declare/${id}`, { waitUntil: 'domcontentloaded' });

  const brandName = page.getByRole('textbox', { name: '品牌名称', exact: true });
  const essence = page.locator('textarea[name="essence"]');
  // The saved text is in the server's HTML.
  await expect(brandName).toHaveValue('已保存的名称');
  await expect(essence).toHaveValue('已保存的内涵。');
  await brandName.fill('红色管家');
  await essence.fill('已保存的内涵。补上的一句。');
  await page.locator('textarea[name="practices"]').fill('手机上先写的做法');
  await page.getByRole('combobox', { name: '所属领域', exact: true }).selectOption({ index: 1 });
  release();

  const fieldId = (await db.campaignField.findFirstOrThrow({ where: { campaignId: scope.campaign.id }, orderBy: { sortOrder: 'asc' }, select: { id: true } })).id;
  await expect
    .poll(() => db.application.findUniqueOrThrow({ where: { id }, select: { brandName: true, essence: true, practices: true, fieldId: true } }), { timeout: 20_000 })
    .toEqual({ brandName: '红色管家', essence: '已保存的内涵。补上的一句。', practices: '手机上先写的做法', fieldId });
  await expect(brandName).toHaveValue('红色管家');
  await expect(essence).toHaveValue('已保存的内涵。补上的一句。');
  await expect(page.getByText(`${Array.from('红色管家').length} / 15`)).toBeVisible();
});

test('scores typed into the score sheet before hydration are counted and saved', async ({ browser }) => {
  test.setTimeout(90_000);
  const scope = await createReviewScope({ entries: 1 });
  const sheet = await db.reviewAssignment.create({ data: { campaignId: scope.campaign.id, applicationId: scope.entries[0].id, expertId: scope.westExpert.id, source: 'MANUAL', reason: '测试' }, select: { id: true } });
  const criteria = (await db.rubric.findUniqueOrThrow({ where: { campaignId: scope.campaign.id }, select: { criteria: { select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } } } })).criteria;
  const page = await signInTestUser(browser, scope.westExpert.id, { phone: true });
  const release = await holdScripts(page);
  await page.goto(`/review/${sheet.id}`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel(`${criteria[0].name} 得分`).fill('8');
  await page.getByLabel(`${criteria[1].name} 得分`).fill('7.5');
  release();

  await expect(page.getByText('合计 15.5 /')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`已评 2 / ${criteria.length} 项`)).toBeVisible();
  await expect
    .poll(async () => (await db.reviewScore.findMany({ where: { assignmentId: sheet.id }, select: { criterionId: true, points: true } })).map((row) => [row.criterionId, Number(row.points)]).sort(), { timeout: 20_000 })
    .toEqual([[criteria[0].id, 8], [criteria[1].id, 7.5]].sort());
});
