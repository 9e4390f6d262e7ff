// 示范建设 in the demo (issue 20, seed 003): the city's three-year program and its 示范点 — eight along 东城区's route
// (东华街道 and 城关镇), five 两新组织 sites in 西城区 (short of a belt's eight), a 红旗村 site, and one revoked (摘牌)
// site at 石桥村. Belts, checklists, assessments, comments, pairings and events build on these rows.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { BELT_FACTORS, DEFAULT_BELT_CHECKLISTS, DEFAULT_MIN_SITES_PER_BELT, DEFAULT_SCORE_SHEET, DEFAULT_SITE_CHECKLISTS } from '@/lib/demo/templates';
import { DEMO_CITY } from './demo-city';

export const DEMO_PROGRAM_TITLE = '示范市党建示范点示范带建设（2026—2028年）';

type TSiteSeed = { orgCode: string; name: string; level: 'CITY' | 'COUNTY'; address: string; lat: number; lng: number; description: string; revoked?: string };

/** 东城红色示范带: eight sites in route order. */
export const EAST_ROUTE: readonly TSiteSeed[] = [
  { orgCode: 'SF-DC-DH-01', name: '幸福里社区党群服务中心', level: 'CITY', address: '东城区东华街道幸福里 18 号', lat: 31.2301, lng: 121.4702, description: '区域性党群活动服务中心，设党员志愿服务站和“红色议事厅”。' },
  { orgCode: 'SF-DC-DH-02', name: '光明社区红色文化广场', level: 'COUNTY', address: '东城区东华街道光明路 6 号', lat: 31.2312, lng: 121.4741, description: '红色文化广场与党建长廊，常态开展主题党日和广场宣讲。' },
  { orgCode: 'SF-DC-DH-03', name: '新风社区邻里中心', level: 'COUNTY', address: '东城区东华街道新风巷 2 号', lat: 31.2329, lng: 121.4783, description: '“邻里红管家”服务点，党员楼栋长包片联户。' },
  { orgCode: 'SF-DC-DH-04', name: '商务楼宇党群服务站', level: 'CITY', address: '东城区东华街道金融大厦 3 层', lat: 31.2345, lng: 121.4820, description: '楼宇党建“红色驿站”，为企业员工提供政策和法律服务。' },
  { orgCode: 'SF-DC-DH-05', name: '快递小哥暖心驿站', level: 'COUNTY', address: '东城区东华街道站前路 21 号', lat: 31.2361, lng: 121.4856, description: '新就业群体党建阵地：休息、充电、热饭，党员骑手志愿巡查。' },
  { orgCode: 'SF-DC-CG-01', name: '桃源村党建长廊', level: 'COUNTY', address: '东城区城关镇桃源村村委会旁', lat: 31.2402, lng: 121.4911, description: '沿河党建长廊与村史馆，展示乡村振兴中的党员先锋岗。' },
  { orgCode: 'SF-DC-CG-02', name: '柳湾村红色议事坊', level: 'COUNTY', address: '东城区城关镇柳湾村文化礼堂', lat: 31.2437, lng: 121.4958, description: '村民说事、党员办事的议事坊，每月 10 日固定开放。' },
  { orgCode: 'SF-DC-CG-03', name: '新民村党群活动中心', level: 'CITY', address: '东城区城关镇新民村中心路 1 号', lat: 31.2470, lng: 121.5003, description: '“支部 + 合作社 + 农户”产业党建示范点。' },
];

/** 西城两新组织党建示范带 (still short of its eight sites). */
export const WEST_ROUTE: readonly TSiteSeed[] = [
  { orgCode: 'SF-XC-XS-03', name: '社会组织党群服务中心', level: 'CITY', address: '西城区西山街道和平路 88 号', lat: 31.2101, lng: 121.4102, description: '社会组织孵化与党建指导一站式服务。' },
  { orgCode: 'SF-XC-FQ-01', name: '星河科技“红芯”创新工坊', level: 'COUNTY', address: '西城区科技园星河大厦 5 层', lat: 31.2123, lng: 121.4150, description: '党员技术攻关团队与“红芯”创新工坊。' },
  { orgCode: 'SF-XC-FQ-02', name: '律师行业公益法律服务站', level: 'COUNTY', address: '西城区西山街道司法所一楼', lat: 31.2140, lng: 121.4188, description: '党员律师轮值，为群众和小微企业提供免费法律咨询。' },
  { orgCode: 'SF-XC-FQ-03', name: '绿源合作社党员示范田', level: 'COUNTY', address: '西城区五里营镇绿源合作社', lat: 31.2177, lng: 121.4233, description: '党员示范田与农技课堂，带动周边农户增收。' },
  { orgCode: 'SF-XC-XS-01', name: '翠竹社区“翠竹邻里家”', level: 'CITY', address: '西城区西山街道翠竹路 9 号', lat: 31.2196, lng: 121.4270, description: '2025 年十大党建品牌“翠竹邻里家”的阵地。' },
];

const OTHER_SITES: readonly TSiteSeed[] = [
  { orgCode: 'SF-XC-WY-02', name: '红旗村党群服务中心', level: 'COUNTY', address: '西城区五里营镇红旗村', lat: 31.2231, lng: 121.4312, description: '“红旗领航”品牌阵地，村级事务一站式办理。' },
  {
    orgCode: 'SF-XC-WY-01',
    name: '石桥村党员活动室',
    level: 'COUNTY',
    address: '西城区五里营镇石桥村',
    lat: 31.2250,
    lng: 121.4350,
    description: '原县级示范点。',
    revoked: '复查发现活动室长期闲置、制度上墙流于形式，经区委组织部研究，撤销其县级示范点称号。',
  },
];

/** Idempotent: the program once, each site once (by organization and name). Returns the program id. */
export async function seedDemoSites(db: PrismaClient): Promise<string> {
  const owner = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const program =
    (await db.demoProgram.findFirst({ where: { ownerOrgId: owner.id, title: DEMO_PROGRAM_TITLE }, select: { id: true } })) ??
    (await db.demoProgram.create({
      data: {
        ownerOrgId: owner.id,
        title: DEMO_PROGRAM_TITLE,
        startYear: 2026,
        years: 3,
        minSitesPerBelt: DEFAULT_MIN_SITES_PER_BELT,
        siteChecklists: DEFAULT_SITE_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
        beltChecklists: DEFAULT_BELT_CHECKLISTS.map((list) => ({ ...list, items: [...list.items] })),
        scoreSheet: DEFAULT_SCORE_SHEET.map((criterion) => ({ ...criterion })),
        beltFactors: [...BELT_FACTORS],
        createdById: admin.id,
      },
      select: { id: true },
    }));
  for (const site of [...EAST_ROUTE, ...WEST_ROUTE, ...OTHER_SITES]) {
    const org = await db.organization.findUniqueOrThrow({ where: { code: site.orgCode }, select: { id: true, brands: { select: { id: true }, orderBy: { createdAt: 'asc' }, take: 1 } } });
    if (await db.demoSite.findFirst({ where: { organizationId: org.id, name: site.name }, select: { id: true } })) continue;
    await db.demoSite.create({
      data: {
        programId: program.id,
        organizationId: org.id,
        brandId: org.brands[0]?.id ?? null,
        name: site.name,
        level: site.level,
        address: site.address,
        latitude: site.lat,
        longitude: site.lng,
        description: site.description,
        createdById: admin.id,
        ...(site.revoked && { status: 'REVOKED' as const, revokedAt: new Date('2026-09-15T10:00:00+08:00'), revokeReason: site.revoked, revokedById: admin.id }),
      },
    });
  }
  return program.id;
}
