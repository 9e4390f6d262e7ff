// 创建方案: the brand's organization saves drafts (optimistic lock on `revision`) and submits; a committee or organization
// department above it approves or returns it with a reason. An approved plan is frozen (also by trigger, migration 0025).
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { usersAbove, usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';
import { loadGrants } from '@/lib/application/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { assertCultivating, assertKeeper, assertOverseer, loadCultivation, type TCultivationTarget } from '@/lib/cultivation/access';
import { planSubmitErrors, ZPlanDecision, ZPlanDraft, ZPlanRef, type TPlanDecisionInput, type TPlanDraftInput, type TPlanTask } from '@/lib/cultivation/plan-schema';

type TContext = TAuditContext & { actorId: string };

const APPROVED = '创建方案已经批准，不能再修改；如需调整，请与上级党(工)委联系';
const SUBMITTED = '创建方案已提交，正在等待上级审核，暂不能修改';

async function openPlan(tx: TTx, cultivationId: string, actorId: string): Promise<TCultivationTarget> {
  const target = await loadCultivation(tx, cultivationId, true);
  assertKeeper(await loadGrants(tx, actorId), target);
  assertCultivating(target);
  await requireOperation(tx, target.campaignId, 'write-plan');
  return target;
}

/** Autosave: the whole form, from the revision it started from; returns the new revision. */
export async function savePlanDraft(input: TPlanDraftInput, context: TContext) {
  const data = ZPlanDraft.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openPlan(tx, data.cultivationId, context.actorId);
    const plan = await tx.cultivationPlan.findUnique({ where: { cultivationId: target.id }, select: { id: true, status: true, revision: true } });
    if (plan?.status === 'APPROVED') throw new AppError('CONFLICT', APPROVED);
    if (plan?.status === 'SUBMITTED') throw new AppError('CONFLICT', SUBMITTED);
    if ((plan?.revision ?? 0) !== data.revision) throw new AppError('CONFLICT', '创建方案已在另一个窗口保存过，本窗口的内容已保留，请复制后刷新页面');
    const fields = { goals: data.goals, measures: data.measures, tasks: data.tasks };
    const saved = plan
      ? await tx.cultivationPlan.update({ where: { id: plan.id }, data: { ...fields, revision: { increment: 1 } }, select: { id: true, revision: true, updatedAt: true } })
      : await tx.cultivationPlan.create({ data: { cultivationId: target.id, ...fields, revision: 1 }, select: { id: true, revision: true, updatedAt: true } });
    await recordAudit(tx, context, { action: 'save-plan', entityType: 'CultivationPlan', entityId: saved.id, after: { cultivationId: target.id, revision: saved.revision, tasks: data.tasks.length } });
    return saved;
  });
}

export async function submitPlan(input: { cultivationId: string }, context: TContext) {
  const { cultivationId } = ZPlanRef.parse(input);
  return db.$transaction(async (tx) => {
    const target = await openPlan(tx, cultivationId, context.actorId);
    const plan = await tx.cultivationPlan.findUnique({ where: { cultivationId: target.id } });
    if (!plan) throw new AppError('CONFLICT', '请先填写创建方案');
    if (plan.status === 'APPROVED') throw new AppError('CONFLICT', APPROVED);
    if (plan.status === 'SUBMITTED') throw new AppError('CONFLICT', '创建方案已经提交，请等待上级审核');
    const errors = planSubmitErrors({ goals: plan.goals, measures: plan.measures, tasks: plan.tasks as TPlanTask[] });
    if (Object.keys(errors).length) throw new AppError('INVALID_INPUT', '创建方案还有未填写完整的内容', errors);
    const submitted = await tx.cultivationPlan.update({
      where: { id: plan.id },
      data: { status: 'SUBMITTED', submittedAt: await dbNow(tx), returnReason: null, revision: { increment: 1 } },
      select: { id: true, status: true },
    });
    await recordAudit(tx, context, { action: 'submit-plan', entityType: 'CultivationPlan', entityId: plan.id, after: { cultivationId: target.id, brand: target.brandName } });
    await notify(tx, await usersAbove(tx, ['COMMITTEE_ADMIN', 'ORG_ADMIN'], target.organization.path), {
      kind: 'PLAN_SUBMITTED',
      title: `${target.organization.name}提交了“${target.brandName}”的创建方案`,
      body: `「${target.campaign.title}」请审核后批准或退回。`,
      link: `/cultivation/${target.id}/plan`,
      campaignId: target.campaignId,
    });
    return submitted;
  });
}

export async function decidePlan(input: TPlanDecisionInput, context: TContext) {
  const { cultivationId, decision, reason } = ZPlanDecision.parse(input);
  return db.$transaction(async (tx) => {
    const target = await loadCultivation(tx, cultivationId, true);
    assertOverseer(await loadGrants(tx, context.actorId), target);
    await requireOperation(tx, target.campaignId, 'decide-plan');
    const plan = await tx.cultivationPlan.findUnique({ where: { cultivationId: target.id }, select: { id: true, status: true } });
    if (!plan || plan.status === 'DRAFT') throw new AppError('CONFLICT', '该品牌的创建方案尚未提交');
    if (plan.status === 'APPROVED') throw new AppError('CONFLICT', '创建方案已经批准');
    if (plan.status === 'RETURNED') throw new AppError('CONFLICT', '创建方案已退回，等待重新提交');
    const approve = decision === 'approve';
    await tx.$executeRaw`
      UPDATE cultivation_plans
      SET status = ${approve ? 'APPROVED' : 'RETURNED'}::"PlanStatus", decided_at = now(), decided_by_id = ${context.actorId},
          return_reason = ${approve ? null : reason}, revision = revision + 1, updated_at = now()
      WHERE id = ${plan.id}`;
    await recordAudit(tx, context, {
      action: approve ? 'approve-plan' : 'return-plan',
      entityType: 'CultivationPlan',
      entityId: plan.id,
      after: { cultivationId: target.id, brand: target.brandName, ...(approve ? {} : { reason }) },
    });
    await notify(tx, await usersCovering(tx, ['BRANCH_SECRETARY'], target.organization.path), {
      kind: approve ? 'PLAN_APPROVED' : 'PLAN_RETURNED',
      title: approve ? `“${target.brandName}”的创建方案已批准` : `“${target.brandName}”的创建方案被退回`,
      body: approve ? '请按方案推进创建，每月按时填写并上报台帐。' : `退回原因：${reason}`,
      link: `/cultivation/${target.id}/plan`,
      campaignId: target.campaignId,
    });
    return { id: plan.id, status: approve ? ('APPROVED' as const) : ('RETURNED' as const) };
  });
}
