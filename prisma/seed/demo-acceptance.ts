import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dbNow } from '@/lib/db';
import { createCampaign } from '@/lib/campaign/service';
import { defaultCampaignSetup } from '@/lib/campaign/setup-values';
import { DEFAULT_ACCEPTANCE_CRITERIA } from '@/lib/acceptance/service';
import { recognitionNo, shanghaiDay } from '@/lib/acceptance/rules';
import { DEMO_CITY } from './demo-city';

// 验收认定 in the demo: three brands in cultivation — one request waiting for its acceptance group (sec-fgw), one passed
// (认定, shown in 品牌风采) and one failed with written findings (sec-yy, free to request again). The cultivations come
// from the 创建认定 campaign of the program-brand demo when there is one (a CREATION campaign with at least three
// cultivations); until that lands, a small campaign of its own holds them (MERGE NOTE, issue 19: drop the fallback
// once the 县直机关第二批 demo creates cultivations).

export const DEMO_ACCEPTANCE_TITLE = '2026年度示范市机关党建品牌创建认定';

const DAY = 86_400_000;

const UNITS = [
  { orgCode: 'SF-JG-01', brandName: '发改先锋', outcome: 'WAITING' },
  { orgCode: 'SF-JG-02', brandName: '财税红管家', outcome: 'PASSED' },
  { orgCode: 'SF-JG-04', brandName: '医心向党', outcome: 'FAILED' },
] as const;

const REPORT = {
  background: '本支部承担全市重大项目统筹职能，党员多为业务骨干。针对“党建与业务两张皮”的问题，支部于年初确定创建品牌。',
  measures: '- 建立**党员先锋岗**，每名党员领办一个重点项目\n- 每月 25 日前上报台帐，开展一次主题党日\n- 与结对社区共建，党员进社区服务',
  results: '全年领办项目 **36 个**，按期完成率 97%；结对社区服务群众 1,200 人次；支部获评“四强”党支部。',
};

type TDemoCultivation = { id: string; organizationId: string; brandName: string };

/** The fallback campaign (CREATION, 培育创建 and 验收认定 open, the selection stages over) and its three cultivations. */
async function fallbackCultivations(db: PrismaClient): Promise<TDemoCultivation[] | null> {
  const owner = await db.organization.findUniqueOrThrow({ where: { code: DEMO_CITY.code }, select: { id: true } });
  if (await db.campaign.findFirst({ where: { title: DEMO_ACCEPTANCE_TITLE, ownerOrgId: owner.id }, select: { id: true } })) return null;
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const now = await dbNow(db);
  const setup = defaultCampaignSetup({ now, ownerOrgId: owner.id, firstStageStartsAt: new Date(now.getTime() - 300 * DAY) });
  const campaign = await db.$transaction((tx) =>
    createCampaign(
      { ...setup, title: DEMO_ACCEPTANCE_TITLE, year: 2026, batch: 2, description: '成熟一个、验收一个：创建单位完成创建后申请验收，验收通过的予以认定。', publish: true },
      { actorId: admin.id, ip: null, tx },
    ),
  );
  await db.$executeRaw`UPDATE campaign_stages SET starts_at = now() - interval '300 days', ends_at = now() - interval '250 days', is_enabled = (kind IN ('DECLARATION', 'QUALIFICATION')) WHERE campaign_id = ${campaign.id}`;
  await db.$executeRaw`
    INSERT INTO campaign_stages (id, campaign_id, kind, is_enabled, starts_at, ends_at) VALUES
      (gen_random_uuid()::text, ${campaign.id}, 'CULTIVATION', true, now() - interval '240 days', now() + interval '20 days'),
      (gen_random_uuid()::text, ${campaign.id}, 'ACCEPTANCE', true, now() - interval '20 days', now() + interval '40 days')`;
  await db.campaign.update({
    where: { id: campaign.id },
    data: { program: 'CREATION', acceptanceRequestDeadline: new Date(`${shanghaiDay(new Date(now.getTime() + 40 * DAY))}T00:00:00Z`), acceptanceCompleteBy: new Date(`${shanghaiDay(new Date(now.getTime() + 60 * DAY))}T00:00:00Z`) },
  });
  const rows: TDemoCultivation[] = [];
  for (const unit of UNITS) {
    const org = await db.organization.findUniqueOrThrow({ where: { code: unit.orgCode }, select: { id: true } });
    const brand = await db.brand.create({ data: { organizationId: org.id, name: unit.brandName } });
    const application = await db.application.create({
      data: { campaignId: campaign.id, organizationId: org.id, brandId: brand.id, status: 'SUBMITTED', brandName: unit.brandName, submittedAt: new Date(now.getTime() - 280 * DAY) },
    });
    const cultivation = await db.cultivation.create({ data: { brandId: brand.id, campaignId: campaign.id, applicationId: application.id, startedAt: new Date(now.getTime() - 240 * DAY) } });
    rows.push({ id: cultivation.id, organizationId: org.id, brandName: unit.brandName });
  }
  return rows;
}

