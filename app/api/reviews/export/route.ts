import { z } from 'zod';
import { getRequestIp } from '@/lib/auth/guard';
import { produceDocument } from '@/lib/documents/issue';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { getDecision } from '@/lib/review/decision-queries';
import { buildReviewWorkbook, renderReviewPdf } from '@/lib/review/export';
import { findStaffReviewCampaign } from '@/lib/review/queries';
import { loadRanking } from '@/lib/review/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaign: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  format: z.enum(['xlsx', 'pdf'], { error: '导出格式只能是 xlsx 或 pdf' }),
  decision: z.string().trim().max(64, '决定编号有误').optional(),
});

/**
 * The review's score tables and ranking (Excel or A4 PDF), or one decision sheet — an official document of
 * lib/documents with its 文号 — for the organizer's staff.
 */
export const GET = route({ access: 'user', query: ZQuery, refusals: 'text' }, async ({ user, query }) => {
  const { campaign: campaignId, format, decision: decisionId } = query;
  const campaign = await findStaffReviewCampaign(user, campaignId);
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  if (decisionId) {
    const decision = await getDecision(decisionId, campaign.id);
    if (!decision) return textRefusal(404, '决定不存在或您无权查看');
    const kind = decision.kind === 'FINAL' ? 'final-decision' : 'preliminary-decision';
    const produced = await produceDocument({ kind, campaignId: campaign.id, item: decision.id, format }, user, { ip: await getRequestIp() });
    if (typeof produced === 'string') return textRefusal(404, produced);
    return downloadResponse(produced.body, format, `${campaign.title}-${decision.kind === 'FINAL' ? '领导小组审定' : '部务会初评'}-第${decision.version}版-${produced.number}.${format}`, `review.${format}`);
  }
  const ranking = await loadRanking(campaign);
  const body = format === 'pdf' ? await renderReviewPdf(campaign, ranking) : await buildReviewWorkbook(campaign, ranking);
  return downloadResponse(body, format, `${campaign.title}-专家评审结果.${format}`, `review.${format}`);
});
