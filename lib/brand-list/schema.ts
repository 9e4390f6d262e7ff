import { z } from 'zod';

export const BRAND_LIST_REASON_MIN = 5;
export const BRAND_LIST_REASON_MAX = 500;

export const ZPublishBrandListInput = z.object({
  campaignId: z.string().trim().min(1).max(64),
  /** Required from version 2 on; the service knows which version comes next. */
  reason: z.string().trim().max(BRAND_LIST_REASON_MAX, `变更理由不能超过 ${BRAND_LIST_REASON_MAX} 个字`).optional().default(''),
});
export type TPublishBrandListInput = z.input<typeof ZPublishBrandListInput>;
