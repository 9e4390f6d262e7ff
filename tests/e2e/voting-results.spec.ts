import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createVotingScope, insertVotes } from '../support/voting';
import { screenshotBoth } from './support/screenshots';
import { signInTestUser } from './support/session';

// The organizer's staff follow the vote: an empty page first, then the counts without the struck-off votes, the
// 最佳人气 candidates with a tie at the last place, one field at a time, and the Excel download.
test('staff see the vote results, the 最佳人气 candidates and download them as Excel', async ({ browser }) => {
  test.setTimeout(120_000);
  const scope = await createVotingScope({ entries: 3, members: 0 });
  const campaignId = scope.campaign.id;
  const [e0, e1, e2] = scope.entries.map((entry) => entry.id);
  const names = await db.brandListEntry.findMany({ where: { applicationId: { in: [e0, e1, e2] } }, select: { applicationId: true, brandName: true, fieldName: true } });
  const brand = (id: string) => names.find((row) => row.applicationId === id)!.brandName;

  const admin = await signInTestUser(browser, scope.cityAdmin.id);
  await admin.goto(`/admin/campaigns/${campaignId}`);
  await admin.getByRole('link', { name: '网络投票' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '网络投票结果' })).toBeVisible();
  await expect(admin.getByText('还没有投票')).toBeVisible();
  await screenshotBoth(admin, 'vote-results-empty');

  // 6 / 2 / 2 valid votes; 3 more on the first entry struck off. Two 最佳人气 places: the second is shared.
  await insertVotes(campaignId, e0, 9);
  await insertVotes(campaignId, e1, 2);
  await insertVotes(campaignId, e2, 2);
  await db.$executeRaw`UPDATE votes SET invalidated_at = now(), invalid_reason = '同一设备短时间内集中投票' WHERE id IN (SELECT id FROM votes WHERE application_id = ${e0} ORDER BY id LIMIT 3)`;
  await db.$executeRaw`UPDATE votes SET vote_day = (created_at AT TIME ZONE 'Asia/Shanghai')::date WHERE campaign_id = ${campaignId}`;
  await db.award.updateMany({ where: { campaignId, kind: 'POPULARITY' }, data: { count: 2 } });

  await admin.reload();
  const card = (label: string) => admin.locator('dl > div', { has: admin.getByText(label, { exact: true }) });
  await expect(card('有效票').locator('dd').first()).toHaveText('10');
  await expect(card('已作废').locator('dd').first()).toHaveText('3');
  await expect(card('参与投票')).toContainText('公众 10 人');
  await expect(admin.getByText(/网络投票占综合得分的\s*30%/)).toBeVisible();
  await expect(admin.getByRole('link', { name: '查看评审结果与综合排名 →' })).toHaveAttribute('href', `/admin/campaigns/${campaignId}/review/results`);
  await expect(admin.getByRole('link', { name: '异常投票监测' })).toHaveAttribute('href', `/admin/campaigns/${campaignId}/votes/flags`);
  await expect(admin.getByText(/第 2 名的票数（2 票）有 2 个品牌相同/)).toBeVisible();

  const entryRows = admin.locator('section', { has: admin.getByRole('heading', { name: '按品牌' }) }).locator('tbody tr');
  await expect(entryRows).toHaveCount(3);
  await expect(entryRows.nth(0)).toContainText(brand(e0));
  await expect(entryRows.nth(0)).toContainText('60.00%');
  await expect(entryRows.nth(0)).toContainText('30.00');
  await expect(entryRows.nth(1)).toContainText('并列第2名');
  const candidates = admin.locator('section', { has: admin.getByRole('heading', { name: '最佳人气候选' }) });
  await expect(candidates.getByText('并列第2名')).toHaveCount(2);
  await expect(admin.getByText('末位并列')).toHaveCount(0);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await screenshotBoth(admin, 'vote-results');
  await admin.setViewportSize({ width: 390, height: 844 });
  // On a phone the tables scroll inside their cards; the page itself does not.
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.setViewportSize({ width: 1280, height: 900 });

  await admin.getByRole('navigation', { name: '按领域查看' }).getByRole('link', { name: names[0].fieldName }).click();
  await expect(admin).toHaveURL(/\?field=/);
  await expect(entryRows).toHaveCount(3);

  const download = admin.waitForEvent('download');
  await admin.getByRole('link', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe(`${scope.campaign.title}-网络投票结果.xlsx`);
});
