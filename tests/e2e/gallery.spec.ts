import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { finaliseCampaign } from '@/lib/publicity/service';
import { createAwardedScope, endPublicity, openPublicity, shanghaiDay } from '../support/publicity';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

const PHONE = { width: 390, height: 844 };
const AWARD = '示范党建品牌（品牌风采测试）';

test('the gallery shows the winner', async ({ browser, request }) => {
  test.setTimeout(120_000);
  // Three honored brands with an award no demo brand holds; the third is then revoked (摘牌) through the UI.
  const scope = await createAwardedScope({ entries: 3, awarded: 3 });
  const campaignId = scope.campaign.id;
  const [winner, second, revoked] = scope.entries;
  await db.award.update({ where: { id: scope.award.id }, data: { name: AWARD } });
  const demo = await db.honor.findFirstOrThrow({ where: { revokedAt: null, awardName: { not: AWARD } }, select: { brandName: true } });
  await db.application.update({
    where: { id: winner.id },
    data: { slogan: '红心向党，服务为民', essence: '以“红色驿站”凝聚党员、服务群众的品牌内涵。', carriers: '党群服务中心、红色驿站', practices: '每周开展志愿服务，解决群众急难愁盼。' },
  });
  await openPublicity(campaignId, scope.cityAdmin.id);
  await endPublicity(campaignId);
  await finaliseCampaign(
    { campaignId, title: '关于表扬优秀党建品牌的决定', documentNo: '示范组通〔2026〕30号', preamble: '决定对以下党建品牌予以通报表扬。', issuedOn: shanghaiDay() },
    { actorId: scope.cityAdmin.id },
  );
  const names = await db.honor.findMany({ where: { campaignId }, select: { applicationId: true, brandName: true, certificateNo: true, awardName: true } });
  const honorOf = (applicationId: string) => names.find((honor) => honor.applicationId === applicationId)!;

  // 摘牌 through the admin page: the action purges the cached gallery (Next's data cache and the server's page cache).
  // The honors above were written by the test process, so the gallery shows them only after such a purge.
  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  const revokeThroughUi = async (applicationId: string) => {
    await staff.goto(`/admin/campaigns/${campaignId}/honors`);
    const row = staff.getByRole('row').filter({ hasText: honorOf(applicationId).certificateNo });
    await row.getByRole('button', { name: `摘牌 ${honorOf(applicationId).brandName}` }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('摘牌原因').fill('经核查不再符合品牌标准');
    await dialog.getByRole('button', { name: '确认摘牌' }).click();
    await expect(row).toContainText('已摘牌');
  };
  await revokeThroughUi(revoked.id);

  const visitor = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await visitor.newPage();
  await phone.goto('/gallery');
  await expect(phone).toHaveTitle(/^品牌风采/);
  await expect(phone.getByRole('heading', { level: 1, name: '品牌风采' })).toBeVisible();
  const winnerCard = phone.getByRole('listitem').filter({ has: phone.getByRole('link', { name: honorOf(winner.id).brandName, exact: true }) });
  await expect(winnerCard).toBeVisible();
  await expect(winnerCard).toContainText(honorOf(winner.id).awardName);
  const { year } = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { year: true } });
  await expect(winnerCard).toContainText(`${year}年`);
  await expect(phone.getByRole('link', { name: honorOf(revoked.id).brandName, exact: true })).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(phone, 'gallery');
  await phone.setViewportSize(PHONE);

  // Filter by award: the two live brands of that award, no demo brand; the choice is in the address.
  const demoLink = phone.getByRole('link', { name: demo.brandName, exact: true }).first();
  await expect(demoLink).toBeVisible();
  await phone.getByLabel('荣誉', { exact: true }).selectOption(AWARD);
  await phone.getByRole('button', { name: '筛选' }).click();
  await expect(phone).toHaveURL(/award=/);
  await expect(phone.getByText('找到 2 个品牌')).toBeVisible();
  await expect(winnerCard).toBeVisible();
  await expect(phone.getByRole('link', { name: honorOf(second.id).brandName, exact: true })).toBeVisible();
  await expect(phone.getByRole('link', { name: demo.brandName, exact: true })).toHaveCount(0);
  await expect(phone.getByLabel('荣誉', { exact: true })).toHaveValue(AWARD);
  // The address reproduces the view; a value that is no option is ignored.
  await phone.reload();
  await expect(phone.getByText('找到 2 个品牌')).toBeVisible();
  await phone.goto('/gallery?award=nonsense&year=abc&page=-3');
  await expect(phone.getByText(/^共 \d+ 个品牌$/)).toBeVisible();

  // Search by name.
  await phone.getByLabel('品牌或单位名称').fill(honorOf(winner.id).brandName);
  await phone.getByRole('button', { name: '筛选' }).click();
  await expect(phone.getByText('找到 1 个品牌')).toBeVisible();
  await expect(winnerCard).toBeVisible();
  await expect(phone.getByRole('link', { name: honorOf(second.id).brandName, exact: true })).toHaveCount(0);
  await phone.getByLabel('品牌或单位名称').fill('没有这个品牌名称');
  await phone.getByRole('button', { name: '筛选' }).click();
  await expect(phone.getByText('没有找到符合条件的品牌')).toBeVisible();
  await phone.getByRole('link', { name: '清除筛选' }).click();
  await expect(phone).toHaveURL(/\/gallery$/);
  await expect(winnerCard).toBeVisible();

  // The brand page: logo placeholder, 内涵, 载体, 做法, awards linking to the certificate.
  await winnerCard.getByRole('link', { name: honorOf(winner.id).brandName, exact: true }).click();
  await expect(phone).toHaveURL(new RegExp(`/gallery/${winner.id}$`));
  await expect(phone.getByRole('heading', { level: 1, name: honorOf(winner.id).brandName })).toBeVisible();
  await expect(phone).toHaveTitle(`${honorOf(winner.id).brandName} · 品牌风采 · 党建品牌选树平台`);
  await expect(phone.locator('meta[name="description"]')).toHaveAttribute('content', '红心向党，服务为民');
  await expect(phone.getByText('红心向党，服务为民')).toBeVisible();
  await expect(phone.getByRole('heading', { name: '品牌内涵' })).toBeVisible();
  await expect(phone.getByText('以“红色驿站”凝聚党员、服务群众的品牌内涵。')).toBeVisible();
  await expect(phone.getByRole('heading', { name: '创建载体' })).toBeVisible();
  await expect(phone.getByText('党群服务中心、红色驿站')).toBeVisible();
  await expect(phone.getByText('每周开展志愿服务，解决群众急难愁盼。')).toBeVisible();
  await expect(phone.getByRole('link', { name: `证书 ${honorOf(winner.id).certificateNo}` })).toHaveAttribute('href', `/certificates/${honorOf(winner.id).certificateNo}`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(phone, 'gallery-brand');

  // The share image is a PNG drawn with the brand's name.
  const image = await phone.locator('meta[property="og:image"]').getAttribute('content');
  const shared = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(shared.status()).toBe(200);
  expect(shared.headers()['content-type']).toBe('image/png');
  await visitor.close();

  // nginx or a CDN may keep the pages a second and serve them stale a minute while fetching anew; browsers always ask
  // again. Unknown and revoked brands are 404.
  const CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=59';
  for (const path of ['/gallery', '/gallery?page=1', `/gallery/${second.id}`, `/gallery?award=${encodeURIComponent(AWARD)}`]) {
    const reply = await request.get(path);
    expect([reply.status(), reply.headers()['cache-control']], path).toEqual([200, CACHE_CONTROL]);
  }
  expect(await (await request.get('/gallery')).text()).toContain(honorOf(second.id).brandName);
  // A brand page and the unfiltered list are kept in Next's cache once rendered: each has an ETag, and a browser that
  // has this version gets a 304. The filtered list is rendered per request (no ETag).
  for (const path of [`/gallery/${second.id}`, '/gallery', '/gallery?page=1']) {
    const etag = (await request.get(path)).headers()['etag'];
    expect(etag, path).toMatch(/^"|^W\//);
    expect((await request.get(path, { headers: { 'if-none-match': etag } })).status(), path).toBe(304);
  }
  expect((await request.get(`/gallery?award=${encodeURIComponent(AWARD)}`)).headers()['etag']).toBeUndefined();
  expect((await request.get('/gallery/page/0')).status()).toBe(404);
  expect(await (await request.get(`/gallery?award=${encodeURIComponent(AWARD)}`)).text()).toContain('找到 2 个品牌');
  expect((await request.get(`/gallery/${revoked.id}`)).status()).toBe(404);
  expect((await request.get('/gallery/does-not-exist')).status()).toBe(404);
  expect((await request.get('/gallery/%E0%A4%A')).status()).toBeLessThan(500);

  // A 摘牌 expires the cached data at once: the brand page is gone and the list no longer names the brand.
  await revokeThroughUi(second.id);
  await staff.context().close();
  // Next applies an action's revalidateTag beside its answer when the action renders no page (waitUntil), so the
  // expiry may land a moment after the button shows 已摘牌: asked again for up to 2 s (the cluster test allows 1 s).
  await expect.poll(async () => (await request.get(`/gallery/${second.id}`)).status(), { timeout: 2000, intervals: [100] }).toBe(404);
  await expect.poll(async () => (await request.get('/gallery')).text(), { timeout: 2000, intervals: [100] }).not.toContain(honorOf(second.id).brandName);
  expect(await (await request.get('/gallery')).text()).toContain(honorOf(winner.id).brandName);
});
