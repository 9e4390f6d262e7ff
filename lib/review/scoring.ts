// 专家打分: an expert reads and scores only the sheets assigned to them; drafts save, submit locks, staff may reopen.
import { db, dbNow, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadGrants } from '@/lib/application/access';
import { requireOperation } from '@/lib/campaign/lifecycle-db';
import { stageStatus, type TStageStatus, type TStageWindow } from '@/lib/campaign/stages';
import { loadReviewCampaign } from '@/lib/review/pool';
import { assertEntryOperation, entryState } from '@/lib/campaign/lifecycle';
import { isListedEntry, listedAmong } from '@/lib/brand-list/listed';
import { identityTerms, redactIdentity } from '@/lib/review/blind';
import { earlierHonoursOfEntry } from '@/lib/brand/honours';
import {
  submitErrorSummary, submitScoreErrors, ZDeclareConflict, ZReopenSheet, ZScoreDraft, ZSubmitSheet, type TDeclareConflictInput, type TReopenSheetInput,
  type TScoreDraftInput,
} from '@/lib/review/schema';

type TContext = TAuditContext & { actorId: string };

const NOT_YOURS = '评分表不存在或未分配给您';

const SHEET_SELECT = {
  id: true,
  expertId: true,
  round: true,
  submittedAt: true,
  reopenedAt: true,
  reopenReason: true,
  campaign: {
    select: {
      id: true,
      title: true,
      status: true,
      blindReview: true,
      commentBelowPercent: true,
      stages: { where: { kind: 'EXPERT_REVIEW' as const }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
      rubric: { select: { criteria: { select: { id: true, name: true, maxPoints: true, guidance: true }, orderBy: { sortOrder: 'asc' as const } } } },
    },
  },
  application: {
    select: {
      id: true,
      status: true,
      brandName: true,
      slogan: true,
      essence: true,
      carriers: true,
      norms: true,
      practices: true,
      honors: true,
      secretaryName: true,
      contactName: true,
      contactPhone: true,
      selfAssessment: true,
      logoFileId: true,
      field: { select: { name: true } },
      organization: { select: { name: true, shortName: true } },
      attachments: {
        select: { slot: true, caption: true, file: { select: { id: true, kind: true, mimeType: true, size: true, width: true, height: true, originalName: true } } },
        orderBy: { sortOrder: 'asc' as const },
      },
    },
  },
  scores: { select: { criterionId: true, points: true, comment: true } },
} as const;

/** Stages as selected here: only the EXPERT_REVIEW one. */
function reviewStatus(stages: readonly TStageWindow[], now: Date): TStageStatus {
  const stage = stages.find((candidate) => candidate.kind === 'EXPERT_REVIEW');
  return stage ? stageStatus(stage, now) : 'disabled';
}

/**
 * One sheet as its expert sees it: the entry with everything the rubric judges (texts, photos, 证明材料, the branch's
 * 自评 beside each criterion), the rubric with guidance, the saved scores. When the campaign reviews blind, the
 * organization and people's names are left out, and taken out of every text and caption; files are listed by kind
 * and number, never by their names. Anyone else learns only that the sheet does not exist.
 */
export async function getSheetForExpert(assignmentId: string, userId: string) {
  const [now, sheet] = await Promise.all([dbNow(), db.reviewAssignment.findUnique({ where: { id: assignmentId }, select: SHEET_SELECT })]);
  if (!sheet || sheet.expertId !== userId || sheet.campaign.status === 'DRAFT') throw new AppError('NOT_FOUND', NOT_YOURS);
  const blind = sheet.campaign.blindReview;
  const stage = reviewStatus(sheet.campaign.stages, now);
  const { application } = sheet;
  const terms = blind
    ? identityTerms({
        organizationName: application.organization.name,
        organizationShortName: application.organization.shortName,
        secretaryName: application.secretaryName,
        contactName: application.contactName,
        contactPhone: application.contactPhone,
      })
    : [];
  const text = (value: string) => redactIdentity(value, terms);
  const selfAssessment = (application.selfAssessment ?? {}) as Record<string, unknown>;
  const photos = application.attachments.filter((attachment) => attachment.slot === 'PHOTO');
  const documents = application.attachments.filter((attachment) => attachment.slot === 'DOCUMENT');
  // 分层次选树: the brand's honours from other campaigns (a district's honour carried into this city campaign).
  const earlierHonours = await earlierHonoursOfEntry(application.id);
  return {
    id: sheet.id,
    round: sheet.round,
    earlierHonours,
    submittedAt: sheet.submittedAt,
    reopenReason: sheet.submittedAt ? null : sheet.reopenReason,
    campaign: { id: sheet.campaign.id, title: sheet.campaign.title, blindReview: blind, commentBelowPercent: sheet.campaign.commentBelowPercent },
    stage,
    endsAt: sheet.campaign.stages[0]?.endsAt ?? null,
    isEditable: stage === 'open' && !sheet.submittedAt,
    entry: {
      id: application.id,
      brandName: application.brandName,
      slogan: text(application.slogan),
      essence: text(application.essence),
      carriers: text(application.carriers),
      norms: text(application.norms),
      practices: text(application.practices),
      honors: text(application.honors),
      logoFileId: application.logoFileId,
      fieldName: application.field?.name ?? '',
      organizationName: blind ? null : application.organization.name,
      secretaryName: blind ? null : application.secretaryName,
      photos: photos.map(({ file, caption }, index) => ({ id: file.id, width: file.width, height: file.height, label: text(caption) || `照片 ${index + 1}` })),
      documents: documents.map(({ file, caption }, index) => ({
        id: file.id,
        kind: file.kind,
        size: file.size,
        typeLabel: file.mimeType === 'application/pdf' ? 'PDF' : '图片',
        label: blind ? [`证明材料 ${index + 1}`, text(caption)].filter(Boolean).join('：') : caption || file.originalName,
      })),
    },
    criteria: (sheet.campaign.rubric?.criteria ?? []).map((criterion) => {
      const saved = sheet.scores.find((score) => score.criterionId === criterion.id);
      const own = selfAssessment[criterion.id];
      return { ...criterion, selfAssessment: typeof own === 'string' ? text(own) : '', points: saved ? Number(saved.points) : null, comment: saved?.comment ?? '' };
    }),
  };
}

export type TExpertSheet = Awaited<ReturnType<typeof getSheetForExpert>>;

/** The expert's sheets in running campaigns, newest campaign first. */
export async function listSheetsForExpert(userId: string) {
  const [now, rows] = await Promise.all([
    dbNow(),
    db.reviewAssignment.findMany({
      where: { expertId: userId, campaign: { status: 'PUBLISHED' } },
      select: {
        id: true,
        round: true,
        submittedAt: true,
        applicationId: true,
        application: { select: { brandName: true, field: { select: { name: true } } } },
        campaign: { select: { id: true, title: true, stages: { where: { kind: 'EXPERT_REVIEW' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } } } },
        _count: { select: { scores: true } },
      },
      orderBy: [{ campaign: { createdAt: 'desc' } }, { round: 'asc' }, { createdAt: 'asc' }],
    }),
  ]);
  // A sheet of an entry returned for 重新申报 (off the 品牌清单) is no longer a task.
  const listed = await listedAmong(db, rows.map((row) => row.applicationId));
  return rows.filter((row) => listed.has(row.applicationId)).map((row) => ({ ...row, stage: reviewStatus(row.campaign.stages, now), endsAt: row.campaign.stages[0]?.endsAt ?? null }));
}

/**
 * Checks the sheet is the actor's, the review window open (the campaign row is share-locked first, as staff changing
 * assignments lock it before the sheets), then locks the sheet (one save or submit at a time) and checks it is editable.
 */
async function lockOwnSheet(tx: TTx, assignmentId: string, actorId: string) {
  const owner = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: { expertId: true, campaignId: true, campaign: { select: { status: true } } } });
  if (!owner || owner.expertId !== actorId || owner.campaign.status !== 'PUBLISHED') throw new AppError('NOT_FOUND', NOT_YOURS);
  await requireOperation(tx, owner.campaignId, 'score');
  await tx.$queryRaw`SELECT id FROM review_assignments WHERE id = ${assignmentId} FOR UPDATE`;
  const sheet = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: SHEET_SELECT });
  if (!sheet) throw new AppError('NOT_FOUND', NOT_YOURS);
  if (sheet.submittedAt) throw new AppError('CONFLICT', '评分表已提交，不能再修改；如需更正，请联系组织部重新开放');
  // Only an entry still on the 品牌清单 is scored: one returned for 重新申报 has left the review.
  assertEntryOperation('score-entry', entryState({ status: sheet.application.status, isListed: await isListedEntry(tx, sheet.application.id) }));
  return sheet;
}

