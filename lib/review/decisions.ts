// 部务会初评 and 领导小组审定: recorded meetings that turn the ranking into the award list. A draft is edited freely; a
// signed decision is immutable (a database trigger refuses changes) and a correction is a new version with a reason.
import { z } from 'zod';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import type { DecisionKind } from '@/lib/generated/prisma/enums';
import { loadReviewCampaign, type TReviewCampaign } from '@/lib/review/pool';
import { proposeAwards } from '@/lib/review/proposal';
import { loadRanking } from '@/lib/review/results';

type TContext = TAuditContext & { actorId: string };

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = { PRELIMINARY: '部务会初评', FINAL: '领导小组审定' };

export const ZCreateDecision = z.object({
  campaignId: z.string().min(1),
  kind: z.enum(['PRELIMINARY', 'FINAL']),
  correctionReason: z.string().trim().max(500, '更正理由不能超过 500 个字').default(''),
});
export const ZDecisionDraft = z.object({
  decisionId: z.string().min(1),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择会议日期'),
  attendees: z.string().trim().max(500, '参会人员不能超过 500 个字'),
  notes: z.string().trim().max(2000, '会议说明不能超过 2000 个字'),
  items: z.array(z.object({ applicationId: z.string().min(1), awardId: z.string().min(1).nullable(), changeReason: z.string().trim().max(300, '调整理由不能超过 300 个字').default('') })).max(5000),
});
export const ZSignDecision = z.object({ decisionId: z.string().min(1) });

export type TCreateDecisionInput = z.input<typeof ZCreateDecision>;
export type TDecisionDraftInput = z.input<typeof ZDecisionDraft>;

async function lockCampaignFor(tx: TTx, campaignId: string, actorId: string) {
  await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
  const campaign = await loadReviewCampaign(tx, campaignId, await loadGrants(tx, actorId));
  if (campaign.status !== 'PUBLISHED') throw new AppError('CONFLICT', '评选活动不在进行中，不能记录初评或审定');
  return campaign;
}

const latestSigned = (tx: TTx, campaignId: string, kind: DecisionKind) =>
  tx.decision.findFirst({ where: { campaignId, kind, signedAt: { not: null } }, orderBy: { version: 'desc' }, select: { id: true, version: true, items: true } });

/** The items a new decision starts from: the ranking's proposal (初评) or the signed 初评 (审定); a correction keeps the awards it corrects. */
async function startingItems(tx: TTx, campaign: TReviewCampaign, kind: DecisionKind) {
  const previous = await latestSigned(tx, campaign.id, kind);
  const keep = new Map(previous?.items.map((item) => [item.applicationId, item.awardId]) ?? []);
  if (kind === 'FINAL') {
    const preliminary = await latestSigned(tx, campaign.id, 'PRELIMINARY');
    if (!preliminary) throw new AppError('CONFLICT', '部务会初评签署后才能进行领导小组审定');
    return preliminary.items.map((item) => ({
      applicationId: item.applicationId,
      rank: item.rank,
      score: item.score,
      proposedAwardId: item.awardId,
      awardId: keep.has(item.applicationId) ? keep.get(item.applicationId)! : item.awardId,
    }));
  }
  const ranking = await loadRanking(campaign, tx);
  if (!ranking.rows.length) throw new AppError('CONFLICT', '还没有评审结果，不能进行初评');
  const awards = await tx.award.findMany({ where: { campaignId: campaign.id }, select: { id: true, kind: true, count: true, fieldId: true, sortOrder: true } });
  const { proposed } = proposeAwards(ranking.rows, awards);
  return ranking.rows.map((row) => ({
    applicationId: row.applicationId,
    rank: row.rank,
    score: row.score,
    proposedAwardId: proposed.get(row.applicationId) ?? null,
    awardId: keep.has(row.applicationId) ? keep.get(row.applicationId)! : (proposed.get(row.applicationId) ?? null),
  }));
}

