import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { AwardKind, OrgField, StageKind } from '@/lib/generated/prisma/enums';
import { brandNameBigrams } from '@/lib/application/bigrams';
import { refreshSimilarNames } from '@/lib/application/similar-names';
import { DEMO_CITY } from './demo-city';

// Last year's campaign of the demo city, finished: 公示 held, 表彰决定 published, honors with certificates. It fills the
// 品牌风采 gallery and the certificate check of a fresh demo; the running 2026 campaign is clicked through by the e2e.

export const DEMO_HONORED_TITLE = '2025年度示范市党建品牌选树';

const FIELDS: { name: string; orgFields: OrgField[] }[] = [
  { name: '农村', orgFields: ['RURAL'] },
  { name: '街道社区', orgFields: ['COMMUNITY'] },
  { name: '机关', orgFields: ['GOVERNMENT'] },
  { name: '事业单位', orgFields: ['EDUCATION', 'HEALTH'] },
  { name: '国有企业', orgFields: ['SOE'] },
  { name: '两新组织', orgFields: ['NON_PUBLIC'] },
];

const AWARDS: { kind: AwardKind; name: string; count: number }[] = [
  { kind: 'TOP_TEN', name: '十大党建品牌', count: 10 },
  { kind: 'EXCELLENT', name: '优秀党建品牌', count: 20 },
  { kind: 'POPULARITY', name: '最佳人气党建品牌', count: 1 },
];

type TBrand = { orgCode: string; field: string; awards: string[]; brandName: string; slogan: string; essence: string; carriers: string; practices: string };

const BRANDS: TBrand[] = [
  {
    orgCode: 'SF-NH-HB-01',
    field: '农村',
    awards: ['十大党建品牌', '最佳人气党建品牌'],
    brandName: '渔港红帆',
    slogan: '红帆领航，渔村共富',
    essence: '以“红帆”寓意党组织在渔港振兴中的领航作用，“帆”指党员带头闯市场、共同扬帆致富，形成“支部领航、党员带动、渔民增收”的发展格局。',
    carriers: '渔港党员先锋岗；“红帆”议事会；渔家乐党员示范户；海上流动党小组。',
    practices: '支部牵头成立渔业合作社，党员带头发展休闲渔业，建立“红帆”议事会解决渔港难题 46 件，村集体经济收入三年增长两倍。',
  },
  {
    orgCode: 'SF-XC-WY-02',
    field: '农村',
    awards: ['十大党建品牌'],
    brandName: '红旗领航',
    slogan: '红旗飘飘，乡村振兴',
    essence: '传承红旗村“自力更生、艰苦奋斗”的红色基因，以党建引领产业、治理、文化三方面振兴。',
    carriers: '红旗讲堂；党员责任田；村民说事长廊。',
    practices: '建成高标准农田 1200 亩，党员结对帮扶 38 户，村民说事长廊化解矛盾纠纷 60 余件。',
  },
  {
    orgCode: 'SF-XC-XS-01',
    field: '街道社区',
    awards: ['十大党建品牌'],
    brandName: '翠竹邻里家',
    slogan: '有事找邻里，服务到家里',
    essence: '以竹的“有节、向上、扎根”比喻社区党员的品格，打造居民身边的“邻里之家”。',
    carriers: '楼栋党小组；邻里互助站；“翠竹”志愿服务队。',
    practices: '划分 32 个网格，党员包楼包户，年服务居民 1.2 万人次，社区满意度达 98%。',
  },
  {
    orgCode: 'SF-GZ-03',
    field: '国有企业',
    awards: ['十大党建品牌'],
    brandName: '红色车厢',
    slogan: '一路同行，一路红',
    essence: '把公交车厢作为宣传党的主张、服务乘客的流动阵地，以“安全、温馨、文明”为服务标准。',
    carriers: '党员示范线路；流动宣讲车厢；“红色车厢”服务标准。',
    practices: '创建党员示范线路 12 条，车厢宣讲 300 余场，线路安全行驶 1500 万公里无责任事故。',
  },
  {
    orgCode: 'SF-XC-FQ-01',
    field: '两新组织',
    awards: ['优秀党建品牌'],
    brandName: '星河红芯',
    slogan: '党建强芯，科技报国',
    essence: '以“红芯”比喻党建在企业发展中的核心作用，把党员培养成技术骨干，把技术骨干培养成党员。',
    carriers: '党员创新工作室；技术攻关党员突击队；“红芯”讲堂。',
    practices: '党员牵头攻关项目 18 项，获得专利 27 件，带动企业研发投入年增长 30%。',
  },
  {
    orgCode: 'SF-JG-06',
    field: '事业单位',
    awards: ['优秀党建品牌'],
    brandName: '疾控先锋',
    slogan: '守护健康，冲锋在前',
    essence: '弘扬“敬佑生命、救死扶伤”的职业精神，在疾病防控一线发挥党员先锋模范作用。',
    carriers: '党员应急突击队；健康科普宣讲团；“先锋”实验室。',
    practices: '组建党员应急突击队 6 支，开展健康科普进社区 120 场，应急处置平均时间缩短 40%。',
  },
  {
    orgCode: 'SF-NH-JG-02',
    field: '事业单位',
    awards: ['优秀党建品牌'],
    brandName: '红烛筑梦',
    slogan: '红烛映初心，育人筑梦想',
    essence: '以“红烛”喻教师党员燃烧自己、照亮学生，以党建引领立德树人。',
    carriers: '党员名师工作室；“红烛”帮扶计划；思政实践基地。',
    practices: '党员教师结对帮扶学生 210 名，开设思政实践课 80 节，学校获评县级文明校园。',
  },
  {
    orgCode: 'SF-DC-JG-01',
    field: '机关',
    awards: ['优秀党建品牌'],
    brandName: '税心为民',
    slogan: '一心为民，税务先行',
    essence: '以“税心”谐音“初心”，把为纳税人缴费人办实事作为检验党建成效的标准。',
    carriers: '党员先锋岗；“税心”服务队；办税体验师。',
    practices: '推出便民办税举措 25 项，“非接触式”办税率达 95%，纳税人满意度连续三年全区第一。',
  },
];

