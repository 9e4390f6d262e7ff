import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { seedDemoCity } from '../../prisma/seed/seed-demo';
import { DEMO_HONORED_TITLE } from '../../prisma/seed/demo-honors';
import { DEMO_ACCEPTANCE_TITLE } from '../../prisma/seed/demo-acceptance';
import { listGalleryBrands } from '@/lib/gallery/queries';

describe('demo seed', () => {
  it('writes the demo city with last year finished and honored, and a second run changes nothing', async () => {
    await seedDemoCity(db);
    const counts = async () => ({
      organizations: await db.organization.count({ where: { code: { startsWith: 'SF' } } }),
      campaigns: await db.campaign.count({ where: { title: { startsWith: '202' }, ownerOrg: { code: 'SF' } } }),
      honors: await db.honor.count({ where: { campaign: { title: DEMO_HONORED_TITLE } } }),
      acceptanceRequests: await db.acceptanceRequest.count({ where: { cultivation: { campaign: { title: DEMO_ACCEPTANCE_TITLE } } } }),
    });
    const first = await counts();
    await seedDemoCity(db);
    expect(await counts()).toEqual(first);

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
      where: { cultivation: { campaign: { title: DEMO_ACCEPTANCE_TITLE } } },
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
});
