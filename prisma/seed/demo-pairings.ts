// 结对共建 in the demo (issue 20, seeds 000/002/004): 石桥村党支部, whose 示范点 was revoked, is flagged 后进 and paired
// with 红旗村党支部 (brand 红旗领航) by 五里营镇党委 for 2026, with joint activities in several months (they show in 红旗村's
// 台帐 and on 石桥村's pairing page); 市发展改革委机关党支部 (发改先锋) helped 星河物流有限公司 in 2025 (机关与企业结对帮扶),
// reviewed 良好 by 市直机关工委.
import type { PrismaClient } from '@/lib/generated/prisma/client';

const LAGGING = [
  { orgCode: 'SF-XC-WY-01', note: '示范点复查不达标被摘牌，“三会一课”记录不全，党员活动室长期闲置。' },
] as const;

const BRANCH_GOALS = '一、帮助石桥村党支部规范“三会一课”和主题党日，建立台帐；\n二、共享红旗村党群服务中心阵地，联合开展志愿服务；\n三、年底前恢复党员活动室常态开放，争取重新申报示范点。';
const ENTERPRISE_GOALS = '机关党支部与星河物流有限公司结对帮扶：政策宣讲进企业、帮助企业筹建党支部、解决用工和审批难题。';

const BRANCH_ACTIVITIES = [
  { day: '2026-03-12', activity: '结对启动暨联合主题党日', place: '红旗村党群服务中心', participants: '两村党员 46 人', summary: '签订结对共建协议，红旗村书记讲“红旗领航”做法，共同重温入党誓词。' },
  { day: '2026-05-20', activity: '“三会一课”规范化现场教学', place: '石桥村村委会', participants: '两村支委 10 人', summary: '红旗村支委现场示范支部委员会议流程，帮助石桥村补齐会议记录和台帐。' },
  { day: '2026-07-01', activity: '“七一”联合志愿服务', place: '石桥村文化广场', participants: '两村党员 38 人、群众 120 余人', summary: '义诊、理发、农技咨询，党员认领群众微心愿 16 个。' },
  { day: '2026-09-18', activity: '党员活动室改造推进会', place: '石桥村党员活动室', participants: '两村支委、镇党委组织委员', summary: '议定活动室改造清单：制度上墙、书报角、每周二、五开放。' },
  { day: '2026-11-10', activity: '冬季“红旗领航”讲堂', place: '红旗村党群服务中心', participants: '两村党员 41 人', summary: '学习党的二十届四中全会精神，石桥村党员交流整改体会。' },
] as const;

const ENTERPRISE_ACTIVITIES = [
  { day: '2025-04-15', activity: '政策宣讲进企业', place: '星河物流有限公司会议室', participants: '机关党员 8 人、企业员工 60 人', summary: '宣讲稳就业、减税降费政策，现场解答 23 个问题。' },
  { day: '2025-08-22', activity: '帮助企业筹建党支部', place: '星河物流有限公司', participants: '机关党员 5 人、企业党员 7 人', summary: '梳理企业党员组织关系，指导召开党员大会筹备会。' },
] as const;

async function orgByCode(db: PrismaClient, code: string) {
  return db.organization.findUniqueOrThrow({ where: { code }, select: { id: true, brands: { select: { id: true }, orderBy: { createdAt: 'asc' }, take: 1 } } });
}

/** Idempotent: the flags are set as written, each pairing once (by its parties and start), its activities once. */
export async function seedDemoPairings(db: PrismaClient): Promise<void> {
  const admin = await db.user.findUniqueOrThrow({ where: { loginName: 'admin' }, select: { id: true } });
  const jgAdmin = await db.user.findUniqueOrThrow({ where: { loginName: 'jg-admin' }, select: { id: true } });
  for (const flag of LAGGING) await db.organization.update({ where: { code: flag.orgCode }, data: { isLagging: true, laggingNote: flag.note } });

  const committee = await orgByCode(db, 'SF-XC-WY');
  const hongqi = await orgByCode(db, 'SF-XC-WY-02');
  const shiqiao = await orgByCode(db, 'SF-XC-WY-01');
  const branchPairing =
    (await db.pairing.findFirst({ where: { brandOrgId: hongqi.id, partnerOrgId: shiqiao.id, startsOn: new Date('2026-03-01') }, select: { id: true } })) ??
    (await db.pairing.create({
      data: {
        committeeOrgId: committee.id,
        brandOrgId: hongqi.id,
        brandId: hongqi.brands[0]?.id ?? null,
        kind: 'BRANCH',
        partnerOrgId: shiqiao.id,
        goals: BRANCH_GOALS,
        startsOn: new Date('2026-03-01'),
        endsOn: new Date('2026-12-31'),
        createdById: admin.id,
      },
      select: { id: true },
    }));
  if (!(await db.pairingActivity.count({ where: { pairingId: branchPairing.id } }))) {
    await db.pairingActivity.createMany({
      data: BRANCH_ACTIVITIES.map((entry) => ({ pairingId: branchPairing.id, occurredOn: new Date(entry.day), activity: entry.activity, place: entry.place, participants: entry.participants, summary: entry.summary, createdById: admin.id })),
    });
  }

  const jg = await orgByCode(db, 'SF-JG');
  const fgw = await orgByCode(db, 'SF-JG-01');
  const enterprise =
    (await db.pairing.findFirst({ where: { brandOrgId: fgw.id, kind: 'ENTERPRISE', partnerName: '星河物流有限公司' }, select: { id: true } })) ??
    (await db.pairing.create({
      data: {
        committeeOrgId: jg.id,
        brandOrgId: fgw.id,
        brandId: fgw.brands[0]?.id ?? null,
        kind: 'ENTERPRISE',
        partnerName: '星河物流有限公司',
        goals: ENTERPRISE_GOALS,
        startsOn: new Date('2025-03-01'),
        endsOn: new Date('2025-12-31'),
        status: 'REVIEWED',
        verdict: 'GOOD',
        reviewNote: '结对帮扶扎实，企业党支部已成立；建议 2026 年继续在用工服务上深化。',
        reviewedAt: new Date('2026-01-12T10:00:00+08:00'),
        reviewedById: jgAdmin.id,
        createdById: jgAdmin.id,
      },
      select: { id: true },
    }));
  if (!(await db.pairingActivity.count({ where: { pairingId: enterprise.id } }))) {
    await db.pairingActivity.createMany({
      data: ENTERPRISE_ACTIVITIES.map((entry) => ({ pairingId: enterprise.id, occurredOn: new Date(entry.day), activity: entry.activity, place: entry.place, participants: entry.participants, summary: entry.summary, createdById: jgAdmin.id })),
    });
  }
}
