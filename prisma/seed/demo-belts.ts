// 示范带 in the demo (issue 20, seed 003): 东城红色示范带 (东城区委, the eight EAST_ROUTE sites, 立项 approved, 2026's
// milestones done) and 西城两新组织党建示范带 (西城区委, the five WEST_ROUTE sites: a draft still three sites short), with
// 问题清单 / 提升清单 items — one overdue, one closed with a photo as evidence.
import sharp from 'sharp';
import type { TTx } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { factorsFor, planForYears, shanghaiDayOf } from '@/lib/belt/schema';
import { storeUpload } from '@/lib/files/service';
import { DEMO_PROGRAM_TITLE, EAST_ROUTE, WEST_ROUTE } from './demo-sites';

export const EAST_BELT_NAME = '东城红色示范带';
export const WEST_BELT_NAME = '西城两新组织党建示范带';

const EAST_FACTORS: Record<string, string> = {
  党建基础: '沿线 8 个党组织均为“五星”党组织，2025 年有 3 个品牌获市级表彰。',
  品牌定位: '“红色东城·幸福同行”：城市社区、商务楼宇、新就业群体与乡村振兴一线贯通。',
  特色亮点: '党群服务中心 + 红色文化广场 + 党建长廊，骑手驿站与村级议事坊各具特色。',
  发展前景: '三年内辐射带动东华街道、城关镇全部村社，打造全市城乡党建融合样板。',
  区域位置: '自东华街道幸福里社区向东至城关镇新民村，全长约 6 公里，沿站前路、滨河路展开。',
  线路整合: '按“学—看—议—行”设计参观线路，每站 20 分钟，半天可走完全程。',
  资源配置: '区委组织部统筹，街道、镇党(工)委分段负责，共享党员志愿者和讲解员队伍。',
  资金投入: '区级党建经费安排 120 万元，街镇配套 60 万元，分三年投入。',
};

async function demoPhoto(db: PrismaClient, actorId: string) {
  const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
  return storeUpload({ bytes, fileName: '整改后现场照片.jpg', slot: 'PHOTO' }, { actorId, tx: db as unknown as TTx });
}

/** Idempotent: each belt once (by program and name), its sites and items once. */
export async function seedDemoBelts(db: PrismaClient): Promise<void> {
  const program = await db.demoProgram.findFirstOrThrow({ where: { title: DEMO_PROGRAM_TITLE }, select: { id: true, startYear: true, years: true, minSitesPerBelt: true, beltFactors: true } });
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const dcAdmin = await db.user.findUniqueOrThrow({ where: { loginName: 'dc-admin' }, select: { id: true } });
  const secretary = await db.user.findUniqueOrThrow({ where: { loginName: 'sec-xfl' }, select: { id: true } });
  const siteIds = async (route: typeof EAST_ROUTE) => {
    const ids: string[] = [];
    for (const site of route) ids.push((await db.demoSite.findFirstOrThrow({ where: { programId: program.id, name: site.name, organization: { code: site.orgCode } }, select: { id: true } })).id);
    return ids;
  };

  const belt = async (name: string, ownerCode: string, route: typeof EAST_ROUTE, createdById: string, factors: Record<string, string>, plan: { milestones: string; done: boolean }[], description: string) => {
    const owner = await db.organization.findUniqueOrThrow({ where: { code: ownerCode }, select: { id: true } });
    const existing = await db.demoBelt.findFirst({ where: { programId: program.id, name }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const rows = planForYears(program.startYear, program.years, []).map((row, index) => ({ ...row, ...plan[index] }));
    const created = await db.demoBelt.create({
      data: { programId: program.id, ownerOrgId: owner.id, name, description, factors: factorsFor(program.beltFactors, factors), plan: rows, minSites: program.minSitesPerBelt, createdById },
      select: { id: true },
    });
    const ids = await siteIds(route);
    await db.beltSite.createMany({ data: ids.map((siteId, index) => ({ beltId: created.id, siteId, routeOrder: index + 1 })) });
    return { id: created.id, created: true };
  };

  const east = await belt(
    EAST_BELT_NAME,
    'SF-DC',
    EAST_ROUTE,
    dcAdmin.id,
    EAST_FACTORS,
    [
      { milestones: '8 个示范点全部达到“五个基本”“六有”标准，建成线路标识和党建长廊。', done: true },
      { milestones: '打响“红色东城”品牌，每季度举办一次现场观摩，培育 2 个市级示范点。', done: false },
      { milestones: '示范带辐射东华街道、城关镇全部村社，形成可复制的城乡党建融合经验。', done: false },
    ],
    '串联东华街道和城关镇的 8 个示范点，城市社区、商务楼宇、新就业群体与乡村振兴一线贯通。',
  );
  if (east.created) {
    await db.demoBelt.update({ where: { id: east.id }, data: { status: 'SUBMITTED', submittedAt: new Date('2026-03-10T10:00:00+08:00') } });
    await db.demoBelt.update({ where: { id: east.id }, data: { status: 'APPROVED', decidedAt: new Date('2026-03-20T15:00:00+08:00'), decidedById: admin.id } });
  }
  await belt(
    WEST_BELT_NAME,
    'SF-XC',
    WEST_ROUTE,
    admin.id,
    { 党建基础: '西城区两新组织党组织覆盖率 92%，社会组织党群服务中心运行成熟。', 品牌定位: '“红芯两新”：科技、法律、农业合作社的两新党建特色线路。' },
    [{ milestones: '补足 3 个示范点，完成立项。', done: false }],
    '两新组织党建特色线路，目前 5 个示范点，还需补足 3 个才能提交立项。',
  );

  // 问题清单 / 提升清单 on the east belt: one overdue, one open, one closed with a photo.
  const today = shanghaiDayOf(new Date());
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000);
  const hasItem = async (title: string) => !!(await db.improvementItem.findFirst({ where: { beltId: east.id, title }, select: { id: true } }));
  if (!(await hasItem('线路导览标识不统一'))) {
    await db.improvementItem.create({
      data: { beltId: east.id, kind: 'PROBLEM', title: '线路导览标识不统一', detail: '城关镇三个点位的导览牌仍为旧版式，与“红色东城”标识不一致。', ownerName: '韩梅', ownerUserId: secretary.id, dueOn: day(-5), createdById: dcAdmin.id },
    });
  }
  if (!(await hasItem('增设党建长廊夜间照明'))) {
    await db.improvementItem.create({
      data: { beltId: east.id, kind: 'IMPROVEMENT', title: '增设党建长廊夜间照明', detail: '桃源村党建长廊晚间参观人数多，增设照明和讲解二维码。', ownerName: '周城关', dueOn: day(30), createdById: dcAdmin.id },
    });
  }
  if (!(await hasItem('红色文化广场宣传栏破损'))) {
    const photo = await demoPhoto(db, dcAdmin.id);
    await db.improvementItem.create({
      data: {
        beltId: east.id,
        kind: 'PROBLEM',
        title: '红色文化广场宣传栏破损',
        detail: '光明社区广场东侧宣传栏玻璃破损，内容过期。',
        ownerName: '杨光',
        dueOn: day(-20),
        status: 'CLOSED',
        closedAt: day(-22),
        closureNote: '已更换宣传栏玻璃，更新为“学习贯彻党的二十届四中全会精神”专栏。',
        closedById: dcAdmin.id,
        createdById: dcAdmin.id,
        evidence: { create: { fileId: photo.id } },
      },
    });
  }
}
