// 宣传推广 in the demo (issue 20, seed 002: 一季度一次观摩、半年一次示范观摩): 东城区委组织部's quarterly 现场观摩会
// schedule with two events held along the 东城 route (EAST_ROUTE sites, in order), a half-yearly 示范观摩 schedule still
// waiting for its event, a 擂台比武 of four brands scored by expert1 and expert2 (ranking visible), and the city's
// 宣传画册 of its honoured and recognised brands. Idempotent: each row is found by its title first.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { eligibleBrandWhere } from '@/lib/promotion/brands';
import { DEFAULT_CONTEST_CRITERIA } from '@/lib/promotion/schema';
import { DEMO_CITY } from './demo-city';
import { EAST_ROUTE } from './demo-sites';

export const DEMO_OBSERVATION_SCHEDULE = '一季度一次现场观摩';
export const DEMO_CONTEST_TITLE = '东城区党支部书记“晒品牌”擂台比武';
export const DEMO_BROCHURE_TITLE = '示范市党建品牌宣传画册';

const shanghai = (local: string) => new Date(`${local}+08:00`);

/** Points per criterion (品牌定位 25, 特色做法 25, 工作成效 30, 现场表现 20) of expert1 and expert2 for each entry. */
const CONTEST_POINTS: [number[], number[]][] = [
  [[23, 22, 27, 18], [22, 23, 28, 17]],
  [[21, 22, 26, 17], [22, 21, 25, 18]],
  [[22, 21, 25, 18], [21, 22, 26, 17]],
  [[18, 19, 22, 15], [19, 18, 23, 16]],
];

