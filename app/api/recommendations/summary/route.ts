import { z } from 'zod';
import { getRequestIp } from '@/lib/auth/guard';
import { produceDocument } from '@/lib/documents/issue';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const ZSummaryQuery = z.object({
  campaign: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  org: z.string({ error: '缺少推荐单位' }).trim().min(1, '缺少推荐单位').max(64, '推荐单位编号有误'),
  format: z.enum(['xlsx', 'pdf'], { error: '导出格式只能是 xlsx 或 pdf' }),
});

/**
 * 推荐汇总表 of one recommending organization in one campaign, for the staff who act for it (and the organization
 * department of the campaign's owner): the official document of lib/documents, numbered (文号).
 */
export const GET = route({ access: 'user', query: ZSummaryQuery, refusals: 'text' }, async ({ user, query: { campaign, org, format } }) => {
  // Unknown and not-yours answer alike, so ids cannot be probed.
  const produced = await produceDocument({ kind: 'recommendation-summary', campaignId: campaign, scopeOrgId: org, format }, user, { ip: await getRequestIp() });
  if (typeof produced === 'string') return textRefusal(404, produced);
  return downloadResponse(produced.body, format, produced.fileName, `recommendation-summary.${format}`);
});
