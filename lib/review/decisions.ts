// 部务会初评 and 领导小组审定: recorded meetings that turn the ranking into the award list. They happen in the 初评审定
// stage once votes, scores and on-site checks are in and no 复议 is under way (lib/campaign/lifecycle 'deliberate');
// a draft is edited freely; a signed decision is immutable (a database trigger refuses changes) and a correction is a
// new version with a reason, possible after the stage too (e.g. after an objection in the 公示) until the 表彰决定.
import { z } from 'zod';
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import type { DecisionKind } from '@/lib/generated/prisma/enums';
import { entryAwardProblems } from '@/lib/review/award-rules';
import { DECISION_KIND_LABELS, listCampaignAwards, type TCampaignAward } from '@/lib/review/decision-queries';
import { loadReviewCampaign, type TReviewCampaign } from '@/lib/review/pool';
import { proposeAwards } from '@/lib/review/proposal';
import { loadRanking } from '@/lib/review/results';
import { reviewBlockers } from '@/lib/review/readiness';

type TContext = TAuditContext & { actorId: string };

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
  items: z
    .array(
      z.object({
        applicationId: z.string().min(1),
        awardIds: z.array(z.string().min(1)).max(20, '一个品牌的奖项不能超过 20 个'),
        changeReason: z.string().trim().max(300, '调整理由不能超过 300 个字').default(''),
      }),
    )
    .max(5000),
});
export const ZSignDecision = z.object({ decisionId: z.string().min(1) });

export type TCreateDecisionInput = z.input<typeof ZCreateDecision>;
export type TDecisionDraftInput = z.input<typeof ZDecisionDraft>;

/** A decision is written while the state machine allows it (a correction: also after the stage) and before the 表彰决定. */
async function requireDeliberation(tx: TTx, campaignId: string, version: number) {
  await requireOperation(tx, campaignId, version > 1 ? 'correct-decision' : 'deliberate');
  if (await tx.announcement.findUnique({ where: { campaignId }, select: { id: true } })) {
    throw new AppError('CONFLICT', '表彰决定已经发布，不能再形成或更正初评、审定');
  }
}

/** The ranking must be final: every sheet of the round counted submitted, no 复议 under way. */
async function requireCompleteReview(tx: TTx, campaign: TReviewCampaign) {
  const blockers = reviewBlockers((await loadRanking(campaign, tx)).rows);
  if (blockers.length) throw new AppError('CONFLICT', `专家评审尚未完成，不能形成或签署初评、审定：${blockers.join('；')}。`);
}

const latestSigned = (tx: TTx, campaignId: string, kind: DecisionKind) =>
  tx.decision.findFirst({
    where: { campaignId, kind, signedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, items: { select: { applicationId: true, rank: true, score: true, awards: { where: { isDecided: true }, select: { awardId: true } } } } },
  });

type TStartingItem = { applicationId: string; rank: number; score: number; proposed: string[]; decided: string[] };

/** The items a new decision starts from: the ranking's proposal (初评) or the signed 初评 (审定); a correction keeps the awards it corrects. */
async function startingItems(tx: TTx, campaign: TReviewCampaign, kind: DecisionKind): Promise<TStartingItem[]> {
  const previous = await latestSigned(tx, campaign.id, kind);
  const keep = new Map(previous?.items.map((item) => [item.applicationId, item.awards.map((row) => row.awardId)]) ?? []);
  if (kind === 'FINAL') {
    const preliminary = await latestSigned(tx, campaign.id, 'PRELIMINARY');
    if (!preliminary) throw new AppError('CONFLICT', '部务会初评签署后才能进行领导小组审定');
    return preliminary.items.map((item) => {
      const proposed = item.awards.map((row) => row.awardId);
      return { applicationId: item.applicationId, rank: item.rank, score: Number(item.score), proposed, decided: keep.get(item.applicationId) ?? proposed };
    });
  }
  const ranking = await loadRanking(campaign, tx);
  if (!ranking.rows.length) throw new AppError('CONFLICT', '还没有评审结果，不能进行初评');
  const { proposed } = proposeAwards(ranking.rows, await listCampaignAwards(campaign.id, tx));
  return ranking.rows.map((row) => {
    const ids = proposed.get(row.applicationId) ?? [];
    return { applicationId: row.applicationId, rank: row.rank, score: row.score, proposed: ids, decided: keep.get(row.applicationId) ?? ids };
  });
}

