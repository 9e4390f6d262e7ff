import { db, type TTx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { sendBackToBranch } from '@/lib/application/service';
import { notifyEntryBranch } from '@/lib/notifications/entry-notices';
import { allChecked, checklistOf, normalizeChecks } from '@/lib/qualification/checklist';
import { assertQualifier } from '@/lib/qualification/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { isAtQualification, loadQualificationPool } from '@/lib/qualification/pool';
import { ZBulkPassInput, ZChecklistInput, ZQualifyInput, ZRevokeInput, type TBulkPassInput, type TChecklistInput, type TQualifyInput, type TRevokeInput } from '@/lib/qualification/schema';

type TContext = TAuditContext & { tx?: TTx };

const QUALIFIED_NOTICE = { kind: 'QUALIFICATION_PASSED', title: '「{brand}」已通过资格审查' } as const;

const NOT_AT_QUALIFICATION = '该申报当前不在资格审查环节（可能已被退回或推荐已撤回），请刷新页面后再试';

export const CAMPAIGN_SELECT = {
  id: true,
  status: true,
  program: true,
  ownerOrgId: true,
  recommendingDepths: true,
  qualificationChecklist: true,
  ownerOrg: { select: { path: true } },
  stages: { select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
} satisfies Prisma.CampaignSelect;

type TCampaign = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_SELECT }>;

function inTransaction<T>(context: TContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

/** Who may act, then whether the campaign runs with 资格审查 open — in that order, so outsiders learn nothing more. */
async function assertMayQualify(tx: TTx, context: TContext, campaign: TCampaign): Promise<Date> {
  await assertQualifier(tx, context.actorId, campaign.ownerOrg.path);
  return (await requireOperation(tx, campaign.id, 'qualify')).now;
}

/** Locks the entry (one decision about it at a time) and reads what qualifying it needs. */
async function lockEntry(tx: TTx, applicationId: string) {
  await tx.$queryRaw`SELECT id FROM applications WHERE id = ${applicationId} FOR NO KEY UPDATE`;
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      campaignId: true,
      brandName: true,
      campaign: { select: CAMPAIGN_SELECT },
      organization: { select: { path: true } },
      recommendations: { select: { organizationId: true, decision: true } },
      qualification: { select: { result: true, checks: true, reason: true } },
    },
  });
  if (!application) throw new AppError('NOT_FOUND', '申报不存在');
  return application;
}

/**
 * 资格审查 of one entry. PASSED needs every checklist item ticked and is stored; FAILED sends the entry back to the
 * branch for 重新申报 with the reason (kept on the returned version and in the audit log, not as a qualification row);
 * the committees' recommendations stand, so a revision submitted while 资格审查 is open comes straight back here.
 */
export async function qualifyApplication(input: TQualifyInput, context: TContext) {
  const { applicationId, checks: ticked, result, reason } = ZQualifyInput.parse(input);
  return inTransaction(context, async (tx) => {
    const application = await lockEntry(tx, applicationId);
    const now = await assertMayQualify(tx, context, application.campaign);
    if (application.status !== 'SUBMITTED' || !isAtQualification(application.campaign, application)) throw new AppError('CONFLICT', NOT_AT_QUALIFICATION);
    const checklist = checklistOf(application.campaign);
    const checks = normalizeChecks(checklist, ticked);
    const before = application.qualification;
    if (result === 'PASSED') {
      if (!allChecked(checklist, checks)) {
        throw new AppError('INVALID_INPUT', '所有审查项都符合才能通过；有不符合的项目，请选择“不通过”并写明理由', { checks: '请逐项勾选审查项' });
      }
      const data = { checks, result: 'PASSED' as const, reason: reason || null, reviewedById: context.actorId, reviewedAt: now };
      await tx.qualification.upsert({ where: { applicationId }, create: { ...data, applicationId, campaignId: application.campaignId }, update: data });
      await recordAudit(tx, context, { action: 'qualify-application', entityType: 'Application', entityId: applicationId, before, after: { result, checks, reason: data.reason } });
      await notifyEntryBranch(tx, applicationId, QUALIFIED_NOTICE);
      return { campaignId: application.campaignId, result };
    }
    const version = await sendBackToBranch(tx, applicationId, reason, context.actorId, 'QUALIFICATION');
    await recordAudit(tx, context, {
      action: 'fail-qualification',
      entityType: 'Application',
      entityId: applicationId,
      before: { status: 'SUBMITTED', qualification: before },
      after: { status: 'RETURNED', result, checks, reason, version },
    });
    return { campaignId: application.campaignId, result };
  });
}

