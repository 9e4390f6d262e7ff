import { expect, test } from './support/test';
import { db } from '@/lib/db';
import { screenshotBoth } from './support/screenshots';
import { signInAs } from './support/session';

// 示范带 end to end: the 区委's staff build a belt from the demo program's 东城 sites on a phone (eight sites in route
// order, one moved, the 立项 factors autosaved), are told how many sites are missing, submit it for 立项; the city's
// 组织部 approves it.

const EAST = ['幸福里社区党群服务中心', '光明社区红色文化广场', '新风社区邻里中心', '商务楼宇党群服务站', '快递小哥暖心驿站', '桃源村党建长廊', '柳湾村红色议事坊', '新民村党群活动中心'];

test('committee staff build a belt of eight sites in route order and submit it for 立项; the program owner approves', async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const name = `东城党建示范带${tag}`;
  const sites = await db.demoSite.findMany({ where: { name: { in: EAST }, status: 'ACTIVE' }, select: { id: true, name: true } });
  const idOf = (siteName: string) => sites.find((site) => site.name === siteName)!.id;

  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'dc-admin', /\/committee$/);
  await page.getByRole('link', { name: '示范建设' }).first().click();
  await page.getByRole('navigation', { name: '示范建设' }).getByRole('link', { name: '示范带' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '示范带' })).toBeVisible();
  // The demo's two belts: 东城 approved, 西城 short of sites (西城 is outside 东城区委's subtree, so only 东城 shows).
  await expect(page.getByRole('link', { name: '东城红色示范带' })).toBeVisible();
  const create = page.getByRole('form', { name: '新建示范带' });
  await create.getByLabel('建设单位').selectOption({ label: '中共示范市东城区委员会' });
  await create.getByLabel('示范带名称').fill(name);
  await create.getByRole('button', { name: '新建示范带' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Eight sites in order (the second added first, then moved down behind the first).
  const picker = page.getByLabel('加入示范点（排在线路末尾）');
  const order = [EAST[1]!, EAST[0]!, ...EAST.slice(2)];
  for (const [index, siteName] of order.entries()) {
    await picker.selectOption(idOf(siteName));
    await page.getByRole('button', { name: '加入线路' }).click();
    await expect(page.getByRole('list', { name: '线路顺序', exact: true }).getByRole('listitem')).toHaveCount(index + 1);
    if (index === 6) await expect(page.getByText('还差 1 个示范点').first()).toBeVisible();
  }
  await page.getByRole('button', { name: `下移 ${EAST[1]}` }).click();
  await expect(page.getByRole('list', { name: '线路顺序', exact: true }).getByRole('listitem').first()).toContainText(EAST[0]!);
  const belt = await db.demoBelt.findFirstOrThrow({ where: { name }, select: { id: true } });
  const route = await db.beltSite.findMany({ where: { beltId: belt.id }, orderBy: { routeOrder: 'asc' }, select: { routeOrder: true, site: { select: { name: true } } } });
  expect(route.map((stop) => `${stop.routeOrder}:${stop.site.name}`)).toEqual(EAST.map((siteName, index) => `${index + 1}:${siteName}`));

  // Without the 立项 factors the submission is refused with the missing ones named.
  await page.getByRole('button', { name: '提交立项' }).click();
  await expect(page.getByText(/请先填写立项要素：党建基础/).first()).toBeVisible();

  await page.getByRole('link', { name: '立项内容与三年计划' }).click();
  const form = page.getByRole('form', { name: '示范带立项与三年计划' });
  for (const factor of ['党建基础', '品牌定位', '特色亮点', '发展前景', '区域位置', '线路整合', '资源配置', '资金投入']) await form.getByRole('textbox', { name: factor, exact: true }).fill(`${factor}：端到端测试说明`);
  await form.getByLabel('2026年 年度节点').fill('8 个示范点全部达标，建成线路标识。');
  const focused = form.getByLabel('2026年 年度节点');
  await expect(form.getByText(/已保存 \d{2}:\d{2}/)).toBeVisible();
  // Autosave leaves focus where it was.
  await expect(focused).toBeFocused();
  await expect
    .poll(async () => Object.values((await db.demoBelt.findUniqueOrThrow({ where: { id: belt.id }, select: { factors: true } })).factors as Record<string, string>).filter((text) => text.trim()).length)
    .toBe(8);
  await screenshotBoth(page, 'belt-edit');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: '返回示范带' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: '提交立项' }).click();
  await expect(page.getByText(/已于 .* 提交立项，等待组织部审批/)).toBeVisible();
  await expect(page.getByRole('list', { name: '示范带线路（按线路顺序）' }).first()).toBeVisible();
  await screenshotBoth(page, 'belt-submitted');
  await page.context().clearCookies();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'admin', /\/admin$/);
  await page.goto('/inbox');
  await page.getByRole('link', { name: new RegExp(`提交了“${name}”的立项`) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: '批准立项' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await expect(page.getByText(/批准立项。/)).toBeVisible();
  expect((await db.demoBelt.findUniqueOrThrow({ where: { id: belt.id } })).status).toBe('APPROVED');
  await screenshotBoth(page, 'belt-approved');

  // The demo's 东城红色示范带: its route, an overdue 问题清单 item and one closed with evidence.
  const demo = await db.demoBelt.findFirstOrThrow({ where: { name: '东城红色示范带' }, select: { id: true } });
  await page.goto(`/admin/demo/belts/${demo.id}`);
  await expect(page.getByText('线路导览标识不统一')).toBeVisible();
  await expect(page.getByText('已逾期').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '整改后现场照片.jpg' })).toBeVisible();
  await screenshotBoth(page, 'belt-demo');
});