/** The decision_awards rows of one entry: every award decided or proposed, flagged. */
function awardRows(decided: readonly string[], proposed: readonly string[]) {
  return [...new Set([...decided, ...proposed])].map((awardId) => ({ awardId, isDecided: decided.includes(awardId), isProposed: proposed.includes(awardId) }));
}

/** Opens a draft decision; version 2 and up correct the signed one before and need a reason. */
export async function createDecision(input: TCreateDecisionInput, context: TContext) {
  const { campaignId, kind, correctionReason } = ZCreateDecision.parse(input);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR NO KEY UPDATE`;
    const campaign = await loadReviewCampaign(tx, campaignId, await loadGrants(tx, context.actorId));
    const last = await tx.decision.aggregate({ where: { campaignId, kind }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    await requireDeliberation(tx, campaignId, version);
    const draft = await tx.decision.findFirst({ where: { campaignId, kind, signedAt: null }, select: { id: true } });
    if (draft) throw new AppError('CONFLICT', `已有未签署的${DECISION_KIND_LABELS[kind]}草稿，请先完成或签署它`);
    if (version > 1 && correctionReason.length < 5) {
      throw new AppError('INVALID_INPUT', '更正已签署的决定，请写明更正理由（至少 5 个字）', { correctionReason: '请写明更正理由（至少 5 个字）' });
    }
    await requireCompleteReview(tx, campaign);
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
        items: { create: items.map((item) => ({ applicationId: item.applicationId, rank: item.rank, score: item.score, awards: { create: awardRows(item.decided, item.proposed) } })) },
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
    select: {
      id: true,
      campaignId: true,
      kind: true,
      version: true,
      signedAt: true,
      attendees: true,
      items: {
        select: {
          applicationId: true,
          changeReason: true,
          application: { select: { brandName: true, fieldId: true } },
          awards: { select: { awardId: true, isDecided: true, isProposed: true } },
        },
      },
    },
  });
  if (!decision) throw new AppError('NOT_FOUND', '决定不存在');
  const campaign = await loadReviewCampaign(tx, decision.campaignId, await loadGrants(tx, actorId));
  if (decision.signedAt) throw new AppError('CONFLICT', '该决定已签署，不能再修改；如需更正，请新建更正版本');
  await requireDeliberation(tx, decision.campaignId, decision.version);
  return { decision, campaign };
}

/** Every breach of the award rules (lib/review/award-rules.ts) in a decision's awards, as sentences. */
function awardRuleProblems(awards: readonly TCampaignAward[], items: readonly { application: { brandName: string; fieldId: string | null }; awardIds: readonly string[] }[]) {
  const byId = new Map(awards.map((award) => [award.id, award]));
  const fieldNames = new Map(awards.filter((award) => award.fieldId).map((award) => [award.fieldId, award.field?.name ?? '']));
  const fieldName = (fieldId: string | null) => (fieldId && fieldNames.get(fieldId)) || '其他';
  return items.flatMap((item) => entryAwardProblems(item.application, item.awardIds.map((id) => byId.get(id)!), fieldName));
}

const problemList = (problems: readonly string[]) => (problems.length > 3 ? `${problems.slice(0, 3).join('；')} 等 ${problems.length} 处` : problems.join('；'));

/** Saves the draft: meeting, attendees, and the awards of each entry with the reason where they depart from the proposal. */
export async function saveDecisionDraft(input: TDecisionDraftInput, context: TContext) {
  const value = ZDecisionDraft.parse(input);
  return db.$transaction(async (tx) => {
    const { decision } = await lockDraft(tx, value.decisionId, context.actorId);
    const awards = await listCampaignAwards(decision.campaignId, tx);
    const awardIds = new Set(awards.map((award) => award.id));
    const stored = new Map(decision.items.map((item) => [item.applicationId, item]));
    for (const item of value.items) {
      if (!stored.has(item.applicationId)) throw new AppError('INVALID_INPUT', '决定中没有这个品牌，请刷新页面');
      if (item.awardIds.some((id) => !awardIds.has(id))) throw new AppError('INVALID_INPUT', '奖项不属于本活动');
    }
    const problems = awardRuleProblems(awards, value.items.map((item) => ({ application: stored.get(item.applicationId)!.application, awardIds: item.awardIds })));
    if (problems.length) throw new AppError('INVALID_INPUT', `奖项不符合本活动的奖项规则：${problemList(problems)}。`);
    await tx.decision.update({ where: { id: decision.id }, data: { meetingDate: new Date(`${value.meetingDate}T00:00:00Z`), attendees: value.attendees, notes: value.notes } });
    const changed = value.items.filter((item) => item.changeReason !== (stored.get(item.applicationId)!.changeReason ?? ''));
    for (const item of changed) {
      await tx.decisionItem.update({ where: { decisionId_applicationId: { decisionId: decision.id, applicationId: item.applicationId } }, data: { changeReason: item.changeReason || null } });
    }
    const saved = new Set(value.items.map((item) => item.applicationId));
    await tx.decisionAward.deleteMany({ where: { decisionId: decision.id, applicationId: { in: [...saved] } } });
    await tx.decisionAward.createMany({
      data: value.items.flatMap((item) => {
        const proposed = stored.get(item.applicationId)!.awards.filter((row) => row.isProposed).map((row) => row.awardId);
        return awardRows(item.awardIds, proposed).map((row) => ({ decisionId: decision.id, applicationId: item.applicationId, ...row }));
      }),
    });
    await recordAudit(tx, context, { action: 'save-decision-draft', entityType: 'Decision', entityId: decision.id, after: value });
    return { campaignId: decision.campaignId };
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Signs the decision: meeting recorded, every departure from the proposal explained, the award rules kept, no award
 * over its count and none for an entry that failed 实地核验, the review complete. From then on the record is immutable.
 */
export async function signDecision(input: { decisionId: string }, context: TContext) {
  const { decisionId } = ZSignDecision.parse(input);
  return db.$transaction(async (tx) => {
    const { decision, campaign } = await lockDraft(tx, decisionId, context.actorId);
    await requireCompleteReview(tx, campaign);
    const awards = await listCampaignAwards(decision.campaignId, tx);
    const failed = new Set((await tx.onsiteCheck.findMany({ where: { campaignId: decision.campaignId, result: 'FAILED' }, select: { applicationId: true } })).map((row) => row.applicationId));
    const items = decision.items.map((item) => ({
      ...item,
      awardIds: item.awards.filter((row) => row.isDecided).map((row) => row.awardId),
      proposedIds: item.awards.filter((row) => row.isProposed).map((row) => row.awardId),
    }));
    const problems: string[] = [];
    if (!decision.attendees.trim()) problems.push('请填写参会人员');
    const unexplained = items.filter((item) => !sameSet(item.awardIds, item.proposedIds) && !item.changeReason?.trim()).length;
    if (unexplained) problems.push(`${unexplained} 个品牌的奖项与建议不同，请写明调整理由`);
    for (const award of awards) {
      const given = items.filter((item) => item.awardIds.includes(award.id)).length;
      if (given > award.count) problems.push(`“${award.name}”最多 ${award.count} 个，已选 ${given} 个`);
    }
    problems.push(...awardRuleProblems(awards, items));
    const failedWithAward = items.filter((item) => item.awardIds.length && failed.has(item.applicationId)).length;
    if (failedWithAward) problems.push(`${failedWithAward} 个实地核验未通过的品牌不能获奖`);
    if (problems.length) throw new AppError('INVALID_INPUT', `暂不能签署：${problems.join('；')}。`);
    const now = await dbNow(tx);
    await tx.decision.update({ where: { id: decisionId }, data: { signedAt: now, signedById: context.actorId } });
    await recordAudit(tx, context, {
      action: 'sign-decision',
      entityType: 'Decision',
      entityId: decisionId,
      after: { kind: decision.kind, version: decision.version, signedAt: now, awards: items.flatMap((item) => item.awardIds.map((awardId) => [item.applicationId, awardId])) },
    });
    return { campaignId: campaign.id };
  });
}
