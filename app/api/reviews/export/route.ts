import { z } from 'zod';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { getDecision } from '@/lib/review/decision-queries';
import { buildDecisionWorkbook, buildReviewWorkbook, renderDecisionPdf, renderReviewPdf } from '@/lib/review/export';
import { awardNamesOf, findStaffReviewCampaign } from '@/lib/review/queries';
import { loadRanking } from '@/lib/review/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaign: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  format: z.enum(['xlsx', 'pdf'], { error: '导出格式只能是 xlsx 或 pdf' }),
  decision: z.string().trim().max(64, '决定编号有误').optional(),
});

/** The review's score tables and ranking (Excel), or one decision sheet (Excel or A4 PDF), for the organizer's staff. */
export const GET = route({ access: 'user', query: ZQuery, refusals: 'text' }, async ({ user, query }) => {
  const { campaign: campaignId, format, decision: decisionId } = query;
  const campaign = await findStaffReviewCampaign(user, campaignId);
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  if (decisionId) {
    const decision = await getDecision(decisionId, campaign.id);
    if (!decision) return textRefusal(404, '决定不存在或您无权查看');
    const awardName = await awardNamesOf(campaign.id);
    const body = format === 'pdf' ? await renderDecisionPdf(campaign.title, decision, awardName) : await buildDecisionWorkbook(campaign.title, decision, awardName);
    return downloadResponse(body, format, `${campaign.title}-${decision.kind === 'FINAL' ? '领导小组审定' : '部务会初评'}-第${decision.version}版.${format}`, `review.${format}`);
  }
  const ranking = await loadRanking(campaign);
  const body = format === 'pdf' ? await renderReviewPdf(campaign, ranking) : await buildReviewWorkbook(campaign, ranking);
  return downloadResponse(body, format, `${campaign.title}-专家评审结果.${format}`, `review.${format}`);
});
