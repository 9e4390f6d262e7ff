import { writeFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { storeUpload } from '@/lib/files/service';
import { saveScores, submitSheet } from '@/lib/review/scoring';
import { samplePdf, samplePng } from '../support/upload-samples';
import { createReviewScope, openStage } from '../support/reviews';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

// From the published 品牌清单 to the award proposal: assignment, scoring on a phone, 实地核验, 初评 and 审定.
test('the admin assigns experts, an expert scores on a phone, staff check on site, 初评 and 审定 give the award proposal', async ({ browser }) => {
  test.setTimeout(180_000);
  const scope = await createReviewScope({ entries: 2, extraExperts: 2, expertsPerEntry: 2 });
  const campaignId = scope.campaign.id;
  const brands = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const brandOf = (id: string) => brands.find((row) => row.id === id)!.brandName;

  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto(`/admin/campaigns/${campaignId}/review`);
  await admin.getByRole('link', { name: '自动分配预览' }).click();
  await expect(admin.getByText('自动分配方案（预览，尚未保存）')).toBeVisible();
  await screenshotBoth(admin, 'review-assign-preview');
  await admin.getByRole('button', { name: '确认分配（新增 4 份评分表）' }).click();
  await expect(admin.getByText('已新增 4 份评分表。')).toBeVisible();
  await screenshotBoth(admin, 'review-assigned');

  // One expert scores on a phone; the others through the service.
  const sheets = await db.reviewAssignment.findMany({ where: { campaignId }, select: { id: true, expertId: true, applicationId: true }, orderBy: { id: 'asc' } });
  const [mine, ...others] = sheets;
  const criteria = (await db.rubric.findUniqueOrThrow({ where: { campaignId }, select: { criteria: { select: { id: true, name: true, maxPoints: true }, orderBy: { sortOrder: 'asc' } } } })).criteria;
  // The entry carries a photo and a 证明材料; the expert sees them and the 自评 beside each criterion.
  const author = scope.entries.find((entry) => entry.id === mine.applicationId)!.secretaryId;
  const photo = await storeUpload({ bytes: await samplePng(), fileName: '党员服务站.png', slot: 'PHOTO' }, { actorId: author });
  const proof = await storeUpload({ bytes: await samplePdf(), fileName: '获奖证书.pdf', slot: 'DOCUMENT' }, { actorId: author });
  await db.applicationAttachment.createMany({
    data: [
      { applicationId: mine.applicationId, fileId: photo.id, slot: 'PHOTO', caption: '党员服务站一角' },
      { applicationId: mine.applicationId, fileId: proof.id, slot: 'DOCUMENT', sortOrder: 1 },
    ],
  });
  const expert = await signInTestUser(browser, mine.expertId, { phone: true });
  await expert.goto('/review');
  await expect(expert.getByRole('heading', { level: 1, name: '评审任务' })).toBeVisible();
  await expert.getByRole('link', { name: `评分 ${brandOf(mine.applicationId)}` }).click();
  await expect(expert.getByRole('heading', { level: 1, name: brandOf(mine.applicationId) })).toBeVisible();
  const photoImage = expert.getByRole('img', { name: '党员服务站一角' });
  await photoImage.scrollIntoViewIfNeeded();
  await expect(photoImage).toBeVisible();
  await expect.poll(() => photoImage.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const proofLink = expert.getByRole('link', { name: /获奖证书\.pdf/ });
  await expect(proofLink).toBeVisible();
  expect((await expert.request.get((await proofLink.getAttribute('href'))!)).status()).toBe(200);
  await expect(expert.getByText('申报单位自评')).toHaveCount(criteria.length);
  await expect(expert.getByText('已做到').first()).toBeVisible();
  expect(await expert.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const [index, criterion] of criteria.entries()) await expert.getByLabel(`${criterion.name} 得分`).fill(String(criterion.maxPoints - index));
  // A low score without its comment is refused before any confirmation opens, and the refusal says where.
  await expert.getByLabel(`${criteria[0].name} 得分`).fill('5');
  await expert.getByRole('button', { name: '提交评分' }).click();
  await expect(expert.getByText(/请写明评语/)).toBeVisible();
  await expect(expert.getByText('还有 1 处需要完善后才能提交')).toBeVisible();
  await expect(expert.getByRole('dialog')).toHaveCount(0);
  await expect(expert.getByLabel(/^评语/).first()).toBeFocused();
  await screenshotBoth(expert, 'review-sheet-refused');
  await expert.setViewportSize({ width: 390, height: 844 });
  await expert.getByLabel(/^评语/).first().fill('阵地建设有待加强');
  await expect(expert.getByText('还有 1 处需要完善后才能提交')).toBeHidden();
  await expect(expert.getByText(/已保存 \d{2}:\d{2}/)).toBeVisible();
  await screenshotBoth(expert, 'review-sheet-phone');
  await expert.setViewportSize({ width: 390, height: 844 });
  await expert.getByRole('button', { name: '提交评分' }).click();
  await expert.getByRole('dialog', { name: '提交评分表？' }).getByRole('button', { name: '确认提交' }).click();
  await expect(expert.getByText(/评分表已于 .* 提交/)).toBeVisible();
  expect(await db.reviewScore.count({ where: { assignmentId: mine.id } })).toBe(criteria.length);
  // 我的评分汇总 on the task list: the entry, its points per criterion, the total and its state.
  await expert.goto('/review');
  const summaryRow = expert.getByRole('table', { name: /评分汇总/ }).getByRole('row').filter({ hasText: brandOf(mine.applicationId) });
  const expected = criteria.map((criterion, index) => (index === 0 ? 5 : criterion.maxPoints - index));
  await expect(summaryRow.getByRole('cell')).toHaveText([...expected.map(String), String(expected.reduce((sum, value) => sum + value, 0)), '已提交']);
  expect(await expert.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(expert, 'review-summary');
  for (const sheet of others) {
    await saveScores({ assignmentId: sheet.id, scores: criteria.map((criterion) => ({ criterionId: criterion.id, points: criterion.maxPoints - 1 })) }, { actorId: sheet.expertId });
    await submitSheet({ assignmentId: sheet.id }, { actorId: sheet.expertId });
  }

  // 实地核验 of the first brand, in its stage.
  await openStage(campaignId, 'ONSITE_CHECK');
  await admin.goto(`/admin/campaigns/${campaignId}/onsite`);
  await admin.getByRole('link', { name: `安排核验 ${brandOf(scope.entries[0].id)}` }).click();
  await admin.getByLabel('核验日期').fill('2026-11-20');
  await admin.getByRole('checkbox').first().check();
  await admin.getByLabel('核验情况').fill('阵地、台账与申报材料相符，群众评价较好。');
  await admin.getByRole('radio', { name: /核验通过/ }).check();
  await screenshotBoth(admin, 'review-onsite-form');
  await admin.getByRole('button', { name: '保存核验记录' }).click();
  await expect(admin.getByText('核验记录已保存。')).toBeVisible();

  await admin.goto(`/admin/campaigns/${campaignId}/review/results`);
  await expect(admin.getByText(/综合得分 = 专家评分/)).toBeVisible();
  await screenshotBoth(admin, 'review-results');

  // Before the 初评审定 stage the meeting cannot be recorded; then it can.
  await admin.goto(`/admin/campaigns/${campaignId}/decisions`);
  await expect(admin.getByText('初评审定阶段尚未开始，不能形成或签署初评、审定结果')).toBeVisible();
  await expect(admin.getByRole('button', { name: '开始部务会初评' })).toHaveCount(0);
  await openStage(campaignId, 'DELIBERATION');
  const creative = (await db.award.findFirstOrThrow({ where: { campaignId, kind: 'CREATIVITY' }, select: { name: true } })).name;
  for (const [kind, label] of [['PRELIMINARY', '部务会初评'], ['FINAL', '领导小组审定']] as const) {
    await admin.goto(`/admin/campaigns/${campaignId}/decisions`);
    await admin.getByRole('button', { name: `开始${label}` }).click();
    await expect(admin.getByRole('heading', { level: 1, name: `${label}（第 1 版）` })).toBeVisible();
    await admin.getByLabel('参会人员').fill(kind === 'PRELIMINARY' ? '部长、副部长、组织科' : '领导小组全体成员');
    if (kind === 'PRELIMINARY') {
      // A 单项奖 on top of the first brand's 等次奖: the meeting's own judgement, so it asks for the reason.
      await admin.getByRole('checkbox', { name: `${brandOf(scope.entries[0].id)}：${creative}` }).check();
      await admin.getByLabel('调整理由（必填）').fill('品牌载体创新突出，部务会研究增授');
      await screenshotBoth(admin, 'review-decision-draft');
    }
    await admin.getByRole('button', { name: `签署${label}` }).click();
    await admin.getByRole('dialog', { name: `签署${label}？` }).getByRole('button', { name: '确认签署' }).click();
    await expect(admin.getByText(/签署，不可修改/)).toBeVisible();
  }
  await admin.goto(`/admin/campaigns/${campaignId}/decisions`);
  const proposal = admin.locator('section').filter({ has: admin.getByRole('heading', { name: '拟表彰名单' }) });
  await expect(proposal.getByText(brandOf(scope.entries[0].id)).first()).toBeVisible();
  await expect(proposal.getByRole('listitem').filter({ hasText: brandOf(scope.entries[0].id) }).filter({ hasText: creative })).toHaveCount(1);
  await screenshotBoth(admin, 'review-award-proposal');
  const workbook = await admin.request.get(`/api/reviews/export?campaign=${campaignId}&format=xlsx`);
  expect(workbook.status()).toBe(200);
  expect(workbook.headers()['content-type']).toContain('spreadsheetml');
  for (const [query, name] of [[`campaign=${campaignId}&format=pdf`, 'review-results.pdf'], [`campaign=${campaignId}&format=pdf&decision=${(await db.decision.findFirstOrThrow({ where: { campaignId, kind: 'FINAL' } })).id}`, 'review-decision.pdf']]) {
    const pdf = await admin.request.get(`/api/reviews/export?${query}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    writeFileSync(`${process.env.E2E_OUTPUT_DIR ?? 'test-results'}/${name}`, await pdf.body());
  }
});

test('the admin keeps the expert pool: a profile with home organization and fields, and a panel for the campaign', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createReviewScope({ entries: 1 });
  const expertName = (await db.user.findUniqueOrThrow({ where: { id: scope.westExpert.id }, select: { displayName: true } })).displayName;
  const westName = (await db.organization.findUniqueOrThrow({ where: { id: scope.westDistrict.id }, select: { name: true } })).name;
  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto('/admin/experts');
  await admin.getByRole('link', { name: `编辑 ${expertName}` }).click();
  await admin.getByLabel('所在单位').selectOption({ label: `　${westName}` });
  await admin.getByRole('checkbox', { name: '街道社区' }).check();
  await admin.getByLabel('职务职称').fill('组织科科长');
  await screenshotBoth(admin, 'experts-edit');
  await admin.getByRole('button', { name: '保存', exact: true }).click();
  await expect(admin.getByText('专家信息已保存。')).toBeVisible();
  const card = admin.getByRole('listitem').filter({ hasText: expertName });
  await expect(card.getByText(`所在单位（回避依据）：${westName}`)).toBeVisible();
  await screenshotBoth(admin, 'experts-list');

  await admin.goto(`/admin/campaigns/${scope.campaign.id}/review`);
  await admin.getByRole('button', { name: '+ 新建专家组' }).click();
  const dialog = admin.getByRole('dialog', { name: '新建专家组' });
  await dialog.getByLabel('专家组名称').fill('第一评审组');
  await dialog.getByRole('checkbox', { name: expertName }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByText('第一评审组')).toBeVisible();
  await screenshotBoth(admin, 'review-panels');
  expect(await db.expertPanelMember.count({ where: { panel: { campaignId: scope.campaign.id } } })).toBe(1);
});
