// Demo 培育创建 for cultivations the demo already holds: each brand's 创建方案 (approved; one returned with a
// reason) and its 台帐 for every month of the 创建期 already due — entries on three days of the month and the 上报
// (one in four late, and one month of one brand never reported). Written straight to the tables with past
// timestamps (the services stamp database time, which would make every month "today"); idempotent per cultivation.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dbNow } from '@/lib/db';
import { loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { ledgerDueAt, monthDate, shanghaiDay } from '@/lib/cultivation/ledger-schedule';

const DAY = 86_400_000;

const ACTIVITIES = [
  { activity: '主题党日：学习党的创新理论', place: '党员活动室', participants: '全体党员', summary: '集中学习、交流发言，党员结合岗位谈体会。' },
  { activity: '“红色管家”志愿服务', place: '辖区小区', participants: '党员志愿者 12 人', summary: '走访独居老人，排查楼道安全隐患，收集居民诉求 8 条。' },
  { activity: '品牌创建推进会', place: '会议室', participants: '支委委员、党小组长', summary: '对照创建方案逐项检查进度，明确下月任务和责任人。' },
];

const PLAN = {
  goals: '用一年时间把品牌打造成群众认可、特色鲜明的基层党建品牌：形成一套工作机制、一支骨干队伍、一批可复制的经验。',
  measures: '一是建强阵地，完善党群服务站功能；二是设立党员先锋岗，推行“一岗一承诺”；三是每月开展主题党日和志愿服务；四是建立台帐，按月总结。',
};

/** `returnedPlan`: the cultivation whose plan its committee returned; `missingMonth`: the one that never reported a month. */
export async function seedLedgers(db: PrismaClient, cultivationIds: readonly string[], roles: { returnedPlan?: string; missingMonth?: string } = {}): Promise<void> {
  const now = await dbNow(db);
  const admin = await db.user.findFirst({ where: { roleAssignments: { some: { role: 'ORG_ADMIN' } } }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  for (const [index, cultivationId] of cultivationIds.entries()) {
    const cultivation = await db.cultivation.findUniqueOrThrow({
      where: { id: cultivationId },
      select: {
        campaignId: true,
        campaign: { select: { ledgerDueDay: true, stages: { where: { kind: 'CULTIVATION' }, select: { startsAt: true } } } },
        brand: { select: { organization: { select: { roleAssignments: { where: { role: 'BRANCH_SECRETARY' }, select: { userId: true }, take: 1 } } } } },
        plan: { select: { id: true } },
        _count: { select: { ledgerEntries: true } },
      },
    });
    const stageStart = cultivation.campaign.stages[0]?.startsAt;
    if (!stageStart) continue;
    const secretaryId = cultivation.brand.organization.roleAssignments[0]?.userId ?? null;

    if (!cultivation.plan) {
      const start = shanghaiDay(stageStart);
      const task = (title: string, days: number, responsible: string) => ({ title, dueOn: shanghaiDay(new Date(Date.parse(`${start}T00:00:00+08:00`) + days * DAY)), responsible });
      const returned = cultivationId === roles.returnedPlan;
      await db.cultivationPlan.create({
        data: {
          cultivationId,
          ...PLAN,
          tasks: [task('完成党群服务站改造', 30, '支部书记'), task('设立党员先锋岗', 45, '组织委员'), task('形成品牌工作手册', 120, '宣传委员')],
          status: returned ? 'RETURNED' : 'APPROVED',
          revision: 2,
          submittedAt: new Date(stageStart.getTime() + 7 * DAY),
          decidedAt: new Date(stageStart.getTime() + 10 * DAY),
          decidedById: admin?.id ?? null,
          returnReason: returned ? '任务的时间节点过于集中在后期，请按月分解并明确每项的完成标志' : null,
        },
      });
    }
    if (cultivation._count.ledgerEntries > 0) continue;

    const { months } = await loadGridCampaign(cultivation.campaignId, db);
    const due = months.filter((month) => ledgerDueAt(month, cultivation.campaign.ledgerDueDay) <= now);
    const firstDay = shanghaiDay(stageStart);
    for (const [position, month] of due.entries()) {
      const days = [5, 12, 20].map((day) => `${month}-${String(day).padStart(2, '0')}`).filter((day) => day >= firstDay);
      for (const [slot, day] of days.entries()) {
        await db.ledgerEntry.create({
          data: { cultivationId, month: monthDate(month), occurredOn: new Date(`${day}T00:00:00Z`), ...ACTIVITIES[slot % ACTIVITIES.length], createdById: secretaryId, createdAt: new Date(`${day}T18:00:00+08:00`) },
        });
      }
      // One brand never reported its second-to-last due month.
      if (!days.length || (cultivationId === roles.missingMonth && position === due.length - 2)) continue;
      const dueAt = ledgerDueAt(month, cultivation.campaign.ledgerDueDay);
      const isLate = (index + position) % 4 === 3;
      const reportedAt = new Date(dueAt.getTime() + (isLate ? 2 * DAY + 2 * 3_600_000 : -2 * DAY - 6 * 3_600_000));
      await db.ledgerReport.create({ data: { cultivationId, month: monthDate(month), dueAt, reportedAt, isLate, reportedById: secretaryId, entryCount: days.length } });
    }
  }
}
