import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createAwardedScope, endPublicity, insertObjection, openPublicity } from '../support/publicity';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

test('staff publish the 公示, the public read it on a phone, and staff finalise once it has ended and objections are answered', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createAwardedScope({ entries: 3, awarded: 2 });
  const campaignId = scope.campaign.id;
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;

  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  await staff.goto(`/admin/campaigns/${campaignId}/publicity`);
  await expect(staff.getByRole('heading', { level: 1, name: '公示与表彰' })).toBeVisible();
  await expect(staff.getByText('请先发布公示，公示期满后再发布表彰决定。')).toBeVisible();
  // Without a phone and an address for objections the form refuses, saying what is missing.
  await staff.getByRole('button', { name: '发布公示' }).click();
  await expect(staff.getByText('请填写联系电话')).toBeVisible();
  await expect(staff.getByText('请填写受理异议的通讯地址（至少 5 个字）')).toBeVisible();
  await expect(staff.getByRole('dialog', { name: '发布公示' })).toHaveCount(0);
  await screenshotBoth(staff, 'publicity-admin-form-refused');
  await staff.getByLabel('联系电话').fill('0571 8888 6666');
  await staff.getByLabel('通讯地址').fill('示范市人民路 1 号市委组织部 305 室');
  await staff.getByRole('button', { name: '发布公示' }).click();
  const confirm = staff.getByRole('dialog', { name: '发布公示' });
  await expect(confirm.getByText('将向社会公示拟表彰的 2 个品牌')).toBeVisible();
  await confirm.getByRole('button', { name: '确认发布' }).click();
  await expect(staff.getByText('公示中')).toBeVisible();
  await expect(staff.getByRole('cell', { name: new RegExp(nameOf(0)) })).toBeVisible();
  await screenshotBoth(staff, 'publicity-admin-open');

  // The public page on a phone: the proposed awards, the period and the way to object.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(`/campaigns/${campaignId}/publicity`);
  await expect(phone.getByRole('heading', { level: 1, name: '拟表彰名单公示' })).toBeVisible();
  await expect(phone.getByRole('heading', { level: 3, name: `${scope.award.name}（2 个）` })).toBeVisible();
  await expect(phone.getByText(nameOf(0))).toBeVisible();
  await expect(phone.getByText(/联系电话：0571-88886666/)).toBeVisible();
  await expect(phone.getByText(nameOf(2))).toHaveCount(0);
  await expect(phone.getByRole('link', { name: `对“${nameOf(1)}”提出异议` })).toHaveAttribute('href', `/campaigns/${campaignId}/publicity/objection?entry=${scope.entries[1].id}`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(phone, 'publicity-public');
  await visitor.close();

  // An objection in hand and the period over: finalising waits for the answer.
  const objection = await insertObjection(campaignId, scope.entries[1].id, { status: 'INVESTIGATING' });
  await endPublicity(campaignId);
  await staff.reload();
  await expect(staff.getByText('1 件办理中，暂缓')).toBeVisible();
  await expect(staff.getByText('还有 1 件异议未办结，全部答复后才能发布表彰决定。')).toBeVisible();
  await db.objection.update({ where: { id: objection.id }, data: { status: 'ANSWERED', outcome: 'UPHELD', answer: '经核查，反映问题属实。', answeredAt: new Date() } });
  await staff.reload();
  await expect(staff.getByText('异议成立，暂缓表彰')).toBeVisible();
  await staff.getByLabel('文号').fill('示范组通〔2026〕12号');
  await screenshotBoth(staff, 'publicity-admin-finalise');
  await staff.getByRole('button', { name: '发布表彰决定' }).click();
  const finalise = staff.getByRole('dialog', { name: '发布表彰决定' });
  await expect(finalise.getByText('1 个品牌因异议成立暂缓表彰')).toBeVisible();
  await finalise.getByRole('button', { name: '确认发布' }).click();
  await expect(staff.getByText(/表彰品牌 1 个/)).toBeVisible();
  const honors = await db.honor.findMany({ where: { campaignId }, select: { applicationId: true } });
  expect(honors).toEqual([{ applicationId: scope.entries[0].id }]);
  await staff.context().close();

  // The honored branch finds its certificate where it declared.
  const { certificateNo } = await db.honor.findFirstOrThrow({ where: { campaignId }, select: { certificateNo: true } });
  const secretary = await signInTestUser(browser, scope.entries[0].secretaryId, { phone: true });
  await secretary.goto('/declare');
  await expect(secretary.getByText(`荣获“${scope.award.name}”，证书编号 ${certificateNo}`)).toBeVisible();
  const [download] = await Promise.all([secretary.waitForEvent('download'), secretary.getByRole('link', { name: '下载荣誉证书' }).click()]);
  expect(download.suggestedFilename()).toContain(certificateNo);
  await secretary.context().close();
});

