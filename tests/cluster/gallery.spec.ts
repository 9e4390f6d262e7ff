import { expect, request as requestContext, test } from '@playwright/test';
import { db } from '@/lib/db';
import { finaliseCampaign } from '@/lib/publicity/service';
import { TEST_PASSWORD } from '../support/factories';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { INSTANCE_A, INSTANCE_B, freshIp, signInAt } from './support';

// Public pages are cached in each instance; the cache's tags are shared through Redis (the cache handler), so a
// 摘牌 on one instance empties the pages of every other.

test('a 摘牌 on A shows on B’s gallery and certificate page within 1 s', async ({ browser }) => {
  test.setTimeout(60_000);
  const scope = await createAwardedScope({ entries: 1, awarded: 1 });
  const campaignId = scope.campaign.id;
  await openPublicity(campaignId, scope.cityAdmin.id);
  await endPublicity(campaignId);
  await finaliseCampaign(
    { campaignId, title: '关于对优秀党建品牌予以通报表扬的决定', documentNo: '示范组通〔2026〕30号', preamble: '经逐级推荐、评审和公示，决定予以通报表扬。', issuedOn: shanghaiDay() },
    { actorId: scope.cityAdmin.id },
  );
  const honor = await db.honor.findFirstOrThrow({ where: { campaignId }, select: { certificateNo: true, brandName: true } });
  const visitor = await requestContext.newContext();
  const html = async (path: string) => (await visitor.get(`${INSTANCE_B}${path}`)).text();
  // B renders (and caches) both pages before the 摘牌.
  expect(await html('/gallery')).toContain(honor.brandName);
  expect(await html(`/certificates/${honor.certificateNo}`)).toContain('有效');

  const ip = freshIp();
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  const staff = await context.newPage();
  const { loginName } = await db.user.findUniqueOrThrow({ where: { id: scope.cityAdmin.id }, select: { loginName: true } });
  expect((await signInAt(staff.request, INSTANCE_A, loginName, TEST_PASSWORD, { ip })).error).toBeNull();
  await staff.goto(`${INSTANCE_A}/admin/campaigns/${campaignId}/honors`);
  const row = staff.getByRole('row').filter({ hasText: honor.certificateNo });
  await row.getByRole('button', { name: `摘牌 ${honor.brandName}` }).click();
  const dialog = staff.getByRole('dialog', { name: `摘牌：“${honor.brandName}”` });
  await dialog.getByLabel('摘牌原因').fill('经核查不再符合品牌标准');
  await dialog.getByRole('button', { name: '确认摘牌' }).click();
  await expect(row).toContainText('已摘牌');
  const revokedAt = Date.now();

  await expect.poll(async () => (await html(`/certificates/${honor.certificateNo}`)).includes('已摘牌'), { timeout: 1000, intervals: [100] }).toBe(true);
  await expect.poll(async () => (await html('/gallery')).includes(honor.brandName), { timeout: 1000, intervals: [100] }).toBe(false);
  expect(Date.now() - revokedAt).toBeLessThan(1000);
  await Promise.all([visitor.dispose(), context.close()]);
});
