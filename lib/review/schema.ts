import { z } from 'zod';

const id = (label: string) => z.string().min(1, `缺少${label}`);
const reason = (label: string) => z.string().trim().min(5, `${label}至少 5 个字`).max(500, `${label}不能超过 500 个字`);

export const ZCampaignRound = z.object({ campaignId: id('评选活动'), round: z.number().int().min(1).max(9).default(1) });
export const ZCommitAssignment = ZCampaignRound.extend({
  seed: z.number().int().min(0).max(2 ** 31),
  /** The preview's fingerprint: if anything changed since, the plan is refused rather than silently different. */
  fingerprint: z.string().min(1),
});
export const ZManualAssignment = z.object({ campaignId: id('评选活动'), applicationId: id('申报'), expertId: id('专家'), round: z.number().int().min(1).max(9).default(1), reason: reason('理由') });
export const ZDisputeRound = z.object({ campaignId: id('评选活动'), applicationId: id('申报'), reason: reason('复议理由') });
export const ZRemoveAssignment = z.object({ assignmentId: id('评分表'), reason: reason('移除理由') });
export const ZReopenSheet = z.object({ assignmentId: id('评分表'), reason: reason('重新开放理由') });
export const ZDeclareConflict = z.object({ assignmentId: id('评分表'), reason: reason('回避理由') });

/** Points with at most one decimal, e.g. 18 or 18.5. */
const points = z
  .number({ error: '请填写分数' })
  .min(0, '分数不能小于 0')
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, '分数最多保留一位小数');

export const ZScoreDraft = z.object({
  assignmentId: id('评分表'),
  scores: z
    .array(z.object({ criterionId: id('评分项'), points: points.nullable(), comment: z.string().trim().max(500, '评语不能超过 500 个字').default('') }))
    .max(20),
});
export const ZSubmitSheet = z.object({ assignmentId: id('评分表') });

export type TCommitAssignmentInput = z.input<typeof ZCommitAssignment>;
export type TManualAssignmentInput = z.input<typeof ZManualAssignment>;
export type TDisputeRoundInput = z.input<typeof ZDisputeRound>;
export type TRemoveAssignmentInput = z.input<typeof ZRemoveAssignment>;
export type TReopenSheetInput = z.input<typeof ZReopenSheet>;
export type TDeclareConflictInput = z.input<typeof ZDeclareConflict>;
export type TScoreDraftInput = z.input<typeof ZScoreDraft>;

/** A comment is required where a criterion scores below this many points. */
export function commentThreshold(maxPoints: number, commentBelowPercent: number): number {
  return (maxPoints * commentBelowPercent) / 100;
}

type TSubmitCriterion = { name: string; maxPoints: number };

/**
 * 提交评分表: every criterion scored, a comment wherever the score is below the campaign's share of the maximum.
 * `scores` lines up with `criteria`. The score sheet checks it before its confirmation opens; submitSheet again on the server.
 */
export function ZSubmitScores(criteria: readonly TSubmitCriterion[], commentBelowPercent: number) {
  return z.array(z.object({ points: z.number().nullable(), comment: z.string() })).superRefine((scores, context) => {
    criteria.forEach((criterion, index) => {
      const score = scores[index];
      if (!score || score.points === null) context.addIssue({ code: 'custom', path: [index, 'points'], message: `请为“${criterion.name}”打分` });
      else if (score.points < commentThreshold(criterion.maxPoints, commentBelowPercent) && !score.comment.trim()) {
        context.addIssue({ code: 'custom', path: [index, 'comment'], message: `“${criterion.name}”低于满分的 ${commentBelowPercent}%，请写明评语` });
      }
    });
  });
}

/** The rule's problems as form field errors (`scores.<i>.points` / `scores.<i>.comment`); empty when the sheet may be submitted. */
export function submitScoreErrors(criteria: readonly TSubmitCriterion[], commentBelowPercent: number, scores: { points: number | null; comment: string }[]): Record<string, string> {
  const result = ZSubmitScores(criteria, commentBelowPercent).safeParse(scores);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [`scores.${issue.path.join('.')}`, issue.message]));
}

export const submitErrorSummary = (count: number) => `还有 ${count} 处需要完善后才能提交`;