export async function seedDemoPromotion(db: PrismaClient): Promise<void> {
  const city = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true, path: true } });
  const district = await db.organization.findUniqueOrThrow({ where: { code: 'SF-DC' }, select: { id: true, path: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'dc-admin' }, select: { id: true } });
  const cityAdmin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });

  // The quarterly 现场观摩会 and its two events along the route (the first four sites, then the last four).
  const schedule =
    (await db.promotionSchedule.findFirst({ where: { ownerOrgId: district.id, title: DEMO_OBSERVATION_SCHEDULE }, select: { id: true } })) ??
    (await db.promotionSchedule.create({
      data: { ownerOrgId: district.id, kind: 'OBSERVATION', title: DEMO_OBSERVATION_SCHEDULE, recurrence: 'QUARTERLY', startsOn: new Date('2026-07-01T00:00:00Z'), createdById: admin.id },
      select: { id: true },
    }));
  if (!(await db.promotionSchedule.findFirst({ where: { ownerOrgId: district.id, kind: 'OBSERVATION', recurrence: 'HALF_YEARLY' } }))) {
    await db.promotionSchedule.create({
      data: { ownerOrgId: district.id, kind: 'OBSERVATION', title: '半年一次示范观摩', recurrence: 'HALF_YEARLY', startsOn: new Date('2027-01-01T00:00:00Z'), createdById: admin.id },
    });
  }
  const sites = await db.demoSite.findMany({ where: { name: { in: EAST_ROUTE.map((site) => site.name) }, status: 'ACTIVE' }, select: { id: true, name: true } });
  const routeOrder = EAST_ROUTE.flatMap((seed) => sites.filter((site) => site.name === seed.name).slice(0, 1));
  const events = [
    { title: '第三季度东城红色示范带现场观摩会', heldAt: '2026-09-18T09:00:00', place: '幸福里社区党群服务中心（集合）', visit: routeOrder.slice(0, 4), summary: '观摩东华街道四个示范点，各点书记现场讲解阵地建设和品牌做法，与会人员交流“红色议事厅”“楼宇红色驿站”经验。' },
    { title: '第四季度东城红色示范带现场观摩会', heldAt: '2026-11-20T14:30:00', place: '快递小哥暖心驿站（集合）', visit: routeOrder.slice(4, 8), summary: '沿城关镇党建长廊观摩新就业群体党建和乡村振兴示范点，现场点评问题清单整改进度。' },
  ];
  for (const event of events) {
    if (await db.promotionEvent.findFirst({ where: { ownerOrgId: district.id, title: event.title } })) continue;
    await db.promotionEvent.create({
      data: {
        ownerOrgId: district.id,
        scheduleId: schedule.id,
        kind: 'OBSERVATION',
        title: event.title,
        heldAt: shanghai(event.heldAt),
        place: event.place,
        participants: '区委组织部、各街道（镇）党（工）委分管领导，示范点所在支部书记，共 36 人',
        summary: event.summary,
        createdById: admin.id,
        sites: { create: event.visit.map((site, index) => ({ siteId: site.id, sortOrder: index + 1 })) },
      },
    });
  }

  // 擂台比武: four brands of the district (or of the city, if the district has fewer), scored by expert1 and expert2.
  if (!(await db.promotionEvent.findFirst({ where: { title: DEMO_CONTEST_TITLE } }))) {
    const pick = async (path: string) =>
      db.brand.findMany({ where: { organization: { path: { startsWith: path }, isActive: true } }, orderBy: [{ organization: { path: 'asc' } }, { createdAt: 'asc' }], select: { id: true, organizationId: true, name: true } });
    let owner = district;
    let brands = (await pick(district.path)).filter((brand, index, list) => list.findIndex((other) => other.organizationId === brand.organizationId) === index);
    if (brands.length < 4) {
      owner = city;
      brands = (await pick(city.path)).filter((brand, index, list) => list.findIndex((other) => other.organizationId === brand.organizationId) === index);
    }
    const experts = await db.user.findMany({ where: { loginName: { in: ['expert1', 'expert2'] } }, orderBy: { loginName: 'asc' }, select: { id: true } });
    const contest = await db.promotionEvent.create({
      data: {
        ownerOrgId: owner.id,
        kind: 'CONTEST',
        title: DEMO_CONTEST_TITLE,
        heldAt: shanghai('2026-10-28T14:00:00'),
        place: '东城区党群服务中心报告厅',
        participants: '参赛支部书记 4 人，评委 2 人，观摩党员 80 人',
        summary: '各支部书记围绕品牌定位、特色做法、工作成效现场“晒品牌”，评委现场打分。',
        criteria: DEFAULT_CONTEST_CRITERIA.map((criterion) => ({ ...criterion })),
        createdById: owner.id === city.id ? cityAdmin.id : admin.id,
        judges: { create: experts.map((expert) => ({ judgeId: expert.id })) },
      },
      select: { id: true },
    });
    const submittedAt = shanghai('2026-10-28T16:30:00');
    for (const [index, brand] of brands.slice(0, 4).entries()) {
      const entry = await db.contestEntry.create({
        data: { eventId: contest.id, organizationId: brand.organizationId, brandId: brand.id, presenter: `参赛书记${'甲乙丙丁'[index]}`, topic: `我的品牌：${brand.name}`, sortOrder: index + 1 },
        select: { id: true },
      });
      for (const [judgeIndex, expert] of experts.entries()) {
        const scores = CONTEST_POINTS[index]![judgeIndex]!;
        await db.contestScore.create({ data: { entryId: entry.id, judgeId: expert.id, scores, total: scores.reduce((sum, score) => sum + score, 0), submittedAt } });
      }
    }
  }

  // 宣传画册 of the city's honoured and recognised brands.
  if (!(await db.brochure.findFirst({ where: { ownerOrgId: city.id, title: DEMO_BROCHURE_TITLE } }))) {
    const brands = await db.brand.findMany({ where: eligibleBrandWhere(city.path), orderBy: [{ organization: { path: 'asc' } }, { name: 'asc' }], take: 12, select: { id: true } });
    if (brands.length) {
      await db.brochure.create({ data: { ownerOrgId: city.id, title: DEMO_BROCHURE_TITLE, subtitle: '党建品牌选树成果（2025—2026年）', brandIds: brands.map((brand) => brand.id), createdById: cityAdmin.id } });
    }
  }
}