/** Passes several obvious entries at once, every item ticked: all of them or none. */
export async function bulkPassQualifications(input: TBulkPassInput, context: TContext) {
  const { campaignId, applicationIds } = ZBulkPassInput.parse(input);
  return inTransaction(context, async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
    if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
    const now = await assertMayQualify(tx, context, campaign);
    // Sorted, so two bulk passes over overlapping entries lock in the same order and never deadlock.
    const sorted = [...applicationIds].sort();
    await tx.$queryRaw`SELECT id FROM applications WHERE id = ANY(${sorted}) ORDER BY id FOR NO KEY UPDATE`;
    const pool = await loadQualificationPool(tx, campaign, sorted);
    if (pool.length !== sorted.length) {
      const found = new Set(pool.map((entry) => entry.id));
      const missing = await tx.application.findMany({ where: { id: { in: sorted.filter((id) => !found.has(id)) } }, select: { brandName: true } });
      const names = missing.map((row) => `“${row.brandName || '未命名品牌'}”`).join('、');
      throw new AppError('CONFLICT', `${names || '部分申报'}当前不在资格审查环节，本次批量通过未作任何更改，请刷新页面后重新选择`);
    }
    const checks = Object.fromEntries(checklistOf(campaign).map((item) => [item, true]));
    for (const entry of pool) {
      const data = { checks, result: 'PASSED' as const, reason: null, reviewedById: context.actorId, reviewedAt: now };
      await tx.qualification.upsert({ where: { applicationId: entry.id }, create: { ...data, applicationId: entry.id, campaignId }, update: data });
      await recordAudit(tx, context, {
        action: 'qualify-application',
        entityType: 'Application',
        entityId: entry.id,
        before: entry.qualification && { result: entry.qualification.result, checks: entry.qualification.checks },
        after: { result: 'PASSED', checks, bulk: true },
      });
      await notifyEntryBranch(tx, entry.id, QUALIFIED_NOTICE);
    }
    return { campaignId, count: pool.length };
  });
}

/** Takes back a pass while the stage is open: the entry waits for 资格审查 again. */
export async function revokeQualification(input: TRevokeInput, context: TContext) {
  const { applicationId } = ZRevokeInput.parse(input);
  return inTransaction(context, async (tx) => {
    const application = await lockEntry(tx, applicationId);
    await assertMayQualify(tx, context, application.campaign);
    if (!application.qualification) throw new AppError('CONFLICT', '该申报还没有审查结果，无需撤销');
    await tx.qualification.delete({ where: { applicationId } });
    await recordAudit(tx, context, { action: 'revoke-qualification', entityType: 'Application', entityId: applicationId, before: application.qualification, after: null });
    return { campaignId: application.campaignId };
  });
}

/**
 * The campaign's own 资格审查 conditions. Set before the stage starts: once entries are being checked, a changed list
 * would make earlier ticks mean something else.
 */
export async function updateQualificationChecklist(input: TChecklistInput, context: TContext & { actorId: string }) {
  const { campaignId, items } = ZChecklistInput.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
    if (!campaign) throw new AppError('NOT_FOUND', '评选活动不存在');
    await assertQualifier(tx, context.actorId, campaign.ownerOrg.path);
    await requireOperation(tx, campaignId, 'edit-qualification-checklist');
    const before = checklistOf(campaign);
    await tx.campaign.update({ where: { id: campaignId }, data: { qualificationChecklist: items } });
    await recordAudit(tx, context, { action: 'update-qualification-checklist', entityType: 'Campaign', entityId: campaignId, before: { items: before }, after: { items } });
    return { campaignId, items };
  });
}