test('a 审定 corrected after the 公示 is published again as a correction; the old 公示 reads as superseded', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createAwardedScope({ entries: 3, awarded: 2 });
  const campaignId = scope.campaign.id;
  const names = await db.application.findMany({ where: { id: { in: scope.entries.map((entry) => entry.id) } }, select: { id: true, brandName: true } });
  const nameOf = (index: number) => names.find((row) => row.id === scope.entries[index].id)!.brandName;
  await openPublicity(campaignId, scope.cityAdmin.id);
  // The 领导小组 corrects its 审定 (version 2): the second brand loses its award.
  const correction = await db.decision.create({
    data: {
      campaignId,
      kind: 'FINAL',
      version: 2,
      meetingDate: new Date(),
      attendees: '领导小组全体成员',
      correctionReason: '异议成立，取消该品牌的奖项',
      items: { create: scope.entries.map((entry, index) => ({ applicationId: entry.id, rank: index + 1, score: 95 - index, awards: { create: index === 0 ? [{ awardId: scope.award.id, isDecided: true, isProposed: true }] : [] } })) },
    },
  });
  await db.decision.update({ where: { id: correction.id }, data: { signedAt: new Date(), signedById: scope.cityAdmin.id } });

  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  await staff.goto(`/admin/campaigns/${campaignId}/publicity`);
  await expect(staff.getByText('公示后领导小组审定又有更正，请发布更正公示，公示期满后再发布表彰决定。')).toBeVisible();
  await staff.getByLabel('联系电话').fill('0571-88886666');
  await staff.getByLabel('通讯地址').fill('示范市人民路 1 号市委组织部 305 室');
  await staff.getByRole('button', { name: '发布更正公示' }).click();
  const confirm = staff.getByRole('dialog', { name: '发布更正公示' });
  await expect(confirm.getByText('本公示为第 2 版')).toBeVisible();
  await confirm.getByRole('button', { name: '确认发布' }).click();
  await expect(staff.getByText('更正公示 · 第 2 版')).toBeVisible();
  await expect(staff.getByRole('list', { name: '已被取代的公示' }).getByText(/第 1 版.*已被.*的更正公示取代/)).toBeVisible();
  await screenshotBoth(staff, 'publicity-admin-correction');
  expect((await db.publicity.findMany({ where: { campaignId }, orderBy: { version: 'asc' }, select: { version: true, decisionId: true } })).map((row) => row.version)).toEqual([1, 2]);
  await staff.context().close();

  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto(`/campaigns/${campaignId}/publicity`);
  await expect(phone.getByRole('heading', { level: 1, name: '拟表彰名单更正公示' })).toBeVisible();
  await expect(phone.getByText('更正说明：异议成立，取消该品牌的奖项')).toBeVisible();
  await expect(phone.getByText(nameOf(0))).toBeVisible();
  await expect(phone.getByText(nameOf(1))).toHaveCount(0);
  await phone.getByRole('link', { name: '第 1 版' }).click();
  await expect(phone.getByText(/本公示已被\d{4}年\d{1,2}月\d{1,2}日的更正公示取代，以更正后的名单为准。/)).toBeVisible();
  await expect(phone.getByText(nameOf(1))).toBeVisible();
  await expect(phone.getByRole('link', { name: /提出异议/ })).toHaveCount(0);
  await screenshotBoth(phone, 'publicity-public-superseded');
  await visitor.close();
});
