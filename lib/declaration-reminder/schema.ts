import { z } from 'zod';

export const REMINDER_BATCH_LIMIT = 500;

const id = z.string().trim().min(1).max(64);

/** 催报 by a committee: the branches named, or (no list) every branch still not submitted — 一键催报. */
export const ZRemindInput = z.object({
  campaignId: id,
  /** The committee reminding (the user must act for it). */
  organizationId: id,
  branchIds: z
    .array(id)
    .min(1, '请选择要催报的支部')
    .max(REMINDER_BATCH_LIMIT, `一次最多催报 ${REMINDER_BATCH_LIMIT} 个支部`)
    .transform((ids) => [...new Set(ids)])
    .optional(),
});
export type TRemindInput = z.input<typeof ZRemindInput>;

export type TBranchDeclarationState = 'NOT_STARTED' | 'DRAFT' | 'RETURNED';

export const BRANCH_STATE_LABELS: Record<TBranchDeclarationState, string> = {
  NOT_STARTED: '未开始',
  DRAFT: '草稿中',
  RETURNED: '已退回待重报',
};
