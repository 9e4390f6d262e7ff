import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { brandNameBigrams } from '@/lib/application/bigrams';
import { brandForDeclaration } from '@/lib/brand/assign';
import { enrolCultivations } from '@/lib/brand/enrol';
import { dbNow } from '@/lib/db';
import { DEFAULT_QUALIFICATION_CHECKLIST } from '@/lib/qualification/checklist';
import { RUBRIC_TEMPLATES } from '@/lib/campaign/templates';
import { DEMO_CITY } from './demo-city';
import { DEMO_HONORED_TITLE } from './demo-honors';

// Program shapes and lasting brands in the demo: a 2026 创建认定 campaign (县直机关第二批, batch 2) in 培育创建 with six
// listed brands enrolled, and the 2025 选树 honourees enrolled in cultivation (its 培育创建/验收认定 stages switched on).
// The ledger and acceptance seeds attach their data to the cultivations: `demoCultivations(db)` finds them.

export const DEMO_CREATION_TITLE = '县直机关第二批党建品牌创建';

const DAY = 86_400_000;

const CREATION_BRANDS: { orgCode: string; brandName: string; slogan: string; essence: string; practices: string }[] = [
  { orgCode: 'SF-JG-01', brandName: '发改先锋', slogan: '谋发展 当先锋', essence: '以“谋在前、干在先”为内核，把党建融入规划编制和项目服务全过程。', practices: '设立项目服务党员先锋岗 12 个，帮助企业解决审批难题 80 余件。' },
  { orgCode: 'SF-JG-02', brandName: '财政红管家', slogan: '为民理财 红心守护', essence: '当好人民的“红色管家”，守好财政资金每一分钱。', practices: '开展“预算一线行”走访 40 次，推动惠民资金直达基层。' },
  { orgCode: 'SF-JG-03', brandName: '立德树人先锋', slogan: '立德树人 党旗引领', essence: '以党建引领教育管理，服务学校高质量发展。', practices: '组建党员教研服务队，结对帮扶薄弱学校 9 所。' },
  { orgCode: 'SF-JG-04', brandName: '仁心护佑', slogan: '仁心仁术 护佑健康', essence: '把党员的初心写在守护群众健康的每一个岗位上。', practices: '党员医生下沉社区义诊 56 场，建立慢病随访党员责任区。' },
  { orgCode: 'SF-JG-05', brandName: '红烛领航', slogan: '点亮红烛 照亮成长', essence: '以红烛精神凝聚教师党员，引领学生健康成长。', practices: '开设“红烛课堂”，党员教师每周开展课后服务。' },
  { orgCode: 'SF-JG-06', brandName: '疾控哨兵', slogan: '守土有责 哨兵在岗', essence: '做公共卫生安全的“哨兵”，筑牢群众健康防线。', practices: '组建党员应急处置小分队，完善监测预警网格。' },
];

/** The demo's cultivations, for the ledger and acceptance seeds: the 创建认定 campaign's first, then the 2025 选树 ones. */
export async function demoCultivations(db: PrismaClient) {
  const rows = await db.cultivation.findMany({
    where: { campaign: { title: { in: [DEMO_CREATION_TITLE, DEMO_HONORED_TITLE] } } },
    orderBy: [{ campaign: { year: 'desc' } }, { startedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      campaignId: true,
      brandId: true,
      applicationId: true,
      status: true,
      campaign: { select: { title: true, program: true } },
      application: { select: { organizationId: true, brandName: true, organization: { select: { code: true } } } },
    },
  });
  return rows.map((row) => ({ ...row, organizationCode: row.application.organization.code }));
}

/** Idempotent: runs after the city, its users and the 2025 campaign exist; returns the demo's cultivation ids. */
export async function seedDemoPrograms(db: PrismaClient): Promise<{ creationCampaignId: string; cultivationIds: string[] }> {
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const context = { actorId: admin.id, ip: null };
  const city = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true } });
  await enrolHonouredCampaign(db, context);
  const existing = await db.campaign.findFirst({ where: { title: DEMO_CREATION_TITLE, ownerOrgId: city.id }, select: { id: true } });
  const creationCampaignId = existing?.id ?? (await createCreationCampaign(db, city.id, context));
  return { creationCampaignId, cultivationIds: (await demoCultivations(db)).map((row) => row.id) };
}

/** The 2025 选树 campaign goes on to 培育创建 and 验收认定 in 2026; its honoured brands are enrolled. */
async function enrolHonouredCampaign(db: PrismaClient, context: { actorId: string; ip: null }) {
  const campaign = await db.campaign.findFirst({ where: { title: DEMO_HONORED_TITLE }, select: { id: true, stages: { select: { kind: true } } } });
  if (!campaign) return;
  await db.$transaction(async (tx) => {
    const stages: { kind: StageKind; startsAt: Date; endsAt: Date }[] = [
      { kind: 'CULTIVATION', startsAt: new Date('2026-01-01T00:00:00+08:00'), endsAt: new Date('2026-10-11T00:00:00+08:00') },
      { kind: 'ACCEPTANCE', startsAt: new Date('2026-10-11T00:00:00+08:00'), endsAt: new Date('2026-12-21T00:00:00+08:00') },
    ];
    for (const stage of stages) {
      if (!campaign.stages.some((candidate) => candidate.kind === stage.kind)) await tx.campaignStage.create({ data: { campaignId: campaign.id, ...stage } });
    }
    // Declarations seeded before brands existed join theirs now (as submitApplication does).
    const entries = await tx.application.findMany({ where: { campaignId: campaign.id, status: 'SUBMITTED', brandId: null }, select: { id: true, organizationId: true, brandName: true } });
    for (const entry of entries) {
      await tx.application.update({ where: { id: entry.id }, data: { brandId: await brandForDeclaration(tx, { organizationId: entry.organizationId, brandName: entry.brandName }) } });
    }
    const honoured = await tx.honor.findMany({ where: { campaignId: campaign.id, revokedAt: null }, select: { applicationId: true } });
    await enrolCultivations(tx, context, { campaignId: campaign.id, applicationIds: [...new Set(honoured.map((row) => row.applicationId))], source: 'announcement' });
  });
}

