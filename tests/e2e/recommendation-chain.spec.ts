import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { recommendEntry, saveOpinion, saveRanking } from '@/lib/recommendation/service';
import { createRecommendationScope } from '../support/recommendations';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

const OPINION = '服务群众成效明显，群众满意度高，同意推荐。';

// The 党工委 orders its two entries (the second first), writes a 推荐意见 and recommends both; the 区委 above it and the
// organizing department read that on their own pages, and the printed form carries it in the 党工委's box.
test('the upper levels see the lower level’s order, 推荐意见 and date, on the board, the entry page and the printed form', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createRecommendationScope({ entries: 2 });
  const [first, second] = scope.entries;
  const committee = { actorId: scope.committeeAdmin.id };
  await saveRanking({ campaignId: scope.campaign.id, organizationId: scope.committee.id, order: [second.id, first.id] }, committee);
  await saveOpinion({ applicationId: first.id, organizationId: scope.committee.id, opinion: OPINION }, committee);
  for (const entry of [first, second]) await recommendEntry({ applicationId: entry.id, organizationId: scope.committee.id }, committee);
  const { decidedAt } = await db.recommendation.findUniqueOrThrow({ where: { applicationId_organizationId: { applicationId: first.id, organizationId: scope.committee.id } } });
  const { brandName } = await db.application.findUniqueOrThrow({ where: { id: first.id }, select: { brandName: true } });

  const district = await signInTestUser(browser, scope.districtAdmin.id, { phone: true });
  await district.goto(`/committee/campaigns/${scope.campaign.id}?org=${scope.district.id}`);
  const item = district.getByRole('main').getByRole('listitem').filter({ hasText: brandName });
  const below = item.getByRole('region', { name: '下级推荐情况' });
  await expect(below).toContainText(scope.committee.name);
  await expect(below).toContainText('已推荐');
  await expect(below).toContainText('本级排序第 2 位');
  await expect(below).toContainText(`推荐意见：${OPINION}`);
  await expect(below).toContainText(formatDate(decidedAt));
  expect(await district.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(district, 'committee-upper-level-board');

  // The printed form, opened from the board: the 党工委's box carries its decision, opinion and date.
  await district.setViewportSize({ width: 1280, height: 900 });
  await item.getByRole('link', { name: brandName }).click();
  const box = district.locator('section', { has: district.getByRole('heading', { name: `${scope.committee.name}推荐意见` }) });
  await expect(box).toContainText('推荐决定：推荐（本级排序第 2 位）');
  await expect(box).toContainText(OPINION);
  await expect(box).toContainText(`日期：${formatDate(decidedAt)}`);
  await expect(district.getByRole('heading', { name: `${scope.city.name}组织部审核意见` })).toBeVisible();
  await expect(district.getByRole('rowheader', { name: '党组织书记' }).first()).toBeAttached();
  await screenshotBoth(district, 'application-print-opinions');

  // The organizing department's view of the entry lists every level.
  const organizer = await signInTestUser(browser, scope.cityAdmin.id);
  await organizer.goto(`/committee/applications/${first.id}`);
  const trail = organizer.getByRole('region', { name: '各级推荐单位的决定、排序与推荐意见' });
  await expect(trail).toContainText(scope.committee.name);
  await expect(trail).toContainText(`推荐意见：${OPINION}`);
  await expect(trail).toContainText(scope.district.name);
  await expect(trail).toContainText('待推荐');
  await screenshotBoth(organizer, 'staff-application-trail');
});
