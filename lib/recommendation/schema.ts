import { z } from 'zod';

const ZEntryAtLevel = {
  applicationId: z.string().min(1, '申报不存在'),
  organizationId: z.string().min(1, '推荐单位不存在'),
};

export const ZRecommendInput = z.object({ ...ZEntryAtLevel });
export type TRecommendInput = z.input<typeof ZRecommendInput>;

export const ZNotRecommendInput = z.object({
  ...ZEntryAtLevel,
  reason: z.string().trim().min(5, '不推荐的理由至少 5 个字').max(500, '理由不能超过 500 个字'),
});
export type TNotRecommendInput = z.input<typeof ZNotRecommendInput>;

export const ZUndoDecisionInput = z.object({ ...ZEntryAtLevel });
export type TUndoDecisionInput = z.input<typeof ZUndoDecisionInput>;

export const ZOpinionInput = z.object({
  ...ZEntryAtLevel,
  opinion: z.string().trim().max(500, '推荐意见不能超过 500 个字'),
});
export type TOpinionInput = z.input<typeof ZOpinionInput>;

export const ZReturnEntryInput = z.object({
  ...ZEntryAtLevel,
  reason: z.string().trim().min(5, '退回理由至少 5 个字').max(500, '退回理由不能超过 500 个字'),
});
export type TReturnEntryInput = z.input<typeof ZReturnEntryInput>;

export const ZRankingInput = z.object({
  campaignId: z.string().min(1, '评选活动不存在'),
  organizationId: z.string().min(1, '推荐单位不存在'),
  /** Application ids, first = rank 1. */
  order: z.array(z.string().min(1)).max(2000, '一次排序的申报太多'),
});
export type TRankingInput = z.input<typeof ZRankingInput>;