/** Opens a draft decision; version 2 and up correct the signed one before and need a reason. */
export async function createDecision(input: TCreateDecisionInput, context: TContext) {
  const { campaignId, kind, correctionReason } = ZCreateDecision.parse(input);
  return db.$transaction(async (tx) => {
    const campaign = await lockCampaignFor(tx, campaignId, context.actorId);
    const draft = await tx.decision.findFirst({ where: { campaignId, kind, signedAt: null }, select: { id: true } });
    if (draft) throw new AppError('CONFLICT', `已有未签署的${DECISION_KIND_LABELS[kind]}草稿，请先完成或签署它`);
    const last = await tx.decision.aggregate({ where: { campaignId, kind }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    if (version > 1 && correctionReason.length < 5) {
      throw new AppError('INVALID_INPUT', '更正已签署的决定，请写明更正理由（至少 5 个字）', { correctionReason: '请写明更正理由（至少 5 个字）' });
    }
    const items = await startingItems(tx, campaign, kind);
    const today = (await dbNow(tx)).toISOString().slice(0, 10);
    const decision = await tx.decision.create({
      data: {
        campaignId,
        kind,
        version,
        meetingDate: new Date(`${today}T00:00:00Z`),
        attendees: '',
        correctionReason: version > 1 ? correctionReason : null,
        items: { create: items },
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, context, { action: 'create-decision', entityType: 'Decision', entityId: decision.id, after: { campaignId, kind, version, correctionReason: version > 1 ? correctionReason : null, items: items.length } });
    return decision;
  });
}

async function lockDraft(tx: TTx, decisionId: string, actorId: string) {
  await tx.$queryRaw`SELECT id FROM decisions WHERE id = ${decisionId} FOR UPDATE`;
  const decision = await tx.decision.findUnique({
    where: { id: decisionId },
    select: { id: true, campaignId: true, kind: true, version: true, signedAt: true, attendees: true, meetingDate: true, items: { select: { applicationId: true, awardId: true, proposedAwardId: true, changeReason: true } } },
  });
  if (!decision) throw new AppError('NOT_FOUND', '决定不存在');
  const campaign = await loadReviewCampaign(tx, decision.campaignId, await loadGrants(tx, actorId));
  if (decision.signedAt) throw new AppError('CONFLICT', '该决定已签署，不能再修改；如需更正，请新建更正版本');
  return { decision, campaign };
}

/** Saves the draft: meeting, attendees, and the award of each entry with the reason where it departs from the proposal. */
export async function saveDecisionDraft(input: TDecisionDraftInput, context: TContext) {
  const value = ZDecisionDraft.parse(input);
  return db.$transaction(async (tx) => {
    const { decision } = await lockDraft(tx, value.decisionId, context.actorId);
    const awardIds = new Set((await tx.award.findMany({ where: { campaignId: decision.campaignId }, select: { id: true } })).map((award) => award.id));
    const known = new Set(decision.items.map((item) => item.applicationId));
    for (const item of value.items) {
      if (!known.has(item.applicationId)) throw new AppError('INVALID_INPUT', '决定中没有这个品牌，请刷新页面');
      if (item.awardId && !awardIds.has(item.awardId)) throw new AppError('INVALID_INPUT', '奖项不属于本活动');
    }
    await tx.decision.update({ where: { id: decision.id }, data: { meetingDate: new Date(`${value.meetingDate}T00:00:00Z`), attendees: value.attendees, notes: value.notes } });
    for (const item of value.items) {
      await tx.decisionItem.update({
        where: { decisionId_applicationId: { decisionId: decision.id, applicationId: item.applicationId } },
        data: { awardId: item.awardId, changeReason: item.changeReason || null },
      });
    }
    await recordAudit(tx, context, { action: 'save-decision-draft', entityType: 'Decision', entityId: decision.id, after: value });
    return { campaignId: decision.campaignId };
  });
}

/**
 * Signs the decision: meeting recorded, every departure from the proposal explained, no award over its count and none
 * for an entry that failed 实地核验. From then on the record is immutable.
 */
export async function signDecision(input: { decisionId: string }, context: TContext) {
  const { decisionId } = ZSignDecision.parse(input);
  return db.$transaction(async (tx) => {
    const { decision, campaign } = await lockDraft(tx, decisionId, context.actorId);
    const awards = await tx.award.findMany({ where: { campaignId: decision.campaignId }, select: { id: true, name: true, count: true } });
    const failed = new Set((await tx.onsiteCheck.findMany({ where: { campaignId: decision.campaignId, result: 'FAILED' }, select: { applicationId: true } })).map((row) => row.applicationId));
    const problems: string[] = [];
    if (!decision.attendees.trim()) problems.push('请填写参会人员');
    const unexplained = decision.items.filter((item) => item.awardId !== item.proposedAwardId && !item.changeReason?.trim()).length;
    if (unexplained) problems.push(`${unexplained} 个品牌的奖项与建议不同，请写明调整理由`);
    for (const award of awards) {
      const given = decision.items.filter((item) => item.awardId === award.id).length;
      if (given > award.count) problems.push(`“${award.name}”最多 ${award.count} 个，已选 ${given} 个`);
    }
    const failedWithAward = decision.items.filter((item) => item.awardId && failed.has(item.applicationId)).length;
    if (failedWithAward) problems.push(`${failedWithAward} 个实地核验未通过的品牌不能获奖`);
    if (problems.length) throw new AppError('INVALID_INPUT', `暂不能签署：${problems.join('；')}。`);
    const now = await dbNow(tx);
    await tx.decision.update({ where: { id: decisionId }, data: { signedAt: now, signedById: context.actorId } });
    await recordAudit(tx, context, {
      action: 'sign-decision',
      entityType: 'Decision',
      entityId: decisionId,
      after: { kind: decision.kind, version: decision.version, signedAt: now, awards: decision.items.filter((item) => item.awardId).map((item) => [item.applicationId, item.awardId]) },
    });
    return { campaignId: campaign.id };
  });
}

export async function listDecisions(campaignId: string) {
  return db.decision.findMany({
    where: { campaignId },
    select: { id: true, kind: true, version: true, meetingDate: true, signedAt: true, correctionReason: true, signedBy: { select: { displayName: true } }, _count: { select: { items: true } } },
    orderBy: [{ kind: 'asc' }, { version: 'desc' }],
  });
}

export async function getDecision(decisionId: string, campaignId: string) {
  const decision = await db.decision.findFirst({
    where: { id: decisionId, campaignId },
    select: {
      id: true,
      kind: true,
      version: true,
      meetingDate: true,
      attendees: true,
      notes: true,
      correctionReason: true,
      signedAt: true,
      signedBy: { select: { displayName: true } },
      items: {
        select: {
          applicationId: true,
          rank: true,
          score: true,
          awardId: true,
          proposedAwardId: true,
          changeReason: true,
          application: { select: { brandName: true, organization: { select: { name: true } }, field: { select: { name: true } } } },
        },
        orderBy: [{ rank: 'asc' }, { applicationId: 'asc' }],
      },
    },
  });
  if (!decision) return null;
  return { ...decision, items: decision.items.map((item) => ({ ...item, score: Number(item.score) })) };
}

export type TDecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

/** 拟表彰名单: the latest signed 领导小组审定, entries with an award, by award order then rank. Null before it is signed. */
export async function loadAwardProposal(campaignId: string) {
  const final = await db.decision.findFirst({ where: { campaignId, kind: 'FINAL', signedAt: { not: null } }, orderBy: { version: 'desc' }, select: { id: true, version: true, signedAt: true, meetingDate: true } });
  if (!final) return null;
  const items = await db.decisionItem.findMany({
    where: { decisionId: final.id, awardId: { not: null } },
    select: { rank: true, score: true, award: { select: { id: true, name: true, sortOrder: true } }, application: { select: { id: true, brandName: true, organization: { select: { name: true } } } } },
  });
  items.sort((a, b) => a.award!.sortOrder - b.award!.sortOrder || a.rank - b.rank);
  return { decision: final, items: items.map((item) => ({ ...item, score: Number(item.score) })) };
}
