import { randomUUID } from 'node:crypto';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { sendBackToBranch } from '@/lib/application/service';
import type { TRoleGrant } from '@/lib/auth/session';
import { actsFor, hasReachedLevel, isDecisionOpen, recommendingChain } from '@/lib/campaign/recommendation-chain';
import type { TLevelDeadline } from '@/lib/campaign/recommendation-deadline';
import { levelRefusal } from '@/lib/campaign/recommendation-level';
import { loadLifecycle } from '@/lib/campaign/lifecycle-db';
import { notifyEntryBranch } from '@/lib/notifications/entry-notices';
import {
  ZNotRecommendInput,
  ZOpinionInput,
  ZRankingInput,
  ZRecommendInput,
  ZReturnEntryInput,
  ZUndoDecisionInput,
  type TNotRecommendInput,
  type TOpinionInput,
  type TRankingInput,
  type TRecommendInput,
  type TReturnEntryInput,
  type TUndoDecisionInput,
} from '@/lib/recommendation/schema';

type TContext = TAuditContext & { actorId: string };

const NOT_FOUND_MESSAGE = '申报不存在或不在您的推荐范围内';

const CAMPAIGN_SELECT = {
  id: true,
  ownerOrgId: true,
  recommendingDepths: true,
  defaultQuota: true,
  recommendationDeadlines: { select: { depth: true, endsAt: true } },
} as const;

/** The level at `depth` decides in a running campaign inside the recommendation stage, until its own deadline — by database time. */
async function assertLevelOpen(tx: TTx, campaign: { id: string; recommendationDeadlines: readonly TLevelDeadline[] }, depth: number) {
  const { refusal } = levelRefusal(await loadLifecycle(tx, campaign.id), campaign.recommendationDeadlines, depth);
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/**
 * Locks the entry (FOR NO KEY UPDATE: one decision about it at a time) and works out where it stands relative to
 * `organizationId`. Anyone who does not act for that organization, or whose organization is not on the entry's way up,
 * learns only that it does not exist.
 */
async function lockEntryAtLevel(tx: TTx, applicationId: string, organizationId: string, grants: readonly TRoleGrant[]) {
  if (!actsFor(grants, organizationId)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  await tx.$queryRaw`SELECT id FROM applications WHERE id = ${applicationId} FOR NO KEY UPDATE`;
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      brandName: true,
      organization: { select: { path: true } },
      campaign: { select: CAMPAIGN_SELECT },
      recommendations: { select: { organizationId: true, decision: true } },
      qualification: { select: { result: true } },
    },
  });
  if (!application || application.status === 'DRAFT') throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const chain = recommendingChain(application.organization.path, application.campaign.ownerOrgId, application.campaign.recommendingDepths);
  const levelIndex = chain.indexOf(organizationId);
  if (levelIndex < 0) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const depth = application.organization.path.split('/').filter(Boolean).indexOf(organizationId);
  const decisions = new Map(application.recommendations.map((row) => [row.organizationId, row.decision]));
  if (application.status !== 'SUBMITTED' || !hasReachedLevel(chain, decisions, levelIndex)) throw new AppError('CONFLICT', '该申报尚未推荐到本级，或已退回申报单位');
  const decision = decisions.get(organizationId) ?? 'PENDING';
  const open = isDecisionOpen(chain, decisions, levelIndex, !!application.qualification);
  return { application, chain, decisions, levelIndex, depth, decision, open };
}

/**
 * The quota row of (campaign, organization), created on first use with limit null (= the campaign default), then
 * locked: every recommendation of that organization in that campaign queues here, so the count below is exact.
 */
