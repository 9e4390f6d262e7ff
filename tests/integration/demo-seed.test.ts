import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { DEMO_CREATION_TITLE, demoCultivations } from '../../prisma/seed/demo-programs';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { currentStage } from '@/lib/campaign/stages';
import { listGalleryBrands } from '@/lib/gallery/queries';
import { DEMO_PROGRAM_TITLE } from '../../prisma/seed/demo-sites';

describe('demo seed', () => {
  it('writes the demo city with last year finished and honored, and a second run changes nothing', async () => {
    await seedDemoCity(db);
    const counts = async () => ({
      organizations: await db.organization.count({ where: { code: { startsWith: 'SF' } } }),
      campaigns: await db.campaign.count({ where: { title: { startsWith: '202' }, ownerOrg: { code: 'SF' } } }),
      honors: await db.honor.count({ where: { campaign: { title: DEMO_HONORED_TITLE } } }),
      cultivations: await db.cultivation.count(),
      brands: await db.brand.count(),
      acceptanceRequests: await db.acceptanceRequest.count({ where: { cultivation: { campaign: { title: DEMO_CREATION_TITLE } } } }),
      demoSites: await db.demoSite.count({ where: { program: { title: DEMO_PROGRAM_TITLE } } }),
      revokedSites: await db.demoSite.count({ where: { program: { title: DEMO_PROGRAM_TITLE }, status: 'REVOKED' } }),
      metItems: await db.checklistItem.count({ where: { site: { program: { title: DEMO_PROGRAM_TITLE } }, verdict: 'MET', evidence: { some: {} } } }),
      assessments: await db.siteAssessment.count({ where: { site: { program: { title: DEMO_PROGRAM_TITLE } }, year: 2026 } }),
    });
    const first = await counts();
    await seedDemoCity(db);
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({ demoSites: 15, revokedSites: 1, metItems: 10, assessments: 4 });
    const reassessed = await db.siteAssessment.findMany({ where: { site: { name: '幸福里社区党群服务中心' }, year: 2026 }, orderBy: { version: 'asc' }, select: { version: true, total: true } });
    expect(reassessed).toEqual([{ version: 1, total: 84 }, { version: 2, total: 90 }]);

    const campaign = await db.campaign.findFirstOrThrow({
      where: { title: DEMO_HONORED_TITLE },
      select: { status: true, announcement: { select: { title: true } }, publicities: { select: { endsAt: true, version: true } }, honors: { select: { certificateNo: true, awardName: true, brandName: true, revokedAt: true } } },
    });
    expect(campaign.status).toBe('FINISHED');
    expect(campaign.announcement?.title).toContain(DEMO_HONORED_TITLE);
    expect(campaign.honors).toHaveLength(9);
    expect(new Set(campaign.honors.map((honor) => honor.certificateNo)).size).toBe(9);
    expect(campaign.honors.filter((honor) => honor.awardName === '十大党建品牌').map((honor) => honor.brandName).sort()).toEqual(['渔港红帆', '红旗领航', '红色车厢', '翠竹邻里家'].sort());
    expect(campaign.honors.every((honor) => /^DJPP-2025-\d{6}$/.test(honor.certificateNo) && honor.revokedAt === null)).toBe(true);
    expect(campaign.publicities.map((publicity) => publicity.version)).toEqual([1]);
    // The signed 审定 holds both awards of the brand honoured twice: the honours match the decision.
    const decided = await db.decisionAward.findMany({ where: { isDecided: true, item: { decision: { kind: 'FINAL', campaign: { title: DEMO_HONORED_TITLE } } } }, select: { award: { select: { name: true } }, item: { select: { application: { select: { brandName: true } } } } } });
    expect(decided).toHaveLength(9);
    expect(decided.filter((row) => row.item.application.brandName === '渔港红帆').map((row) => row.award.name).sort()).toEqual(['十大党建品牌', '最佳人气党建品牌'].sort());
    });

  it('holds one acceptance request waiting, one passed (认定, in 品牌风采) and one failed with findings', async () => {
    await seedDemoCity(db);
    const requests = await db.acceptanceRequest.findMany({
      where: { cultivation: { campaign: { title: DEMO_CREATION_TITLE } } },
      select: { status: true, findings: true, cultivation: { select: { status: true, brand: { select: { name: true } } } }, recognition: { select: { recognitionNo: true } } },
    });
    const byStatus = Object.fromEntries(requests.map((request) => [request.status, request]));
    expect(Object.keys(byStatus).sort()).toEqual(['FAILED', 'PASSED', 'WAITING']);
    expect(byStatus.WAITING!.cultivation.status).toBe('ACCEPTANCE');
    expect(byStatus.FAILED!.cultivation.status).toBe('CULTIVATING');
    expect(byStatus.FAILED!.findings).toContain('台帐');
    expect(byStatus.PASSED!.cultivation.status).toBe('RECOGNISED');
    expect(byStatus.PASSED!.recognition?.recognitionNo).toMatch(/^DJRD-2026-\d{6}$/);
    const shown = (await listGalleryBrands()).find((brand) => brand.brandName === byStatus.PASSED!.cultivation.brand.name);
    expect(shown?.awards.map((award) => award.name)).toEqual(['认定']);
  });

  it('runs a 创建认定 campaign in 培育创建 with its listed brands enrolled, and the 2025 honourees in cultivation', async () => {
    await seedDemoCity(db);
    const creation = await db.campaign.findFirstOrThrow({ where: { title: DEMO_CREATION_TITLE }, select: { id: true, program: true, batch: true, year: true } });
    expect(creation).toMatchObject({ program: 'CREATION', batch: 2, year: 2026 });
    const life = await db.$transaction((tx) => loadLifecycle(tx, creation.id));
    expect(currentStage(life.stages, life.now)?.kind).toBe('CULTIVATION');
    const cultivations = await demoCultivations(db);
    const own = cultivations.filter((row) => row.campaignId === creation.id);
    expect(own).toHaveLength(6);
    expect(own.every((row) => row.brandId)).toBe(true);
    // 成熟一个、验收一个: three brands went to acceptance while the others keep creating.
    expect(Object.fromEntries(own.map((row) => [row.application.brandName, row.status]))).toEqual({
      发改先锋: 'ACCEPTANCE',
      财政红管家: 'RECOGNISED',
      立德树人先锋: 'CULTIVATING',
      仁心护佑: 'CULTIVATING',
      红烛领航: 'CULTIVATING',
      疾控哨兵: 'CULTIVATING',
    });
    // Months of 台帐 up to now: reported on time, some late, one month of 红烛领航 never reported; one plan returned.
    const reports = await db.ledgerReport.findMany({ where: { cultivationId: { in: own.map((row) => row.id) } }, select: { cultivationId: true, isLate: true, month: true } });
    expect(reports.filter((report) => !report.isLate).length).toBeGreaterThan(10);
    expect(reports.filter((report) => report.isLate).length).toBeGreaterThan(1);
    const perBrand = own.map((row) => [row.application.brandName, reports.filter((report) => report.cultivationId === row.id).length] as const);
    const most = Math.max(...perBrand.map(([, count]) => count));
    expect(perBrand.filter(([, count]) => count < most)).toEqual([['红烛领航', most - 1]]);
    const plans = await db.cultivationPlan.findMany({ where: { cultivationId: { in: own.map((row) => row.id) } }, select: { status: true, cultivation: { select: { brand: { select: { name: true } } } } } });
    expect(plans.filter((plan) => plan.status === 'RETURNED').map((plan) => plan.cultivation.brand.name)).toEqual(['立德树人先锋']);
    const honoured = await db.honor.findMany({ where: { campaign: { title: DEMO_HONORED_TITLE } }, distinct: ['applicationId'], select: { applicationId: true } });
    const selection = cultivations.filter((row) => row.campaign.title === DEMO_HONORED_TITLE);
    expect(selection.map((row) => row.applicationId).sort()).toEqual(honoured.map((row) => row.applicationId).sort());
    expect(await db.campaignStage.count({ where: { campaign: { title: DEMO_HONORED_TITLE }, kind: { in: ['CULTIVATION', 'ACCEPTANCE'] } } })).toBe(2);
  });
});