/**
 * 县直机关第二批: 申报 and 资格把关 over, 品牌清单 published, 培育创建 running for five months by database time (so the
 * demo's ledgers have past months), 验收认定 and 宣传推广 to come.
 */
async function createCreationCampaign(db: PrismaClient, ownerOrgId: string, context: { actorId: string; ip: null }): Promise<string> {
  const now = await dbNow(db);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        title: DEMO_CREATION_TITLE,
        year: 2026,
        batch: 2,
        program: 'CREATION',
        description: '按照“组织申报、培育创建、验收认定、宣传推广”的程序，在县直机关开展第二批党建品牌创建，第一批已创建单位可申报新的品牌。',
        ownerOrgId,
        status: 'PUBLISHED',
        publishedAt: at(-200),
        createdById: context.actorId,
        ledgerDueDay: 25,
        acceptanceRequestDeadline: new Date(`${at(170).toISOString().slice(0, 10)}T00:00:00Z`),
        acceptanceCompleteBy: new Date(`${at(205).toISOString().slice(0, 10)}T00:00:00Z`),
        stages: {
          create: [
            { kind: 'DECLARATION', startsAt: at(-190), endsAt: at(-170) },
            { kind: 'QUALIFICATION', startsAt: at(-170), endsAt: at(-155) },
            { kind: 'CULTIVATION', startsAt: at(-150), endsAt: at(120) },
            { kind: 'ACCEPTANCE', startsAt: at(120), endsAt: at(210) },
            { kind: 'PROMOTION', startsAt: at(210), endsAt: at(270) },
          ],
        },
        fields: { create: [{ name: '机关', orgFields: ['GOVERNMENT'], sortOrder: 0 }, { name: '事业单位', orgFields: ['EDUCATION', 'HEALTH'], sortOrder: 1 }] },
        rubric: { create: { template: 'FIVE_WORDS', criteria: { create: RUBRIC_TEMPLATES.FIVE_WORDS.criteria.map((criterion, index) => ({ ...criterion, sortOrder: index })) } } },
      },
      select: { id: true, fields: { select: { id: true, name: true } } },
    });
    const ids: string[] = [];
    const listed = [];
    for (const brand of CREATION_BRANDS) {
      const org = await tx.organization.findUniqueOrThrow({ where: { code: brand.orgCode }, select: { id: true, name: true, field: true, secretaryName: true } });
      const field = campaign.fields.find((candidate) => candidate.name === (org.field === 'GOVERNMENT' ? '机关' : '事业单位'))!;
      const brandId = await brandForDeclaration(tx, { organizationId: org.id, brandName: brand.brandName });
      const application = await tx.application.create({
        data: {
          campaignId: campaign.id,
          organizationId: org.id,
          brandId,
          status: 'SUBMITTED',
          fieldId: field.id,
          brandName: brand.brandName,
          brandNameBigrams: brandNameBigrams(brand.brandName),
          slogan: brand.slogan,
          essence: brand.essence,
          carriers: '党员先锋岗；主题党日；业务骨干结对。',
          norms: '建立品牌创建台帐和月报制度。',
          practices: brand.practices,
          secretaryName: org.secretaryName ?? '',
          submittedAt: at(-180),
        },
        select: { id: true },
      });
      await tx.qualification.create({
        data: { campaignId: campaign.id, applicationId: application.id, result: 'PASSED', checks: Object.fromEntries(DEFAULT_QUALIFICATION_CHECKLIST.map((item) => [item, true])), reviewedById: context.actorId, reviewedAt: at(-160) },
      });
      ids.push(application.id);
      listed.push({ applicationId: application.id, brandName: brand.brandName, organizationName: org.name, fieldName: field.name });
    }
    await tx.brandList.create({
      data: {
        campaignId: campaign.id,
        version: 1,
        publishedById: context.actorId,
        publishedAt: at(-152),
        entries: { create: listed.map((entry, index) => ({ ...entry, sortOrder: index + 1, regionName: '市直机关工委' })) },
      },
    });
    const enrolment = await enrolCultivations(tx, context, { campaignId: campaign.id, applicationIds: ids, source: 'list' });
    // They started when the list came out, not when the seed ran.
    await tx.cultivation.updateMany({ where: { id: { in: enrolment.cultivationIds } }, data: { startedAt: at(-152) } });
    return campaign.id;
  });
}