/** Saves draft scores (autosave): one row per (sheet, criterion), whatever the number of saves, in parallel too. */
export async function saveScores(input: TScoreDraftInput, context: TContext) {
  const { assignmentId, scores } = ZScoreDraft.parse(input);
  return db.$transaction(async (tx) => {
    const sheet = await lockOwnSheet(tx, assignmentId, context.actorId);
    const criteria = new Map((sheet.campaign.rubric?.criteria ?? []).map((criterion) => [criterion.id, criterion]));
    const fieldErrors: Record<string, string> = {};
    for (const [index, score] of scores.entries()) {
      const criterion = criteria.get(score.criterionId);
      if (!criterion) fieldErrors[`scores.${index}.points`] = '评分项不属于本活动的评分标准';
      else if (score.points !== null && score.points > criterion.maxPoints) fieldErrors[`scores.${index}.points`] = `“${criterion.name}”最高 ${criterion.maxPoints} 分`;
    }
    if (Object.keys(fieldErrors).length) throw new AppError('INVALID_INPUT', Object.values(fieldErrors)[0], fieldErrors);
    for (const score of scores) {
      if (score.points === null) {
        await tx.reviewScore.deleteMany({ where: { assignmentId, criterionId: score.criterionId } });
        continue;
      }
      await tx.$executeRaw`
        INSERT INTO review_scores (assignment_id, criterion_id, points, comment, updated_at)
        VALUES (${assignmentId}, ${score.criterionId}, ${score.points}, ${score.comment}, now())
        ON CONFLICT (assignment_id, criterion_id) DO UPDATE SET points = EXCLUDED.points, comment = EXCLUDED.comment, updated_at = now()`;
    }
    await recordAudit(tx, context, { action: 'save-review-scores', entityType: 'ReviewAssignment', entityId: assignmentId, after: { scores } });
    const savedAt = await dbNow(tx);
    return { savedAt };
  });
}

