// 分配专家: preview the automatic plan, commit exactly that plan, add or remove single experts by hand with a reason.
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { planAssignments, type TAssignPlan } from '@/lib/review/assignment';
import { CONFLICT_LABELS, conflictOf } from '@/lib/review/conflicts';
import { loadAssignmentInputs, loadReviewCampaign, type TAssignmentInputs, type TReviewCampaign } from '@/lib/review/pool';
import { notifyAssignedExperts, scheduleReviewReminder } from '@/lib/review/review-reminder';
import {
  ZCampaignRound,
  ZCommitAssignment,
  ZDisputeRound,
  ZManualAssignment,
  ZRemoveAssignment,
  type TCommitAssignmentInput,
  type TDisputeRoundInput,
  type TManualAssignmentInput,
  type TRemoveAssignmentInput,
} from '@/lib/review/schema';

type TContext = TAuditContext & { actorId: string };

/** A stable digest of what the plan adds: the commit must add exactly what the admin previewed. */
export function planFingerprint(plan: Pick<TAssignPlan, 'add'>): string {
  const rows = plan.add.map((row) => `${row.entryId}:${row.expertId}`).sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 32);
}

/** The automatic plan for the campaign's rules and the loaded state: the same seed and state always give the same plan. */
export function planFor(campaign: Pick<TReviewCampaign, 'ownerOrgId' | 'expertsPerEntry' | 'reviewCapPerExpert'>, inputs: TAssignmentInputs, seed: number) {
  const plan = planAssignments({
    entries: inputs.assignEntries,
    experts: inputs.assignExperts,
    ownerOrgId: campaign.ownerOrgId,
    perEntry: campaign.expertsPerEntry,
    cap: campaign.reviewCapPerExpert,
    declared: inputs.declared,
    seed,
  });
  return { seed, plan, fingerprint: planFingerprint(plan) };
}

/** The plan as the preview shows it; nothing is written. */
export async function previewAssignment(input: { campaignId: string; round?: number }, actorId: string, seed = Math.floor(Math.random() * 2 ** 31)) {
  const { campaignId, round } = ZCampaignRound.parse(input);
  const campaign = await loadReviewCampaign(db, campaignId, await loadGrants(db, actorId));
  const inputs = await loadAssignmentInputs(db, campaign, round);
  return { ...planFor(campaign, inputs, seed), experts: inputs.experts };
}

/**
 * Commits the previewed plan. The campaign row is locked (commits and manual changes queue up), the plan is worked out
 * again from the same seed, and refused when it no longer matches the preview — someone changed something in between.
 */
export async function commitAssignment(input: TCommitAssignmentInput, context: TContext) {
  const { campaignId, round, seed, fingerprint } = ZCommitAssignment.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
    const campaign = await loadReviewCampaign(tx, campaignId, await loadGrants(tx, context.actorId));
    await requireOperation(tx, campaign.id, 'assign-experts');
    const inputs = await loadAssignmentInputs(tx, campaign, round);
    if (!inputs.entries.length) throw new AppError('CONFLICT', '品牌清单尚未发布，没有需要评审的品牌');
    const { plan, fingerprint: current } = planFor(campaign, inputs, seed);
    if (current !== fingerprint) throw new AppError('CONFLICT', '专家或分配情况在预览后发生了变化，请重新预览后再确认');
    if (!plan.add.length) throw new AppError('CONFLICT', '没有需要新增的分配');
    await tx.reviewAssignment.createMany({ data: plan.add.map((row) => ({ campaignId, applicationId: row.entryId, expertId: row.expertId, round, source: 'AUTO' as const })) });
    await recordAudit(tx, context, {
      action: 'assign-experts',
      entityType: 'Campaign',
      entityId: campaignId,
      after: { round, seed, count: plan.add.length, cap: plan.cap, shortfalls: plan.shortfalls, assignments: plan.add.map((row) => [row.entryId, row.expertId]) },
    });
    await notifyAssignedExperts(tx, campaign, plan.add.map((row) => row.expertId));
    await scheduleReviewReminder(tx, campaignId);
    return { count: plan.add.length, shortfalls: plan.shortfalls.length };
  });
}

