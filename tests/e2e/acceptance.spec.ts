import { expect, test } from './support/test';
import { signInAs } from './support/session';
import { screenshotBoth } from './support/screenshots';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// The demo's 验收认定 (prisma/seed/demo-acceptance.ts): 发改先锋 (市发展改革委机关党支部, sec-fgw) waits for its group,
// 仁心护佑 (sec-yy) failed with findings, 财政红管家 is already 认定.
test('the 组织部 accepts a waiting brand: group (回避 shown), expert scores on a phone, 通过 → 品牌风采 shows it as 认定', async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, 'admin', /\/admin$/);
  await admin.goto('/admin/acceptance');
  await expect(admin.getByRole('heading', { level: 1, name: '验收认定' })).toBeVisible();
  const waiting = admin.getByRole('listitem').filter({ hasText: '“发改先锋”' });
  await expect(waiting).toContainText('已等候');
  await expect(waiting).toContainText('待验收');
  await screenshotBoth(admin, 'acceptance-queue');
  await waiting.getByRole('link', { name: '“发改先锋”' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '验收申请：“发改先锋”' })).toBeVisible();
  await expect(admin.getByText('台帐情况（申请时自动附上）')).toBeVisible();
  // The expert of the 市直机关工委 sits above the requesting branch: shown, not selectable.
  await expect(admin.getByRole('checkbox', { name: /林慧/ })).toBeDisabled();
  await expect(admin.getByText(/须回避：专家所在单位是申报单位的上级党组织/)).toBeVisible();
  await admin.getByRole('checkbox', { name: /孙立德/ }).check();
  await admin.getByRole('button', { name: '组成验收组（1 人）' }).click();
  await expect(admin.getByRole('heading', { name: '验收组评分' })).toBeVisible();
  await expect(admin.getByText('未提交')).toBeVisible();
  await screenshotBoth(admin, 'acceptance-request-admin');
  const requestUrl = admin.url();

  // The expert scores on a phone.
  const expertContext = await browser.newContext(PHONE);
  const expert = await expertContext.newPage();
  await signInAs(expert, 'expert1', /\/review$/);
  await expert.goto('/acceptance');
  await expert.getByRole('link', { name: /发改先锋/ }).click();
  for (const name of ['精准（选题）', '鲜明（名称）', '创新（机制载体）', '深刻（内涵）', '实效（成果）']) await expert.getByLabel(`${name}得分`).fill('18');
  await expect(expert.getByText('90 分')).toBeVisible();
  await expert.getByRole('textbox', { name: '验收意见' }).fill('台帐齐全，成效明显，同意认定。');
  await expert.getByRole('button', { name: '提交评分' }).click();
  await expect(expert.getByText('验收评分已提交，等待组织部作出验收结论。')).toBeVisible();

  await admin.goto(requestUrl);
  await expect(admin.getByText(/90 分 ·/)).toBeVisible();
  await admin.getByRole('textbox', { name: '验收意见' }).fill('品牌定位精准，成效明显，同意认定。');
  await admin.getByRole('button', { name: '确认通过并认定' }).click();
  await expect(admin.getByRole('heading', { name: '验收结论：通过，予以认定' })).toBeVisible();
  const recognitionNo = (await admin.getByText(/^DJRD-\d{4}-\d{6}$/).first().textContent())!;

  // 品牌风采 (public, phone): the brand with its 认定 label, linking to the verification page.
  const visitorContext = await browser.newContext(PHONE);
  const visitor = await visitorContext.newPage();
  await visitor.goto('/gallery');
  const card = visitor.getByRole('listitem').filter({ hasText: '发改先锋' });
  await expect(card).toContainText('认定');
  await screenshotBoth(visitor, 'acceptance-gallery');
  await visitor.goto(`/certificates/${recognitionNo}`);
  await expect(visitor.getByRole('heading', { level: 2, name: '有效' })).toBeVisible();
  await expect(visitor.getByText('“发改先锋”')).toBeVisible();

  // The 验收意见书 prints as A4.
  await admin.goto(`${requestUrl}/opinion`);
  await expect(admin.getByRole('heading', { level: 1, name: '党建品牌验收意见书' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /验收结论/ })).toContainText('通过，予以认定');
  await screenshotBoth(admin, 'acceptance-opinion');
  const pdf = await admin.request.get(`/api/acceptance/${requestUrl.split('/').at(-1)}/opinion`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the failed brand’s secretary sees its findings on a 390 px phone and may request again', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signInAs(page, 'sec-yy', /\/declare$/);
  await page.getByRole('link', { name: '验收认定' }).first().click();
  await expect(page).toHaveURL(/\/acceptance$/);
  const brand = page.getByRole('article').filter({ hasText: '“仁心护佑”' });
  await expect(brand).toContainText('验收不通过');
  await expect(brand).toContainText('台帐有 3 个月未按时上报');
  await expect(brand.getByRole('link', { name: '再次申请验收' })).toBeVisible();
  await screenshotBoth(page, 'acceptance-branch-failed');
  await page.setViewportSize({ width: 390, height: 844 });
  await brand.getByRole('link', { name: '查看申请与验收情况' }).click();
  await expect(page.getByRole('heading', { name: '验收结论：不通过' })).toBeVisible();
  await expect(page.getByText('请按验收意见继续创建，完善后可再次申请验收。')).toBeVisible();
  await screenshotBoth(page, 'acceptance-branch-request');
});