/** Submits the sheet: every criterion scored, a comment wherever a score is below the campaign's share; then locked. */
export async function submitSheet(input: { assignmentId: string }, context: TContext) {
  const { assignmentId } = ZSubmitSheet.parse(input);
  return db.$transaction(async (tx) => {
    const sheet = await lockOwnSheet(tx, assignmentId, context.actorId);
    const criteria = sheet.campaign.rubric?.criteria ?? [];
    const scores = criteria.map((criterion) => {
      const row = sheet.scores.find((score) => score.criterionId === criterion.id);
      return { points: row ? Number(row.points) : null, comment: row?.comment ?? '' };
    });
    const fieldErrors = submitScoreErrors(criteria, sheet.campaign.commentBelowPercent, scores);
    if (Object.keys(fieldErrors).length) throw new AppError('INVALID_INPUT', submitErrorSummary(Object.keys(fieldErrors).length), fieldErrors);
    const now = await dbNow(tx);
    await tx.reviewAssignment.update({ where: { id: assignmentId }, data: { submittedAt: now } });
    const total = sheet.scores.reduce((sum, row) => sum + Number(row.points), 0);
    await recordAudit(tx, context, { action: 'submit-review-sheet', entityType: 'ReviewAssignment', entityId: assignmentId, after: { total, submittedAt: now } });
    return { submittedAt: now, total };
  });
}

/** Staff reopen a submitted sheet with a reason (audited); the expert may then correct and submit again. */
export async function reopenSheet(input: TReopenSheetInput, context: TContext) {
  const { assignmentId, reason } = ZReopenSheet.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: { campaignId: true } });
    if (!found) throw new AppError('NOT_FOUND', '评分表不存在');
    await loadReviewCampaign(tx, found.campaignId, await loadGrants(tx, context.actorId));
    // Reopened after the review, a sheet could not be submitted again and would drop out of the ranking.
    await requireOperation(tx, found.campaignId, 'reopen-sheet');
    await tx.$queryRaw`SELECT id FROM review_assignments WHERE id = ${assignmentId} FOR UPDATE`;
    const sheet = await tx.reviewAssignment.findUnique({ where: { id: assignmentId }, select: { campaignId: true, submittedAt: true, expertId: true } });
    if (!sheet) throw new AppError('NOT_FOUND', '评分表不存在');
    if (!sheet.submittedAt) throw new AppError('CONFLICT', '该评分表尚未提交，无需重新开放');
    const now = await dbNow(tx);
    await tx.reviewAssignment.update({ where: { id: assignmentId }, data: { submittedAt: null, reopenedAt: now, reopenReason: reason } });
    await recordAudit(tx, context, { action: 'reopen-review-sheet', entityType: 'ReviewAssignment', entityId: assignmentId, before: { submittedAt: sheet.submittedAt }, after: { reason, reopenedAt: now } });
    return { campaignId: sheet.campaignId };
  });
}

/**
 * 申请回避: the expert declares a conflict with the entry of this sheet (a relative works there, they advised it …).
 * The sheet and its draft scores go; the conflict stays, so no assignment — automatic or by hand — brings it back.
 */
export async function declareConflict(input: TDeclareConflictInput, context: TContext) {
  const { assignmentId, reason } = ZDeclareConflict.parse(input);
  return db.$transaction(async (tx) => {
    const sheet = await lockOwnSheet(tx, assignmentId, context.actorId);
    const { campaignId } = await tx.reviewAssignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { campaignId: true } });
    await tx.reviewConflict.upsert({
      where: { applicationId_expertId: { applicationId: sheet.application.id, expertId: context.actorId } },
      create: { campaignId, applicationId: sheet.application.id, expertId: context.actorId, reason },
      update: { reason },
    });
    await tx.reviewAssignment.delete({ where: { id: assignmentId } });
    await recordAudit(tx, context, { action: 'declare-review-conflict', entityType: 'Application', entityId: sheet.application.id, after: { assignmentId, reason } });
    return { campaignId };
  });
}