async function lockQuota(tx: TTx, campaign: { id: string; defaultQuota: number }, organizationId: string) {
  await tx.$executeRaw`
    INSERT INTO quotas (id, campaign_id, organization_id, "limit") VALUES (${randomUUID()}, ${campaign.id}, ${organizationId}, NULL)
    ON CONFLICT (campaign_id, organization_id) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ limit: number | null }[]>`
    SELECT "limit" FROM quotas WHERE campaign_id = ${campaign.id} AND organization_id = ${organizationId} FOR UPDATE`;
  const used = await tx.recommendation.count({ where: { campaignId: campaign.id, organizationId, decision: 'RECOMMENDED' } });
  return { limit: row?.limit ?? campaign.defaultQuota, used };
}

/** 推荐: forwards the entry to the parent level, within the organization's quota. */
export async function recommendEntry(input: TRecommendInput, context: TContext) {
  const { applicationId, organizationId } = ZRecommendInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const entry = await lockEntryAtLevel(tx, applicationId, organizationId, grants);
    await assertLevelOpen(tx, entry.application.campaign, entry.depth);
    if (entry.decision === 'RECOMMENDED') throw new AppError('CONFLICT', '该申报已推荐');
    if (!entry.open) throw new AppError('CONFLICT', '上级已处理该申报，不能再修改本级的决定');
    const quota = await lockQuota(tx, entry.application.campaign, organizationId);
    if (quota.used >= quota.limit) {
      throw new AppError('QUOTA_EXCEEDED', `推荐名额已用完（已推荐 ${quota.used} / ${quota.limit}），如需推荐请先撤回其他推荐`);
    }
    const now = await dbNow(tx);
    const data = { decision: 'RECOMMENDED' as const, reason: null, decidedById: context.actorId, decidedAt: now };
    await tx.recommendation.upsert({
      where: { applicationId_organizationId: { applicationId, organizationId } },
      create: { campaignId: entry.application.campaign.id, applicationId, organizationId, ...data },
      update: data,
    });
    await recordAudit(tx, context, {
      action: 'recommend-entry',
      entityType: 'Application',
      entityId: applicationId,
      before: { organizationId, decision: entry.decision },
      after: { organizationId, decision: 'RECOMMENDED', used: quota.used + 1, limit: quota.limit },
    });
    await notifyEntryBranch(tx, applicationId, { kind: 'ENTRY_RECOMMENDED', title: '「{brand}」已获{org}推荐', orgId: organizationId });
    return { used: quota.used + 1, limit: quota.limit };
  });
}

/** 不推荐: keeps the entry at this level with a reason the branch can read. */
export async function notRecommendEntry(input: TNotRecommendInput, context: TContext) {
  const { applicationId, organizationId, reason } = ZNotRecommendInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const entry = await lockEntryAtLevel(tx, applicationId, organizationId, grants);
    await assertLevelOpen(tx, entry.application.campaign, entry.depth);
    if (!entry.open) throw new AppError('CONFLICT', '上级已处理该申报，不能再修改本级的决定');
    const now = await dbNow(tx);
    const data = { decision: 'NOT_RECOMMENDED' as const, reason, decidedById: context.actorId, decidedAt: now };
    await tx.recommendation.upsert({
      where: { applicationId_organizationId: { applicationId, organizationId } },
      create: { campaignId: entry.application.campaign.id, applicationId, organizationId, ...data },
      update: data,
    });
    await recordAudit(tx, context, {
      action: 'not-recommend-entry',
      entityType: 'Application',
      entityId: applicationId,
      before: { organizationId, decision: entry.decision },
      after: { organizationId, decision: 'NOT_RECOMMENDED', reason },
    });
    await notifyEntryBranch(tx, applicationId, { kind: 'ENTRY_NOT_RECOMMENDED', title: '「{brand}」未获{org}推荐', body: `理由：${reason}`, orgId: organizationId });
    return { id: applicationId };
  });
}

/** 撤回: undoes this level's decision while the next level has not acted; a withdrawn recommendation frees its place. */
export async function undoDecision(input: TUndoDecisionInput, context: TContext) {
  const { applicationId, organizationId } = ZUndoDecisionInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const entry = await lockEntryAtLevel(tx, applicationId, organizationId, grants);
    await assertLevelOpen(tx, entry.application.campaign, entry.depth);
    if (entry.decision === 'PENDING') throw new AppError('CONFLICT', '该申报尚未作出推荐决定');
    if (!entry.open) throw new AppError('CONFLICT', '上级已处理该申报，不能撤回');
    await tx.recommendation.update({
      where: { applicationId_organizationId: { applicationId, organizationId } },
      data: { decision: 'PENDING', reason: null, decidedById: null, decidedAt: null },
    });
    await recordAudit(tx, context, {
      action: 'undo-recommendation',
      entityType: 'Application',
      entityId: applicationId,
      before: { organizationId, decision: entry.decision },
      after: { organizationId, decision: 'PENDING' },
    });
    return { id: applicationId };
  });
}

/** 推荐意见 of this level on one entry; may be written until the level's decision is closed. */
export async function saveOpinion(input: TOpinionInput, context: TContext) {
  const { applicationId, organizationId, opinion } = ZOpinionInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const entry = await lockEntryAtLevel(tx, applicationId, organizationId, grants);
    await assertLevelOpen(tx, entry.application.campaign, entry.depth);
    if (!entry.open) throw new AppError('CONFLICT', '上级已处理该申报，不能再修改推荐意见');
    const saved = await tx.recommendation.upsert({
      where: { applicationId_organizationId: { applicationId, organizationId } },
      create: { campaignId: entry.application.campaign.id, applicationId, organizationId, opinion },
      update: { opinion },
      select: { opinion: true, updatedAt: true },
    });
    await recordAudit(tx, context, { action: 'save-recommendation-opinion', entityType: 'Application', entityId: applicationId, after: { organizationId, opinion } });
    return saved;
  });
}

/** 退回重新申报 by the level the entry stands at; the branch revises and the entry climbs again from the bottom. */
export async function returnEntry(input: TReturnEntryInput, context: TContext) {
  const { applicationId, organizationId, reason } = ZReturnEntryInput.parse(input);
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    const entry = await lockEntryAtLevel(tx, applicationId, organizationId, grants);
    await assertLevelOpen(tx, entry.application.campaign, entry.depth);
    if (entry.decision === 'RECOMMENDED') throw new AppError('CONFLICT', '已推荐的申报请先撤回推荐再退回');
    const version = await sendBackToBranch(tx, applicationId, reason, context.actorId);
    await recordAudit(tx, context, {
      action: 'return-application',
      entityType: 'Application',
      entityId: applicationId,
      before: { status: 'SUBMITTED', organizationId, decision: entry.decision },
      after: { status: 'RETURNED', reason, version },
    });
    return { id: applicationId };
  });
}

/** The level's own order of its entries (1 = first), as shown on the 推荐汇总表. */
export async function saveRanking(input: TRankingInput, context: TContext) {
  const { campaignId, organizationId, order } = ZRankingInput.parse(input);
  if (new Set(order).size !== order.length) throw new AppError('INVALID_INPUT', '排序中有重复的申报');
  return db.$transaction(async (tx) => {
    const grants = await loadGrants(tx, context.actorId);
    if (!actsFor(grants, organizationId)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { depth: true } });
    if (!campaign || !organization) throw new AppError('NOT_FOUND', '评选活动不存在');
    await assertLevelOpen(tx, campaign, organization.depth);
    const entries = await tx.application.findMany({
      where: { id: { in: order }, campaignId, status: 'SUBMITTED' },
      select: { id: true, organization: { select: { path: true } }, recommendations: { select: { organizationId: true, decision: true } } },
    });
    const atLevel = entries.filter((entry) => {
      const chain = recommendingChain(entry.organization.path, campaign.ownerOrgId, campaign.recommendingDepths);
      const decisions = new Map(entry.recommendations.map((row) => [row.organizationId, row.decision]));
      return hasReachedLevel(chain, decisions, chain.indexOf(organizationId));
    });
    if (atLevel.length !== order.length) throw new AppError('CONFLICT', '列表已有变化，请刷新后重新排序');
    for (const [index, applicationId] of order.entries()) {
      await tx.recommendation.upsert({
        where: { applicationId_organizationId: { applicationId, organizationId } },
        create: { campaignId, applicationId, organizationId, rank: index + 1 },
        update: { rank: index + 1 },
      });
    }
    await recordAudit(tx, context, { action: 'rank-entries', entityType: 'Campaign', entityId: campaignId, after: { organizationId, order } });
    return { count: order.length };
  });
}