const day = (value: string) => new Date(`${value}T00:00:00+08:00`);

const STAGES: { kind: StageKind; from: string; to: string }[] = [
  { kind: 'DECLARATION', from: '2025-04-01', to: '2025-05-01' },
  { kind: 'RECOMMENDATION', from: '2025-05-01', to: '2025-05-21' },
  { kind: 'QUALIFICATION', from: '2025-05-21', to: '2025-06-05' },
  { kind: 'VOTING', from: '2025-06-10', to: '2025-06-25' },
  { kind: 'EXPERT_REVIEW', from: '2025-07-01', to: '2025-08-01' },
  { kind: 'ONSITE_CHECK', from: '2025-08-01', to: '2025-09-15' },
  { kind: 'DELIBERATION', from: '2025-09-15', to: '2025-10-20' },
  { kind: 'PUBLICITY', from: '2025-10-27', to: '2025-11-01' },
  { kind: 'ANNOUNCEMENT', from: '2025-11-10', to: '2025-12-31' },
];

/** Idempotent: does nothing when the campaign exists. */
export async function seedHonoredCampaign(db: PrismaClient): Promise<void> {
  const owner = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true, name: true } });
  if (await db.campaign.findFirst({ where: { title: DEMO_HONORED_TITLE, ownerOrgId: owner.id }, select: { id: true } })) return;
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });

  await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        title: DEMO_HONORED_TITLE,
        year: 2025,
        batch: 1,
        description: '首批党建品牌选树，命名十大党建品牌和优秀党建品牌。',
        ownerOrgId: owner.id,
        status: 'FINISHED',
        createdById: admin.id,
        stages: { create: STAGES.map((stage) => ({ kind: stage.kind, startsAt: day(stage.from), endsAt: day(stage.to) })) },
        fields: { create: FIELDS.map((field, index) => ({ name: field.name, orgFields: field.orgFields, sortOrder: index })) },
        awards: { create: AWARDS.map((award, index) => ({ ...award, sortOrder: index })) },
      },
      select: { id: true, fields: { select: { id: true, name: true } }, awards: { select: { id: true, name: true, sortOrder: true } } },
    });
    const fieldId = (name: string) => campaign.fields.find((field) => field.name === name)!.id;
    const award = (name: string) => campaign.awards.find((candidate) => candidate.name === name)!;

    const entries = [];
    for (const brand of BRANDS) {
      const org = await tx.organization.findUniqueOrThrow({ where: { code: brand.orgCode }, select: { id: true, name: true, path: true, secretaryName: true } });
      const regionId = org.path.split('/').filter(Boolean)[1];
      const region = await tx.organization.findUniqueOrThrow({ where: { id: regionId }, select: { name: true, shortName: true } });
      const application = await tx.application.create({
        data: {
          campaignId: campaign.id,
          organizationId: org.id,
          status: 'SUBMITTED',
          fieldId: fieldId(brand.field),
          brandName: brand.brandName,
          // The same columns submitApplication writes: next year's branches are warned of a name like one of these.
          brandNameBigrams: brandNameBigrams(brand.brandName),
          slogan: brand.slogan,
          essence: brand.essence,
          carriers: brand.carriers,
          norms: '建立品牌创建工作制度和服务规范，定期评估改进。',
          practices: brand.practices,
          secretaryName: org.secretaryName ?? '',
          submittedAt: day('2025-04-20'),
        },
        select: { id: true },
      });
      await refreshSimilarNames(tx, application.id);
      entries.push({ ...brand, applicationId: application.id, organizationName: org.name, regionName: region.shortName ?? region.name });
    }

    await tx.brandList.create({
      data: {
        campaignId: campaign.id,
        version: 1,
        publishedById: admin.id,
        publishedAt: day('2025-06-05'),
        entries: { create: entries.map((entry, index) => ({ applicationId: entry.applicationId, sortOrder: index + 1, brandName: entry.brandName, organizationName: entry.organizationName, fieldName: entry.field, regionName: entry.regionName })) },
      },
    });

    const decision = await tx.decision.create({
      data: {
        campaignId: campaign.id,
        kind: 'FINAL',
        version: 1,
        meetingDate: new Date('2025-10-20T00:00:00Z'),
        attendees: '党建品牌选树工作领导小组全体成员',
        items: {
          create: entries.map((entry, index) => ({
            applicationId: entry.applicationId,
            rank: index + 1,
            score: 95 - index * 1.5,
            // 十大 and 最佳人气 together: a 单项奖 may come on top of a 等次奖 (lib/review/award-rules.ts).
            awards: { create: entry.awards.map((name) => ({ awardId: award(name).id, isDecided: true, isProposed: true })) },
          })),
        },
      },
      select: { id: true },
    });
    await tx.decision.update({ where: { id: decision.id }, data: { signedAt: day('2025-10-20'), signedById: admin.id } });
    await tx.publicity.create({
      data: { campaignId: campaign.id, decisionId: decision.id, startsAt: day('2025-10-27'), endsAt: day('2025-11-01'), notice: '公示期间如有异议，请实名反映。', publishedAt: day('2025-10-27'), publishedById: admin.id },
    });
    const issuedOn = new Date('2025-11-10T00:00:00Z');
    const announcement = await tx.announcement.create({
      data: {
        campaignId: campaign.id,
        decisionId: decision.id,
        title: `关于对${DEMO_HONORED_TITLE}获奖品牌予以通报表扬的决定`,
        documentNo: '示范组通〔2025〕21号',
        preamble: `为深入推进党建品牌创建工作，${owner.name}组织开展了${DEMO_HONORED_TITLE}活动。经逐级推荐、资格审查、网络投票、专家评审、实地核验和公示，决定对以下党建品牌予以通报表扬。希望受到表彰的单位珍惜荣誉，持续深化品牌培育，充分发挥示范引领作用。`,
        issuedOn,
        publishedAt: day('2025-11-10'),
        publishedById: admin.id,
      },
      select: { id: true },
    });
    const honors = entries.flatMap((entry, rank) => entry.awards.map((name) => ({ entry, rank, award: award(name) })));
    honors.sort((a, b) => a.award.sortOrder - b.award.sortOrder || a.rank - b.rank);
    for (const [index, honor] of honors.entries()) {
      const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('certificate_no_seq') AS n`;
      await tx.honor.create({
        data: {
          campaignId: campaign.id,
          announcementId: announcement.id,
          applicationId: honor.entry.applicationId,
          awardId: honor.award.id,
          certificateNo: `DJPP-2025-${String(n).padStart(6, '0')}`,
          brandName: honor.entry.brandName,
          organizationName: honor.entry.organizationName,
          awardName: honor.award.name,
          sortOrder: index,
          issuedOn,
        },
      });
    }
  });
}
