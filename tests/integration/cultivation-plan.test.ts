import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { decidePlan, savePlanDraft, submitPlan } from '@/lib/cultivation/plan-service';
import { scheduleTasks } from '@/lib/cultivation/plan-schema';
import { brandTimeline } from '@/lib/brand-timeline/sources';
import { createCultivationScope } from '../support/cultivations';
import { rejection } from '../support/errors';

const context = (actorId: string) => ({ actorId, ip: '10.9.25.2' });
const complete = {
  goals: '打造“红色引擎”服务品牌，年内形成可复制的经验。',
  measures: '一是建强阵地；二是建立党员服务岗；三是每月开展主题党日。',
  tasks: [
    { title: '完成阵地改造', dueOn: '2026-12-20', responsible: '张书记' },
    { title: '制定品牌手册', dueOn: '2026-12-10', responsible: '李委员' },
  ],
};

describe('创建方案', () => {
  it('draft → submit → return with a reason → resubmit → approve; an approved plan refuses edits', async () => {
    const scope = await createCultivationScope();
    const secretary = context(scope.secretary.id);
    const first = await savePlanDraft({ cultivationId: scope.cultivation.id, revision: 0, goals: '初稿', measures: '', tasks: [] }, secretary);
    expect(first.revision).toBe(1);
    // An unfinished plan cannot be submitted, and says what is missing.
    const incomplete = await rejection(submitPlan({ cultivationId: scope.cultivation.id }, secretary));
    expect(incomplete.code).toBe('INVALID_INPUT');
    expect(incomplete.fieldErrors).toMatchObject({ measures: '请填写主要措施', tasks: '请至少添加一项任务（时间节点和责任人）' });
    // A save from a stale revision (another window) is refused, nothing overwritten.
    expect((await rejection(savePlanDraft({ cultivationId: scope.cultivation.id, revision: 0, ...complete }, secretary))).code).toBe('CONFLICT');
    const saved = await savePlanDraft({ cultivationId: scope.cultivation.id, revision: 1, ...complete }, secretary);
    await submitPlan({ cultivationId: scope.cultivation.id }, secretary);
    expect((await rejection(savePlanDraft({ cultivationId: scope.cultivation.id, revision: saved.revision + 1, ...complete }, secretary))).message).toContain('等待上级审核');

    // The sibling committee is told it does not exist; the branch may not decide its own plan; returning needs a reason.
    expect((await rejection(decidePlan({ cultivationId: scope.cultivation.id, decision: 'approve' }, context(scope.westAdmin.id)))).code).toBe('NOT_FOUND');
    expect((await rejection(decidePlan({ cultivationId: scope.cultivation.id, decision: 'approve' }, secretary))).code).toBe('FORBIDDEN');
    expect((await rejection(decidePlan({ cultivationId: scope.cultivation.id, decision: 'return' }, context(scope.committeeAdmin.id)))).code).toBe('INVALID_INPUT');

    await decidePlan({ cultivationId: scope.cultivation.id, decision: 'return', reason: '任务时间节点过于集中' }, context(scope.committeeAdmin.id));
    const returned = await db.cultivationPlan.findUniqueOrThrow({ where: { cultivationId: scope.cultivation.id } });
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '任务时间节点过于集中', decidedById: scope.committeeAdmin.id });
    const edited = await savePlanDraft({ cultivationId: scope.cultivation.id, revision: returned.revision, ...complete, goals: `${complete.goals}（修改）` }, secretary);
    await submitPlan({ cultivationId: scope.cultivation.id }, secretary);
    // The organization department above may decide too.
    await decidePlan({ cultivationId: scope.cultivation.id, decision: 'approve' }, context(scope.cityAdmin.id));
    const approved = await db.cultivationPlan.findUniqueOrThrow({ where: { cultivationId: scope.cultivation.id } });
    expect(approved).toMatchObject({ status: 'APPROVED', returnReason: null, decidedById: scope.cityAdmin.id });

    const refused = await rejection(savePlanDraft({ cultivationId: scope.cultivation.id, revision: approved.revision, ...complete }, secretary));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '创建方案已经批准，不能再修改；如需调整，请与上级党(工)委联系' });
    // The database refuses it too.
    await expect(db.cultivationPlan.update({ where: { id: approved.id }, data: { goals: '改' } })).rejects.toThrow();
    expect((await db.cultivationPlan.findUniqueOrThrow({ where: { id: approved.id } })).goals).toBe(`${complete.goals}（修改）`);
    expect(edited.revision).toBeGreaterThan(returned.revision);
    expect(await db.auditLog.count({ where: { entityId: approved.id, action: { in: ['submit-plan', 'return-plan', 'approve-plan'] } } })).toBe(4);

    // The inbox: the committee above (and the city) hear of each submission; the branch of the return with its reason and of
    // the approval; the sibling committee of nothing.
    const inbox = async (userId: string) =>
      (await db.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: 'asc' }, select: { kind: true, body: true, link: true } })).map((row) => [row.kind, row.body]);
    expect((await inbox(scope.committeeAdmin.id)).map(([kind]) => kind)).toEqual(['PLAN_SUBMITTED', 'PLAN_SUBMITTED']);
    expect((await inbox(scope.cityAdmin.id)).map(([kind]) => kind)).toEqual(['PLAN_SUBMITTED', 'PLAN_SUBMITTED']);
    expect(await inbox(scope.secretary.id)).toEqual([
      ['PLAN_RETURNED', '退回原因：任务时间节点过于集中'],
      ['PLAN_APPROVED', '请按方案推进创建，每月按时填写并上报台帐。'],
    ]);
    expect(await inbox(scope.westAdmin.id)).toEqual([]);
    expect((await db.notification.findFirstOrThrow({ where: { recipientId: scope.secretary.id } })).link).toBe(`/cultivation/${scope.cultivation.id}/plan`);

    // The brand's staff timeline shows the plan's last submission and its approval.
    const timeline = await brandTimeline(scope.cultivation.brandId);
    expect(timeline.filter((item) => item.kind === '创建方案').map((item) => item.title)).toEqual(['创建方案获批准', `提交创建方案（${scope.campaign.title}）`]);
  });

  it('sorts tasks by date with the days left (倒排工期)', () => {
    const tasks = scheduleTasks([...complete.tasks, { title: '未定', dueOn: '', responsible: '' }], '2026-12-06');
    expect(tasks.map((task) => [task.title, task.daysLeft])).toEqual([
      ['制定品牌手册', 4],
      ['完成阵地改造', 14],
      ['未定', null],
    ]);
  });
});
