import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { createAwardedScope, openPublicity } from '../support/publicity';
import { samplePng } from '../support/upload-samples';
import { signInTestUser } from './support/session';
import { screenshotBoth } from './support/screenshots';

const PHONE_VIEWPORT = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const FACTS = '该品牌申报材料中所称“服务群众三千余人次”与社区台账记录明显不符，附现场照片，请核实。';
const ANSWER = '经调阅社区台账并走访核实，服务群众人次与申报材料一致，异议反映的情况不属实。';

test('a member of the public files an objection (390 px) and follows it; staff answer it (desktop 1280 px)', async ({ browser }) => {
  test.setTimeout(150_000);
  const scope = await createAwardedScope({ entries: 2 });
  const campaignId = scope.campaign.id;
  await openPublicity(campaignId, scope.cityAdmin.id);
  const entry = await db.application.findUniqueOrThrow({ where: { id: scope.entries[1].id }, select: { id: true, brandName: true } });
  const phoneNumber = `136${String(Date.now() % 1e8).padStart(8, '0')}`;

  // On a phone: from the 公示 list to the form, with the entry chosen.
  const visitor = await browser.newContext(PHONE_VIEWPORT);
  const page = await visitor.newPage();
  await page.goto(`/campaigns/${campaignId}/publicity`);
  const captcha = page.waitForResponse((response) => response.url().endsWith('/api/captcha'));
  await page.getByRole('link', { name: `对“${entry.brandName}”提出异议` }).click();
  await expect(page.getByRole('heading', { level: 1, name: '提出异议' })).toBeVisible();
  await expect(page.getByLabel('异议对象')).toHaveValue(entry.id);
  const { id: captchaId } = (await (await captcha).json()) as { id: string };
  await expect(page.getByRole('img', { name: '图形验证码' })).toBeVisible();
  const { answer: captchaAnswer } = await db.captchaChallenge.findUniqueOrThrow({ where: { id: captchaId } });

  // Submitting too early explains what is missing.
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByText('请填写真实姓名（2 至 20 个字）')).toBeVisible();

  await page.getByLabel('真实姓名').fill('王小明');
  await page.getByLabel('手机号码').fill(phoneNumber);
  await page.getByRole('textbox', { name: '图形验证码' }).fill(captchaAnswer);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(`验证码已发送至 ${phoneNumber.slice(0, 3)}****${phoneNumber.slice(7)}`)).toBeVisible();
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone: phoneNumber }, orderBy: { id: 'desc' } });
  expect(message.body).toContain('提出异议');
  await page.getByLabel('短信验证码').fill(/验证码 (\d{6})/.exec(message.body!)![1]);
  await page.getByLabel('其他联系方式').fill('wang@example.com');
  await page.getByLabel('异议事实和理由').fill(FACTS);
  await page.locator('#attachments').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: await samplePng() });
  await expect(page.getByText('现场照片.png')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(page, 'objection-form');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);

  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByRole('heading', { name: '异议已提交' })).toBeVisible();
  const trackingCode = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
  await expect(page.getByRole('button', { name: '复制查询码' })).toBeVisible();
  await screenshotBoth(page, 'objection-filed');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);
  const stored = await db.objection.findUniqueOrThrow({ where: { trackingCode }, include: { files: true } });
  expect(stored).toMatchObject({ applicationId: entry.id, name: '王小明', phone: phoneNumber, contact: 'wang@example.com', status: 'RECEIVED' });
  expect(stored.files).toHaveLength(1);

  await page.getByRole('link', { name: '查看办理进度' }).click();
  await expect(page).toHaveURL(`/objections/${trackingCode}`);
  await expect(page.getByRole('heading', { level: 1, name: '异议办理进度' })).toBeVisible();
  await expect(page.getByText('待受理')).toBeVisible();
  await expect(page.getByText(`${entry.brandName}（`)).toBeVisible();
  await screenshotBoth(page, 'objection-tracking-open');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);

  // The evidence is not public.
  const fileResponse = await page.request.get(`/api/files/${stored.files[0].fileId}`);
  expect(fileResponse.status()).toBeGreaterThanOrEqual(400);

  // Looking a code up by hand: an unknown code is answered kindly; a code typed in lower case finds the case.
  await page.goto('/objections/ZZZZZZZZZZZZ');
  await expect(page.getByText('没有找到这个查询码对应的异议')).toBeVisible();
  await page.goto('/objections');
  await page.getByLabel('查询码').fill(trackingCode.toLowerCase());
  await screenshotBoth(page, 'objection-lookup');
  await page.setViewportSize(PHONE_VIEWPORT.viewport);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(`/objections/${trackingCode}`);

  // Staff at a desk: the list shows the entry on hold; they accept and answer.
  const staff = await signInTestUser(browser, scope.cityAdmin.id);
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.goto(`/admin/campaigns/${campaignId}/objections`);
  await expect(staff.getByRole('heading', { level: 1, name: '异议处理' })).toBeVisible();
  await expect(staff.getByTestId('entries-on-hold')).toContainText(entry.brandName);
  await expect(staff.getByRole('link', { name: '未办结 1' })).toBeVisible();
  await screenshotBoth(staff, 'objections-admin-list');
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.getByRole('link', { name: `办理 王小明 对 ${entry.brandName} 的异议` }).click();
  await expect(staff.getByRole('heading', { level: 1, name: `异议：${entry.brandName}` })).toBeVisible();
  await expect(staff.getByText(FACTS)).toBeVisible();
  const evidence = staff.getByRole('link', { name: '图片：现场照片.png' });
  expect((await staff.request.get((await evidence.getAttribute('href'))!)).status()).toBe(200);

  await staff.getByRole('button', { name: '受理', exact: true }).click();
  await expect(staff.getByRole('heading', { name: '答复', exact: true })).toBeVisible();
  await staff.getByLabel('记录内容').fill('已电话联系异议人，约定补充材料。');
  await staff.getByRole('button', { name: '保存记录' }).click();
  await expect(staff.getByText('已电话联系异议人，约定补充材料。')).toBeVisible();
  await staff.getByLabel('异议不成立').check();
  await staff.getByLabel('答复意见').fill(ANSWER);
  await screenshotBoth(staff, 'objection-admin-case');
  await staff.setViewportSize({ width: 1280, height: 900 });
  await staff.getByRole('button', { name: '答复', exact: true }).click();
  const confirm = staff.getByRole('dialog', { name: '确认答复' });
  await expect(confirm.getByText('结论：异议不成立')).toBeVisible();
  await confirm.getByRole('button', { name: '确认答复' }).click();
  await expect(staff.getByText(/该异议已办结/)).toBeVisible();
  await expect(staff.getByRole('button', { name: '保存记录' })).toHaveCount(0);
  await screenshotBoth(staff, 'objection-admin-closed');
  await staff.context().close();

  // The objector's page now shows the answer, not the working note.
  await page.reload();
  await expect(page.getByText('已答复')).toBeVisible();
  await expect(page.getByTestId('objection-answer')).toHaveText(ANSWER);
  await expect(page.getByText('约定补充材料')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshotBoth(page, 'objection-tracking-answered');
  await visitor.close();
});
