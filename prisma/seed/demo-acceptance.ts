import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dbNow } from '@/lib/db';
import { DEFAULT_ACCEPTANCE_CRITERIA } from '@/lib/acceptance/service';
import { recognitionNo, shanghaiDay } from '@/lib/acceptance/rules';
import { DEMO_CREATION_TITLE } from './demo-programs';

// 验收认定 in the demo, inside the 县直机关第二批 创建认定 campaign while it is in 培育创建 ("成熟一个、验收一个": a brand
// requests when it is ready): 发改先锋 (sec-fgw) waits for its acceptance group, 财政红管家 passed (认定, shown in 品牌风采),
// 仁心护佑 (sec-yy) failed with written findings and is back in 培育创建, free to request again. Runs after the 台帐
// (demo-ledgers.ts), so each request carries its brand's real ledger summary.

const DAY = 86_400_000;

export const ACCEPTANCE_UNITS = [
  { orgCode: 'SF-JG-01', outcome: 'WAITING' },
  { orgCode: 'SF-JG-02', outcome: 'PASSED' },
  { orgCode: 'SF-JG-04', outcome: 'FAILED' },
] as const;

const REPORT = {
  background: '本支部承担全市重大项目统筹职能，党员多为业务骨干。针对“党建与业务两张皮”的问题，支部于年初确定创建品牌。',
  measures: '- 建立**党员先锋岗**，每名党员领办一个重点项目\n- 每月 25 日前上报台帐，开展一次主题党日\n- 与结对社区共建，党员进社区服务',
  results: '全年领办项目 **36 个**，按期完成率 97%；结对社区服务群众 1,200 人次；支部获评“四强”党支部。',
};

type TDemoCultivation = { id: string; organizationId: string; brandName: string };

/** The three cultivations of the 县直机关第二批 campaign that go to acceptance, in ACCEPTANCE_UNITS order, or null. */
async function creationCultivations(db: PrismaClient): Promise<TDemoCultivation[] | null> {
  const rows = await db.cultivation.findMany({
    where: { campaign: { title: DEMO_CREATION_TITLE }, brand: { organization: { code: { in: ACCEPTANCE_UNITS.map((unit) => unit.orgCode) } } } },
    select: { id: true, brand: { select: { name: true, organizationId: true, organization: { select: { code: true } } } } },
  });
  const units = ACCEPTANCE_UNITS.map((unit) => rows.find((row) => row.brand.organization.code === unit.orgCode));
  if (units.some((row) => !row)) return null;
  return units.map((row) => ({ id: row!.id, organizationId: row!.brand.organizationId, brandName: row!.brand.name }));
}

/** Idempotent: once the brands have requests, a second run changes nothing. */
export async function seedAcceptance(db: PrismaClient): Promise<void> {
  const units = await creationCultivations(db);
  if (!units || (await db.acceptanceRequest.count({ where: { cultivationId: { in: units.map((unit) => unit.id) } } }))) return;
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const experts = await db.user.findMany({ where: { loginName: { in: ['expert1', 'expert2'] } }, select: { id: true } });
  const now = await dbNow(db);
  for (const [index, unit] of units.entries()) {
    const outcome = ACCEPTANCE_UNITS[index]!.outcome;
    const secretary = await db.roleAssignment.findFirst({ where: { organizationId: unit.organizationId, role: 'BRANCH_SECRETARY' }, select: { userId: true } });
    const requestedAt = new Date(now.getTime() - (outcome === 'WAITING' ? 3 : 15 + index) * DAY);
    const decided = outcome !== 'WAITING';
    const request = await db.acceptanceRequest.create({
      data: {
        cultivationId: unit.id,
        round: 1,
        status: outcome,
        ...REPORT,
        ledgerMonths: await db.ledgerReport.count({ where: { cultivationId: unit.id, reportedAt: { lte: requestedAt } } }),
        ledgerEntries: await db.ledgerEntry.count({ where: { cultivationId: unit.id, correctedBy: null, createdAt: { lte: requestedAt } } }),
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
