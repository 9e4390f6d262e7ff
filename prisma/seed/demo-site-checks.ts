// 示范点 checklists and assessments in the demo (issue 20): the first three sites of 东城's route have verdicts with
// photo evidence (五个基本 complete at the first, one item 未达标 at the third), and 2026 assessments — the first site
// assessed twice, so its history shows two versions. Everything goes through the services (audited, same rules).
import sharp from 'sharp';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addChecklistEvidence, setChecklistVerdict } from '@/lib/checklist/service';
import { storeUpload } from '@/lib/files/service';
import { FIVE_BASICS, SIX_HAVES } from '@/lib/demo/templates';
import { assessDemoSite } from '@/lib/demo-site/assessment-service';
import { EAST_ROUTE } from './demo-sites';

const ip = '127.0.0.1';

/** A small landscape photo in the party red, with a lighter band, as a phone would send (re-encoded by the pipeline). */
async function demoPhoto(label: string) {
  const width = 800;
  const height = 600;
  const band = await sharp({ create: { width, height: Math.round(height * 0.35), channels: 3, background: { r: 245, g: 230, b: 200 } } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 178, g: 34, b: 34 } } })
    .composite([{ input: band, top: Math.round(height * 0.65), left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer()
    .then((bytes) => ({ bytes, fileName: `${label}.jpg` }));
}

type TVerdictPlan = { listKey: string; itemIndex: number; verdict: 'MET' | 'NOT_MET'; note: string };

const PLANS: { site: string; verdicts: TVerdictPlan[]; assessments: number[][] }[] = [
  {
    site: EAST_ROUTE[0].name,
    verdicts: [
      ...FIVE_BASICS.items.map((item, itemIndex) => ({ listKey: FIVE_BASICS.key, itemIndex, verdict: 'MET' as const, note: `${item}到位，现场核实` })),
      { listKey: SIX_HAVES.key, itemIndex: 0, verdict: 'MET', note: '活动场所 260 平方米' },
      { listKey: SIX_HAVES.key, itemIndex: 3, verdict: 'MET', note: '党旗规范悬挂' },
    ],
    assessments: [
      [17, 18, 16, 17, 16],
      [18, 18, 18, 19, 17],
    ],
  },
  {
    site: EAST_ROUTE[1].name,
    verdicts: [
      { listKey: FIVE_BASICS.key, itemIndex: 0, verdict: 'MET', note: '支部班子健全' },
      { listKey: FIVE_BASICS.key, itemIndex: 3, verdict: 'MET', note: '每月广场宣讲' },
    ],
    assessments: [[16, 17, 18, 18, 16]],
  },
  {
    site: EAST_ROUTE[2].name,
    verdicts: [
      { listKey: FIVE_BASICS.key, itemIndex: 0, verdict: 'MET', note: '楼栋党小组全覆盖' },
      { listKey: FIVE_BASICS.key, itemIndex: 4, verdict: 'NOT_MET', note: '活动经费未列入年度预算' },
    ],
    assessments: [[15, 16, 14, 16, 15]],
  },
];

/** Idempotent: a site that already has checklist rows is left as it is. */
export async function seedDemoSiteChecks(db: PrismaClient): Promise<void> {
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const context = { actorId: admin.id, ip };
  for (const plan of PLANS) {
    const site = await db.demoSite.findFirst({ where: { name: plan.site }, select: { id: true, _count: { select: { checklistItems: true, assessments: true } } } });
    if (!site || site._count.checklistItems > 0 || site._count.assessments > 0) continue;
    for (const verdict of plan.verdicts) {
      const ref = { subject: { siteId: site.id }, listKey: verdict.listKey, itemIndex: verdict.itemIndex };
      if (verdict.verdict === 'MET') {
        const photo = await storeUpload({ ...(await demoPhoto(`${plan.site}-${verdict.listKey}-${verdict.itemIndex + 1}`)), slot: 'PHOTO' }, context);
        await addChecklistEvidence({ ...ref, fileIds: [photo.id] }, context);
      }
      await setChecklistVerdict({ ...ref, verdict: verdict.verdict, note: verdict.note }, context);
    }
    for (const [index, scores] of plan.assessments.entries()) {
      await assessDemoSite({ siteId: site.id, year: 2026, scores, comment: index === 0 ? '年度考评' : '整改后复评' }, context);
    }
  }
}