/** Three cultivations of a CREATION campaign with an open 验收认定 stage, or null. */
async function givenCultivations(db: PrismaClient): Promise<TDemoCultivation[] | null> {
  const rows = await db.cultivation.findMany({
    where: {
      status: 'CULTIVATING',
      acceptanceRequests: { none: {} },
      campaign: { program: 'CREATION', status: 'PUBLISHED', stages: { some: { kind: 'ACCEPTANCE', isEnabled: true, startsAt: { lte: await dbNow(db) } } } },
    },
    orderBy: { createdAt: 'asc' },
    take: 3,
    select: { id: true, brand: { select: { name: true, organizationId: true } } },
  });
  return rows.length === 3 ? rows.map((row) => ({ id: row.id, organizationId: row.brand.organizationId, brandName: row.brand.name })) : null;
}

/** Idempotent: given cultivations that already have requests, or the fallback campaign already there, change nothing. */
export async function seedAcceptance(db: PrismaClient, cultivations?: TDemoCultivation[]): Promise<void> {
  const units = cultivations ?? (await givenCultivations(db)) ?? (await fallbackCultivations(db));
  if (!units || (await db.acceptanceRequest.count({ where: { cultivationId: { in: units.map((unit) => unit.id) } } }))) return;
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const experts = await db.user.findMany({ where: { loginName: { in: ['expert1', 'expert2'] } }, select: { id: true } });
  const now = await dbNow(db);
  for (const [index, unit] of units.entries()) {
    const outcome = UNITS[index]!.outcome;
    const secretary = await db.roleAssignment.findFirst({ where: { organizationId: unit.organizationId, role: 'BRANCH_SECRETARY' }, select: { userId: true } });
    const requestedAt = new Date(now.getTime() - (outcome === 'WAITING' ? 3 : 15 + index) * DAY);
    const decided = outcome !== 'WAITING';
    const request = await db.acceptanceRequest.create({
      data: {
        cultivationId: unit.id,
        round: 1,
        status: outcome,
        ...REPORT,
        ledgerMonths: 8,
        ledgerEntries: 14 + index * 3,
        requestedById: secretary?.userId ?? admin.id,
        requestedAt,
        criteria: decided ? DEFAULT_ACCEPTANCE_CRITERIA : [],
        groupFormedAt: decided ? new Date(requestedAt.getTime() + 2 * DAY) : null,
        onsiteNote: decided ? '验收组到支部实地查看了党员先锋岗和台帐，与报告相符。' : '',
        findings: outcome === 'FAILED' ? '一、台帐有 3 个月未按时上报，活动记录不完整；\n二、工作成效缺少数据支撑，群众评价未体现。\n请按以上意见继续创建，完善后再次申请验收。' : outcome === 'PASSED' ? '品牌定位精准、载体鲜明，成效明显，同意认定。' : '',
        decidedAt: decided ? new Date(requestedAt.getTime() + 6 * DAY) : null,
        decidedById: decided ? admin.id : null,
        experts: decided ? { create: experts.map((expert) => ({ expertId: expert.id, scores: outcome === 'PASSED' ? [18, 18, 17, 18, 19] : [14, 15, 12, 13, 11], comment: '', submittedAt: new Date(requestedAt.getTime() + 5 * DAY) })) } : undefined,
      },
    });
    if (outcome === 'PASSED') {
      const [{ serial }] = await db.$queryRaw<{ serial: bigint }[]>`SELECT nextval('recognition_no_seq') AS serial`;
      const org = await db.organization.findUniqueOrThrow({ where: { id: unit.organizationId }, select: { name: true } });
      await db.recognition.create({
        data: { cultivationId: unit.id, requestId: request.id, recognitionNo: recognitionNo(2026, serial), brandName: unit.brandName, organizationName: org.name, issuedOn: new Date(`${shanghaiDay(request.decidedAt!)}T00:00:00Z`) },
      });
      await db.cultivation.update({ where: { id: unit.id }, data: { status: 'RECOGNISED', recognisedAt: request.decidedAt } });
    } else if (outcome === 'WAITING') {
      await db.cultivation.update({ where: { id: unit.id }, data: { status: 'ACCEPTANCE' } });
    }
  }
}
