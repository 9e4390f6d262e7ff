import { db } from '@/lib/db';
import { DEMO_BROCHURE_TITLE, DEMO_CONTEST_TITLE } from '../../prisma/seed/demo-promotion';
import { extractPdfText } from '../support/pdf-text';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';
import { expect, test } from './support/test';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// 宣传推广 (issue 20 point 5): the 东华 committee records a 现场观摩会 along its 示范点; a judge scores a 擂台比武 entry
// on a phone and the ranking shows it; the demo's 宣传画册 downloads as a PDF whose text layer holds the brands.
test('staff record an event visiting 示范点 in order; a judge scores a 擂台比武 on a phone; the ranking shows it', async ({ browser }) => {
  test.setTimeout(120_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, 'dh-admin', /\/committee$/);
  await staff.getByRole('link', { name: '宣传推广' }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: '宣传推广' })).toBeVisible();
  await staff.getByRole('link', { name: '登记活动' }).click();
  const title = `东华街道示范点现场观摩会-${Date.now().toString(36)}`;
  await staff.getByLabel('活动名称').fill(title);
  await staff.getByLabel('活动时间').fill('2026-11-28T09:30');
  await staff.getByLabel('活动地点').fill('光明社区红色文化广场');
  await staff.getByRole('checkbox', { name: /光明社区红色文化广场/ }).check();
  await staff.getByRole('checkbox', { name: /幸福里社区党群服务中心/ }).check();
  // Visit 幸福里 first: move it up.
  await staff.getByRole('button', { name: '上移 幸福里社区党群服务中心' }).click();
  await staff.getByLabel('参加人员').fill('各社区党组织书记 12 人');
  await staff.getByLabel('活动情况').fill('观摩两个示范点的阵地建设和品牌做法。');
  await screenshotBoth(staff, 'promotion-event-form');
  await staff.getByRole('button', { name: '保存活动' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const visited = staff.getByRole('listitem').filter({ hasText: /社区/ });
  await expect(visited.nth(0)).toContainText('幸福里社区党群服务中心');
  await expect(visited.nth(1)).toContainText('光明社区红色文化广场');
  await expect(staff.getByText('2026年11月28日 09:30')).toBeVisible();
  await screenshotBoth(staff, 'promotion-event');

  // A 擂台比武 of the committee with expert1 on its panel (set up directly: its form is covered by the integration test).
  const [committee, branches, expert] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { code: 'SF-DC-DH' } }),
    db.organization.findMany({ where: { code: { in: ['SF-DC-DH-01', 'SF-DC-DH-02'] } }, orderBy: { code: 'asc' } }),
    db.user.findUniqueOrThrow({ where: { loginName: 'expert1' } }),
  ]);
  const contestTitle = `东华街道书记擂台比武-${Date.now().toString(36)}`;
  const contest = await db.promotionEvent.create({
    data: {
      ownerOrgId: committee.id,
      kind: 'CONTEST',
      title: contestTitle,
      heldAt: new Date(),
      criteria: [{ name: '品牌定位', maxPoints: 25 }, { name: '特色做法', maxPoints: 25 }, { name: '工作成效', maxPoints: 30 }, { name: '现场表现', maxPoints: 20 }],
      judges: { create: [{ judgeId: expert.id }] },
      entries: { create: branches.map((branch, index) => ({ organizationId: branch.id, presenter: `书记${index + 1}`, topic: '晒品牌', sortOrder: index + 1 })) },
    },
    select: { id: true },
  });

  const judgeContext = await browser.newContext(PHONE);
  const judge = await judgeContext.newPage();
  await signInAs(judge, 'expert1', /\/review$/);
  await judge.goto('/promotion/contests');
  const card = judge.locator('section').filter({ hasText: contestTitle });
  await card.getByRole('link', { name: new RegExp(branches[0]!.name) }).click();
  for (const [name, points] of [['品牌定位', '22'], ['特色做法', '21'], ['工作成效', '27'], ['现场表现', '18']]) await judge.getByLabel(`${name}得分`).fill(points!);
  await expect(judge.getByText('88 分')).toBeVisible();
  await judge.getByRole('textbox', { name: '评语' }).fill('定位清晰，成效突出。');
  judge.once('dialog', (dialog) => void dialog.accept());
  await judge.getByRole('button', { name: '提交评分' }).click();
  await expect(judge.getByText(/评分已于 .* 提交，合计 88 分/)).toBeVisible();
  await screenshotBoth(judge, 'promotion-contest-sheet');

  await staff.goto(`/promotion/${contest.id}`);
  const first = staff.getByRole('row').filter({ hasText: branches[0]!.name });
  await expect(first).toContainText('第1名');
  await expect(first).toContainText('88.00');
  await screenshotBoth(staff, 'promotion-contest-ranking');
  await judgeContext.close();
  await staffContext.close();
});

test('the demo 擂台比武 shows its ranking and the 宣传画册 PDF opens with Chinese brand pages', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'admin', /\/admin$/);
  const contest = await db.promotionEvent.findFirstOrThrow({ where: { title: DEMO_CONTEST_TITLE }, select: { id: true } });
  await page.goto(`/promotion/${contest.id}`);
  await expect(page.getByRole('heading', { name: '擂台比武排名' })).toBeVisible();
  await expect(page.getByText('并列第2名').first()).toBeVisible();

  await page.goto('/promotion/brochures');
  const row = page.getByRole('listitem').filter({ hasText: DEMO_BROCHURE_TITLE });
  await expect(row).toBeVisible();
  await screenshotBoth(page, 'promotion-brochures');
  const brochure = await db.brochure.findFirstOrThrow({ where: { title: DEMO_BROCHURE_TITLE }, select: { id: true, brandIds: true } });
  const href = await row.getByRole('link', { name: '下载 PDF' }).getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const text = extractPdfText(body);
  expect(text).toContain(DEMO_BROCHURE_TITLE);
  const brands = await db.brand.findMany({ where: { id: { in: brochure.brandIds } }, select: { name: true } });
  expect(brands.length).toBeGreaterThan(0);
  for (const brand of brands) expect(text).toContain(brand.name);
  await context.close();
});