/** Adds one expert to one entry by hand, with a reason; conflicts are refused with what the conflict is. */
export async function addAssignment(input: TManualAssignmentInput, context: TContext) {
  const { campaignId, applicationId, expertId, round, reason } = ZManualAssignment.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
    const campaign = await loadReviewCampaign(tx, campaignId, await loadGrants(tx, context.actorId));
    await requireOperation(tx, campaign.id, 'assign-experts');
    const inputs = await loadAssignmentInputs(tx, campaign, round);
    const entry = inputs.assignEntries.find((candidate) => candidate.id === applicationId);
    if (!entry) throw new AppError('NOT_FOUND', '该申报不在已发布的品牌清单中');
    const expert = inputs.assignExperts.find((candidate) => candidate.id === expertId);
    if (!expert) throw new AppError('NOT_FOUND', '该专家不在本活动的专家库中');
    const conflict = conflictOf(expert, entry, campaign.ownerOrgId, inputs.declared);
    if (conflict) throw new AppError('CONFLICT', `不能分配：${CONFLICT_LABELS[conflict]}，应当回避`);
    if (entry.assigned.includes(expertId)) throw new AppError('CONFLICT', '该专家已分配给这个品牌');
    const created = await tx.reviewAssignment.create({ data: { campaignId, applicationId, expertId, round, source: 'MANUAL', reason }, select: { id: true } });
    await recordAudit(tx, context, { action: 'add-review-assignment', entityType: 'ReviewAssignment', entityId: created.id, after: { applicationId, expertId, round, reason } });
    await notifyAssignedExperts(tx, campaign, [expertId]);
    await scheduleReviewReminder(tx, campaignId);
    return created;
  });
}

/** Removes an expert from an entry with a reason, while the sheet has not been submitted. */
export async function removeAssignment(input: TRemoveAssignmentInput, context: TContext) {
  const { assignmentId, reason } = ZRemoveAssignment.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: { campaignId: true } });
    if (!found) throw new AppError('NOT_FOUND', '评分表不存在');
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${found.campaignId} FOR NO KEY UPDATE`;
    const campaign = await loadReviewCampaign(tx, found.campaignId, await loadGrants(tx, context.actorId));
    await requireOperation(tx, campaign.id, 'assign-experts');
    const assignment = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: { applicationId: true, expertId: true, round: true, submittedAt: true } });
    if (!assignment) throw new AppError('NOT_FOUND', '评分表不存在');
    if (assignment.submittedAt) throw new AppError('CONFLICT', '该专家已提交评分，不能移除；如评分有误，请重新开放评分表');
    await tx.reviewAssignment.delete({ where: { id: assignmentId } });
    await recordAudit(tx, context, { action: 'remove-review-assignment', entityType: 'ReviewAssignment', entityId: assignmentId, before: assignment, after: { reason } });
    return { campaignId: found.campaignId };
  });
}

/**
 * 复议: a new round for one entry with the same experts as its latest round (staff may then add or remove experts of
 * that round by hand). The ranking counts the new round once any of its sheets is submitted.
 */
export async function startDisputeRound(input: TDisputeRoundInput, context: TContext) {
  const { campaignId, applicationId, reason } = ZDisputeRound.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
    const campaign = await loadReviewCampaign(tx, campaignId, await loadGrants(tx, context.actorId));
    await requireOperation(tx, campaign.id, 'assign-experts');
    const sheets = await tx.reviewAssignment.findMany({ where: { campaignId, applicationId }, select: { expertId: true, round: true, submittedAt: true } });
    if (!sheets.length) throw new AppError('CONFLICT', '该品牌还没有评审，不能复议');
    const latest = Math.max(...sheets.map((sheet) => sheet.round));
    const current = sheets.filter((sheet) => sheet.round === latest);
    if (current.some((sheet) => !sheet.submittedAt)) throw new AppError('CONFLICT', `第 ${latest} 轮还有专家未提交评分，请等全部提交后再发起复议`);
    const round = latest + 1;
    await tx.reviewAssignment.createMany({ data: current.map((sheet) => ({ campaignId, applicationId, expertId: sheet.expertId, round, source: 'MANUAL' as const, reason })) });
    await recordAudit(tx, context, { action: 'start-dispute-round', entityType: 'Application', entityId: applicationId, after: { round, reason, experts: current.map((sheet) => sheet.expertId) } });
    await notifyAssignedExperts(tx, campaign, current.map((sheet) => sheet.expertId));
    await scheduleReviewReminder(tx, campaignId);
    return { round, count: current.length };
  });
}
