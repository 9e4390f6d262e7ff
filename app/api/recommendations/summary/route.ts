import { z } from 'zod';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { loadRecommendationLevel } from '@/lib/recommendation/queries';
import { buildRecommendationSummaryWorkbook } from '@/lib/recommendation/summary-export';
import { renderRecommendationSummaryPdf } from '@/lib/recommendation/summary-pdf';

export const dynamic = 'force-dynamic';

const ZSummaryQuery = z.object({
  campaign: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  org: z.string({ error: '缺少推荐单位' }).trim().min(1, '缺少推荐单位').max(64, '推荐单位编号有误'),
  format: z.enum(['xlsx', 'pdf'], { error: '导出格式只能是 xlsx 或 pdf' }),
});

const RENDER = { xlsx: buildRecommendationSummaryWorkbook, pdf: renderRecommendationSummaryPdf } as const;

/** 推荐汇总表 of one recommending organization in one campaign, for the staff who act for it. */
export const GET = route({ access: 'user', query: ZSummaryQuery, refusals: 'text' }, async ({ user, query: { campaign, org, format } }) => {
  // Unknown and not-yours answer alike, so ids cannot be probed.
  const level = await loadRecommendationLevel(campaign, org, user.roles);
  if (!level) return textRefusal(404, '推荐汇总表不存在或您无权查看');
  const body = await RENDER[format](level);
  return downloadResponse(body, format, `${level.organization.name}-推荐汇总表.${format}`, `recommendation-summary.${format}`);
});
